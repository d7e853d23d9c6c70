using Dynatus.Engine.Definitions;
using Dynatus.Engine.Seeding;

namespace Dynatus.Engine;

/// <summary>How a sync runs. The defaults suit real AWS.</summary>
public sealed class SyncOptions
{
    /// <summary>Tables synced at once. AWS allows hundreds of table operations in flight; 64 creates 50 tables in about the time of one.</summary>
    public int MaxParallelism { get; init; } = 64;

    /// <summary>The longest any one wait may take (a table to become ACTIVE, an index to backfill, a table to go).</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Plan only: report what would change, and change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Allow recreating a table whose key schema, key attribute types or local secondary indexes changed.
    /// A recreate deletes every item in the table. Off by default.
    /// </summary>
    public bool AllowRecreate { get; init; }

    /// <summary>
    /// Allow removing a replica that the definition no longer lists (global tables): the table in that region is deleted
    /// with its items. Off by default.
    /// </summary>
    public bool AllowReplicaRemoval { get; init; }

    /// <summary>
    /// Before a recreate deletes a table, take an on-demand backup of it (CreateBackup) and wait until it is AVAILABLE;
    /// when it cannot be made, the table is not recreated (DYN209). Off by default; the MSBuild package turns it on for
    /// endpoints off this machine.
    /// </summary>
    public bool BackupBeforeRecreate { get; init; }

    /// <summary>
    /// Where Application Auto Scaling is asked whether a differing provisioned capacity is scaled. Null or blank: the DynamoDB
    /// client's endpoint when it has one (a local DynamoDB), else Application Auto Scaling's regional AWS endpoint.
    /// </summary>
    public string? AutoScalingEndpoint { get; init; }

    /// <summary>Values for <c>${Name}</c> references in definition files.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Prepended to every table name loaded from files, such as <c>dev-</c>.</summary>
    public string? TablePrefix { get; init; }

    /// <summary>The front end's words for the settings that definition problems' advice names.</summary>
    internal DefinitionSettingNames SettingNames { get; init; } = DefinitionSettingNames.Engine;

    /// <summary>The first pause before retrying a throttled call; later pauses double, up to 20 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>When seed items are written: never by default.</summary>
    public SeedMode Seed { get; init; }

    /// <summary>
    /// A file where the sync records the seed rows it wrote or checked, so that a later sync with
    /// <see cref="SeedMode.OnCreate"/> also puts the rows the seed files added or changed since, and only those. None by
    /// default: an existing table's rows are then never put.
    /// </summary>
    public string? SeedStateFile { get; init; }

    /// <summary>
    /// The seed files. <see cref="TableSync.SyncAsync"/> takes those under its folder's <c>seed</c> folder when none are given.
    /// </summary>
    public IReadOnlyList<SeedSource> Seeds { get; init; } = [];

    /// <summary>
    /// Leave alone the tables of templates not opted in (<see cref="Definitions.DefinitionSource.SyncOnPublish"/>): CloudFormation
    /// deploys them. The publish sync sets it; a sync into a local DynamoDB mirrors them.
    /// </summary>
    public bool LeaveCloudFormationTables { get; init; }

    /// <summary>The region whose replica of a global table is mirrored, and the value of <c>AWS::Region</c>; default <c>us-east-1</c>.</summary>
    public string? Region { get; init; }

    /// <summary>Where progress goes.</summary>
    public ISyncLog Log { get; init; } = NullSyncLog.Instance;
}
