namespace Dynatus.Engine.Definitions;

/// <summary>
/// CloudFormation properties that map to nothing Dynatus syncs: accepted with warning DYN121, and never resolved
/// (a Kinesis stream's ARN, for one, is known only at deploy, and does not matter to a table's mirror).
/// </summary>
internal static class NotSyncedProperties
{
    /// <summary>In a table.</summary>
    public static readonly string[] Table = ["ImportSourceSpecification"];

    /// <summary>
    /// Synced from a definition, but not from a template, whose policy names its resources and whose Kinesis
    /// destination names its stream with functions (<c>!GetAtt Table.Arn</c>) that have values only at deploy: left to
    /// CloudFormation there.
    /// </summary>
    public static readonly string[] TemplateTable = ["ResourcePolicy", "KinesisStreamSpecification"];

    /// <summary>In a template's stream specification: the stream's policy names the stream with <c>!GetAtt Table.StreamArn</c>.</summary>
    public static readonly string[] TemplateStream = ["ResourcePolicy"];

    /// <summary>In an <c>AWS::DynamoDB::GlobalTable</c> or one of its replicas.</summary>
    public static readonly string[] GlobalTable = ["KinesisStreamSpecification", "ReplicaStreamSpecification", "ResourcePolicy", "GlobalTableSettingsReplicationMode"];

    // Asked of every key of every template table, so a set.
    private static readonly HashSet<string> All = new([.. Table, .. TemplateTable, .. GlobalTable], StringComparer.Ordinal);

    /// <summary>True for a property whose value is never resolved (its references may exist only at deploy).</summary>
    public static bool Contains(string? name) => name is not null && All.Contains(name);

    public static void Warn(DefinitionProblems problems, string name, SourceLocation at) =>
        problems.Warning(ProblemCodes.NotSynced, $"{name} is not synced: Dynatus leaves it to CloudFormation (or whoever sets it), in AWS and in the local DynamoDB.", at);
}
