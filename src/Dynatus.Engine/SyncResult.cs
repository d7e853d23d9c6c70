using Dynatus.Engine.Definitions;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine;

/// <summary>The outcome for one table: the Clojure dynatus library's <c>{:table :action}</c>, with the changes and any error.</summary>
/// <param name="Table">The table's name.</param>
/// <param name="Action">What was planned (and, unless <see cref="Error"/> says otherwise, done).</param>
public sealed record TableSyncResult(string Table, TableAction Action)
{
    /// <summary>Readable differences; empty for noop.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>Where the table is defined, when it was loaded from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The resource's logical id, when the table comes from a CloudFormation template.</summary>
    public string? LogicalId { get; init; }

    /// <summary>When the table failed part way: the calls that were made before the failure, and stay made.</summary>
    public IReadOnlyList<string> Applied { get; init; } = [];

    /// <summary>What is in sync for a reason worth saying, such as a capacity that Application Auto Scaling manages.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Changes that AWS's rate limits (one TTL change a table an hour) leave to a later sync, each saying when.</summary>
    public IReadOnlyList<string> Deferred { get; init; } = [];

    /// <summary>The ARN of the on-demand backup taken before the table was recreated (<see cref="SyncOptions.BackupBeforeRecreate"/>).</summary>
    public string? Backup { get; init; }

    /// <summary>How many seed items this sync put into the table.</summary>
    public int Seeded { get; init; }

    /// <summary>Null when the table is in sync; otherwise why it is not.</summary>
    public SyncError? Error { get; init; }

    /// <summary>True when the table is in sync with its definition (or, in a dry run, was planned).</summary>
    public bool Succeeded => Error is null;
}

/// <summary>The outcome of a sync, in the shape of the Clojure dynatus library's result map (<c>:sync</c> is <see cref="Succeeded"/>, <c>:migrated</c> is <see cref="Tables"/>).</summary>
public sealed record SyncResult
{
    /// <summary>The Clojure library's reason when a folder has no definition file.</summary>
    public const string NoFilesReason = "No DynamoDB migration files found.";

    /// <summary>The Clojure library's reason when a sync failed.</summary>
    public const string ExceptionReason = "Exception while executing DynamoDB sync.";

    /// <summary>The reason when a definition is invalid (nothing is sent to DynamoDB then).</summary>
    public const string InvalidDefinitionsReason = "Invalid DynamoDB table definitions.";

    /// <summary>True when every table is in sync.</summary>
    public bool Succeeded { get; init; }

    /// <summary>How many tables were processed.</summary>
    public int Count => Tables.Count;

    /// <summary>One entry per table, in definition order.</summary>
    public IReadOnlyList<TableSyncResult> Tables { get; init; } = [];

    /// <summary>Why the sync failed, when it did.</summary>
    public string? Reason { get; init; }

    /// <summary>The error messages, when the sync failed on DynamoDB's side.</summary>
    public string? Error { get; init; }

    /// <summary>The folder, when it held no definition file.</summary>
    public string? Path { get; init; }

    /// <summary>Definition problems, when any definition is invalid.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; init; } = [];

    /// <summary>What the definitions declare that a sync leaves alone (CloudFormation properties Dynatus does not manage); never a failure.</summary>
    public IReadOnlyList<DefinitionProblem> Warnings { get; init; } = [];

    /// <summary>Tables from templates that this sync left to CloudFormation (<see cref="SyncOptions.LeaveCloudFormationTables"/>).</summary>
    public IReadOnlyList<string> LeftToCloudFormation { get; init; } = [];

    /// <summary>In a dry run, the tables that exist but are not declared; a sync never lists or touches them.</summary>
    public IReadOnlyList<string> UnmanagedTables { get; init; } = [];
}
