using Amazon.DynamoDBv2;
using System.Diagnostics;
using Dynatus.Engine;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Seeding;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dynatus.Build;

/// <summary>
/// Syncs DynamoDB tables with YAML definitions. The front end only: parameters in, Dynatus.Engine does
/// the work, results out as MSBuild messages, coded errors and the <see cref="Actions"/> items.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "MSBuild never disposes tasks; a CancellationTokenSource without a timer holds nothing to release.")]
public sealed class DynatusSync : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>
    /// Dynatus table files and CloudFormation, SAM or CDK templates. A template item's metadata: <c>StackName</c>,
    /// <c>Region</c>, <c>TablePrefix</c>, <c>Parameters</c> (<c>Name=value;...</c>) and <c>SyncOnPublish</c>.
    /// </summary>
    [Required]
    public ITaskItem[] Tables { get; set; } = [];

    /// <summary>A DynamoDB endpoint URL; empty means AWS, through the standard region and credential chain.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Where Application Auto Scaling is asked whether a differing provisioned capacity is scaled; empty means the
    /// DynamoDB endpoint when one is set, else Application Auto Scaling's regional AWS endpoint.
    /// </summary>
    public string? AutoScalingEndpoint { get; set; }

    /// <summary>The AWS region; empty means the standard chain (AWS_REGION, the profile).</summary>
    public string? Region { get; set; }

    /// <summary>An AWS profile name; empty means the standard credential chain.</summary>
    public string? Profile { get; set; }

    /// <summary>Prepended to every table name.</summary>
    public string? TablePrefix { get; set; }

    /// <summary>Values for <c>${Name}</c>: ItemSpec = name, metadata <c>Value</c>. Environment variables are the fallback.</summary>
    public ITaskItem[] Variables { get; set; } = [];

    /// <summary><c>true</c>, <c>false</c>, or empty: allowed when the endpoint is on this machine, refused otherwise.</summary>
    public string? AllowRecreate { get; set; }

    /// <summary><c>true</c>, <c>false</c>, or empty: removing a replica the definition no longer lists (deleting that region's copy) is allowed when the endpoint is on this machine, refused otherwise.</summary>
    public string? AllowReplicaRemoval { get; set; }

    /// <summary>
    /// <c>true</c>, <c>false</c>, or empty: before a recreate deletes a table, back it up (CreateBackup) and wait until the
    /// backup is AVAILABLE. Empty: on for endpoints off this machine, off on loopback.
    /// </summary>
    public string? BackupBeforeRecreate { get; set; }

    /// <summary>Leave the tables of templates not opted in (<c>SyncOnPublish</c> metadata) to CloudFormation: the publish sync.</summary>
    public bool LeaveCloudFormationTables { get; set; }

    /// <summary>Plan only; change nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>With <see cref="DryRun"/>: <c>true</c> fails when any table is not in sync (a drift check). Default <c>false</c>.</summary>
    public string? FailOnChanges { get; set; }

    /// <summary><c>true</c> allows a plain http:// endpoint that is not on this machine. Default <c>false</c>.</summary>
    public string? AllowInsecureEndpoint { get; set; }

    /// <summary>
    /// <c>true</c> (default) reports each changed table, and each line of a plan, as a warning (the terminal logger
    /// shows no messages); <c>false</c> as high-importance messages.
    /// </summary>
    public string? ChangesAsWarnings { get; set; }

    /// <summary>Tables synced at once, 1 to 1000. Default 64.</summary>
    public string? MaxParallelism { get; set; }

    /// <summary>The longest any one wait may take, in seconds, 1 to 86400. Default 1200.</summary>
    public string? TimeoutSeconds { get; set; }

    /// <summary>Seed files (<c>.json</c>, <c>.jsonl</c>): metadata <c>Table</c>, else the file name without extensions.</summary>
    public ITaskItem[] Seeds { get; set; } = [];

    /// <summary><c>OnCreate</c> (into tables this sync created or recreated), <c>Always</c>, or <c>false</c> (default).</summary>
    public string? Seed { get; set; }

    /// <summary>Where the seed rows written or checked are recorded, so that a later build puts the rows a seed file changed.</summary>
    public string? SeedStateFile { get; set; }

    /// <summary><c>true</c> seeds an endpoint off this machine too (the publish sync, when asked); default <c>false</c>.</summary>
    public string? SeedRemoteEndpoints { get; set; }

    /// <summary>A Markdown file to write the plan or sync to, with the same as JSON beside it (<c>.json</c>).</summary>
    public string? ReportFile { get; set; }

    /// <summary>
    /// The endpoint is a default nobody chose: when nothing answers there, warn (DYN011) that the tables were not
    /// synced and let the build go on, instead of failing it (DYN201).
    /// </summary>
    public bool WarnWhenUnreachable { get; set; }

    /// <summary>
    /// One item per table: ItemSpec = table name, metadata <c>Action</c>, <c>Changes</c>, <c>Notes</c>, <c>Deferred</c>, <c>Seeded</c>,
    /// <c>Error</c>, <c>Source</c> (the file) and <c>LogicalId</c> (a template's resource).
    /// </summary>
    [Output]
    public ITaskItem[] Actions { get; private set; } = [];

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var parameters = new ParameterReader();
        var settings = ReadParameters(parameters);
        var sources = Sources(parameters);
        var log = new BuildLog(Log, settings.Report);
        var refusedEndpoint = DynamoClient.CheckAutoScalingEndpoint(AutoScalingEndpoint, "DynatusAutoScalingEndpoint", settings.AllowInsecure, SettingNames);
        if (parameters.Problems.Count > 0 || refusedEndpoint is not null)
        {
            foreach (var refused in parameters.Problems.Append(refusedEndpoint).OfType<SyncError>())
            {
                log.Error(refused);
            }

            return false;
        }

        if (Tables.Length == 0 && Seeds.Length > 0)
        {
            var first = Seeds[0].GetMetadata("FullPath");
            Log.LogWarning(null, FrontEndCodes.SeedsWithoutTables, null, first, 1, 1, 0, 0,
                $"{Seeds.Length} seed file(s) but no DynamoTable item, so no table gets their rows. Declare the tables (dynamo/*.yaml by default, or DynamoTable items), or remove the seed files.");
            return true;
        }

        if (Tables.Length == 0)
        {
            Log.LogMessage(MessageImportance.Normal, "Dynatus: no DynamoTable items (dynamo/**/*.yaml by default): nothing to sync.");
            return true;
        }

        // The client is made on another core while the definitions load, and the code its first request and plan run is
        // compiled on a third, unless the build's DynatusWarmUp did so already: nothing is sent before they are known valid.
        ProcessWarmUp.Start([]);
        var connecting = System.Threading.Tasks.Task.Run(() => Connect(settings.AllowInsecure));
        var variables = VariableValues();
        var loaded = TableSync.Load(sources, new SyncOptions { Variables = variables, TablePrefix = TablePrefix, Region = Region, SettingNames = DefinitionSettingNames.MSBuild });
        var (client, target, problem) = connecting.GetAwaiter().GetResult();
        if (client is null)
        {
            // A publish sync whose every table CloudFormation deploys sends nothing, so it needs no AWS region or credentials.
            if (LeaveCloudFormationTables && loaded.IsValid && loaded.Tables.All(t => t.Origin.DeployedByCloudFormation))
            {
                log.ReportWarnings(loaded.Warnings);
                log.ReportLeftToCloudFormation([.. loaded.Tables.Select(t => t.TableName)]);
                return true;
            }

            log.Error(problem!);
            return false;
        }

        var seed = settings.Seed;
        if (seed != SeedMode.None && Seeds.Length > 0 && !target.IsLoopback && !settings.SeedRemote)
        {
            Log.LogMessage(MessageImportance.High, $"Dynatus: no seed items written: {target.Description} is not on this machine (the publish sync seeds with DynatusSeedOnPublish=true).");
            seed = SeedMode.None;
        }

        using (client)
        {
            var options = new SyncOptions
            {
                DryRun = DryRun,
                AllowRecreate = settings.AllowRecreate ?? target.IsLoopback,
                AllowReplicaRemoval = settings.AllowReplicaRemoval ?? target.IsLoopback,
                BackupBeforeRecreate = target.BackupBeforeRecreate(settings.BackupBeforeRecreate),
                AutoScalingEndpoint = AutoScalingEndpoint,
                MaxParallelism = settings.MaxParallelism,
                WaitTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
                TablePrefix = TablePrefix,
                Variables = variables,
                SettingNames = DefinitionSettingNames.MSBuild,
                Region = target.Region,
                LeaveCloudFormationTables = LeaveCloudFormationTables,
                Seed = seed,
                SeedStateFile = string.IsNullOrWhiteSpace(SeedStateFile) ? null : SeedStateFile,
                Seeds = [.. Seeds.Select(s => new SeedSource(s.GetMetadata("FullPath")) { Table = s.GetMetadata("Table") is { Length: > 0 } table ? table : null })],
                Log = log,
            };

            // Templates name AWS::Region; loaded before the client knew its region, they are read again with it.
            if (options.Region is not null && string.IsNullOrWhiteSpace(Region) && (!loaded.IsValid || loaded.Tables.Any(t => t.Origin.LogicalId is not null)))
            {
                loaded = TableSync.Load(sources, options);
            }

            var watch = Stopwatch.StartNew();
            var result = System.Threading.Tasks.Task.Run(() => TableSync.SyncLoadedAsync(client, loaded, options, options.Seeds, cancellation.Token)).GetAwaiter().GetResult();
            Actions = [.. result.Tables.Select(ToItem)];
            log.Report(result, target, watch.Elapsed);
            if (settings.BackupBeforeRecreate == false && !target.IsLoopback)
            {
                log.ReportRecreatedWithoutBackup(result.Tables);
            }

            PlanReport.Write(ReportFile, Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), result, target, DryRun);
        }

        return !Log.HasLoggedErrors;
    }

    private (AmazonDynamoDBClient? Client, SyncTarget Target, SyncError? Problem) Connect(bool allowInsecure) =>
        DynamoClient.TryCreate(Endpoint, Region, Profile, allowInsecure, SettingNames, out var client, out var target, out var problem)
            ? (client, target, null)
            : (null, target, problem);

    private Settings ReadParameters(ParameterReader parameters) => new(
        parameters.OptionalFlag(AllowRecreate, nameof(AllowRecreate)),
        parameters.OptionalFlag(AllowReplicaRemoval, nameof(AllowReplicaRemoval)),
        parameters.OptionalFlag(BackupBeforeRecreate, nameof(BackupBeforeRecreate)),
        new ReportOptions(
            DryRun,
            FailOnChanges: parameters.Flag(FailOnChanges, nameof(FailOnChanges), fallback: false),
            ChangesAsWarnings: parameters.Flag(ChangesAsWarnings, nameof(ChangesAsWarnings), fallback: true),
            WarnWhenUnreachable),
        parameters.Flag(AllowInsecureEndpoint, nameof(AllowInsecureEndpoint), fallback: false),
        parameters.Number(MaxParallelism, nameof(MaxParallelism), 1, 1000, fallback: 64),
        parameters.Number(TimeoutSeconds, nameof(TimeoutSeconds), 1, 86400, fallback: 1200),
        parameters.Choice(Seed, nameof(Seed), ["OnCreate", "Always", "false"], fallback: "false") switch
        {
            "OnCreate" => SeedMode.OnCreate,
            "Always" => SeedMode.Always,
            _ => SeedMode.None,
        },
        parameters.Flag(SeedRemoteEndpoints, nameof(SeedRemoteEndpoints), fallback: false));

    // Each file once, with its metadata; a template's parameters take DynatusVariable items where its metadata gives no value.
    private List<DefinitionSource> Sources(ParameterReader parameters)
    {
        var given = Variables.ToDictionary(v => v.ItemSpec, v => v.GetMetadata("Value"), StringComparer.Ordinal);
        return Tables.DistinctBy(t => t.GetMetadata("FullPath"), StringComparer.Ordinal).Select(item =>
        {
            var values = new Dictionary<string, string>(given, StringComparer.Ordinal);
            foreach (var (name, value) in parameters.MetadataPairs(item.GetMetadata("Parameters"), item.ItemSpec, "Parameters"))
            {
                values[name] = value;
            }

            return new DefinitionSource(item.GetMetadata("FullPath"))
            {
                TablePrefix = Optional(item, "TablePrefix"),
                StackName = Optional(item, "StackName"),
                Region = Optional(item, "Region"),
                Parameters = values,
                SyncOnPublish = parameters.MetadataFlag(item.GetMetadata("SyncOnPublish"), item.ItemSpec, "SyncOnPublish"),
            };
        }).ToList();
    }

    private static string? Optional(ITaskItem item, string metadata) => item.GetMetadata(metadata) is { Length: > 0 } value ? value : null;

    private Dictionary<string, string> VariableValues() =>
        Engine.Definitions.Variables.WithEnvironment(Variables.Select(v => KeyValuePair.Create(v.ItemSpec, v.GetMetadata("Value"))));

    private static TaskItem ToItem(TableSyncResult outcome)
    {
        var item = new TaskItem(outcome.Table);
        item.SetMetadata("Action", outcome.Action.ToString().ToLowerInvariant());
        item.SetMetadata("Changes", string.Join("; ", outcome.Changes));
        item.SetMetadata("Seeded", outcome.Seeded.ToString(System.Globalization.CultureInfo.InvariantCulture));
        item.SetMetadata("Deferred", string.Join("; ", outcome.Deferred));
        item.SetMetadata("Notes", string.Join("; ", outcome.Notes));
        item.SetMetadata("Error", outcome.Error?.ToString() ?? string.Empty);
        item.SetMetadata("Source", outcome.Location?.File ?? string.Empty);
        item.SetMetadata("LogicalId", outcome.LogicalId ?? string.Empty);
        item.SetMetadata("Backup", outcome.Backup ?? string.Empty);
        return item;
    }

    private static readonly ClientSettingNames SettingNames = new(
        "DynatusEndpoint, DynatusPublishEndpoint, the Endpoint parameter",
        "DynatusRegion",
        "DynatusProfile",
        "set DynatusAllowInsecureEndpoint=true",
        "set DynatusSyncOnPublish=false to publish without syncing tables");

    /// <summary>The task's parameters, read and checked.</summary>
    private sealed record Settings(bool? AllowRecreate, bool? AllowReplicaRemoval, bool? BackupBeforeRecreate, ReportOptions Report, bool AllowInsecure, int MaxParallelism, int TimeoutSeconds, SeedMode Seed, bool SeedRemote);
}
