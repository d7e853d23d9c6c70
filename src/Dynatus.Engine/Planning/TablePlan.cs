namespace Dynatus.Engine.Planning;

/// <summary>What a sync will do to one table, and why.</summary>
/// <param name="TableName">The table.</param>
/// <param name="Action">Create, noop, update or recreate.</param>
/// <param name="Changes">Readable differences, such as <c>GSI email-index: create</c>; empty for noop.</param>
/// <param name="Steps">The requests, in the order they must run.</param>
internal sealed record TablePlan(string TableName, TableAction Action, IReadOnlyList<string> Changes, IReadOnlyList<PlanStep> Steps)
{
    /// <summary>For a recreate, what forces it: key schema, key attribute type, local secondary indexes.</summary>
    public string? RecreateReason { get; init; }

    /// <summary>Why the plan cannot be carried out as it stands, if it cannot; nothing is sent then.</summary>
    public string? Blocker { get; init; }

    /// <summary>The regions whose replica the plan removes, with its items: refused unless allowed.</summary>
    public IReadOnlyList<string> RemovedReplicas { get; init; } = [];

    /// <summary>What is in sync for a reason worth saying, such as a capacity managed by auto scaling.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The tables and indexes (Application Auto Scaling resource ids) whose provisioned capacity differs while it is
    /// not known whether auto scaling manages it; the plan must be made again with the answer before it is applied.
    /// </summary>
    public IReadOnlyList<string> AutoScalingQuestions { get; init; } = [];

    /// <summary>The same questions about a replica's table in its region (its read auto scaling), by region.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AutoScalingQuestionsInRegions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
