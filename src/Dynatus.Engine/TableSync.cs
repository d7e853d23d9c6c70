using Amazon.DynamoDBv2;
using Dynatus.Engine.Applying;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Seeding;

namespace Dynatus.Engine;

/// <summary>
/// Keeps DynamoDB tables in sync with their definitions: the Clojure dynatus library's <c>syncronizate</c> (<see cref="SyncAsync"/>),
/// <c>execute-tables-sync</c> (<see cref="SyncDefinitionsAsync"/>) and <c>wait-for-table-active</c>.
/// </summary>
public static class TableSync
{
    /// <summary>The folder the Clojure dynatus library reads by default.</summary>
    public const string DefaultPath = "./resources/dynamo";

    /// <summary>Loads the YAML files below a folder and syncs their tables.</summary>
    /// <param name="client">The DynamoDB client; its endpoint and credentials decide where tables go.</param>
    /// <param name="path">The folder of <c>.yaml</c>/<c>.yml</c> files.</param>
    /// <param name="options">How to run; defaults suit real AWS.</param>
    /// <param name="cancellationToken">Stops every call and wait.</param>
    public static Task<SyncResult> SyncAsync(IAmazonDynamoDB client, string path = DefaultPath, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        var files = TableDefinitionLoader.FindFiles(path);
        options ??= new SyncOptions();
        var seeds = options.Seed != SeedMode.None && options.Seeds.Count == 0 ? SeedSource.FindIn(Path.Combine(path, "seed")) : options.Seeds;
        return files.Count == 0
            ? Task.FromResult(new SyncResult { Succeeded = false, Reason = SyncResult.NoFilesReason, Path = path })
            : SyncSourcesAsync(client, files.Select(f => new DefinitionSource(f)), options, seeds, cancellationToken);
    }

    /// <summary>Loads the given files and syncs their tables; nothing is sent if any definition is invalid.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="files">Dynatus table files or CloudFormation, SAM and CDK templates.</param>
    /// <param name="options">How to run.</param>
    /// <param name="cancellationToken">Stops every call and wait.</param>
    public static Task<SyncResult> SyncFilesAsync(IAmazonDynamoDB client, IEnumerable<string> files, SyncOptions? options = null, CancellationToken cancellationToken = default) =>
        SyncSourcesAsync(client, files.Select(f => new DefinitionSource(f)), options, cancellationToken);

    /// <summary>Loads the given files, each with its own settings, and syncs their tables; nothing is sent if any definition is invalid.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="sources">Dynatus table files or templates, with their prefixes, stack names and parameter values.</param>
    /// <param name="options">How to run.</param>
    /// <param name="cancellationToken">Stops every call and wait.</param>
    public static Task<SyncResult> SyncSourcesAsync(IAmazonDynamoDB client, IEnumerable<DefinitionSource> sources, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SyncOptions();
        return SyncSourcesAsync(client, sources, options, options.Seeds, cancellationToken);
    }

    private static Task<SyncResult> SyncSourcesAsync(IAmazonDynamoDB client, IEnumerable<DefinitionSource> sources, SyncOptions options, IReadOnlyList<SeedSource> seedSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return SyncLoadedAsync(client, Load(sources, options), options, seedSources, cancellationToken);
    }

    /// <summary>The definitions of <paramref name="sources"/>, as a sync with <paramref name="options"/> reads them.</summary>
    internal static LoadResult Load(IEnumerable<DefinitionSource> sources, SyncOptions options) =>
        TableDefinitionLoader.LoadSources(sources, new LoadOptions { Variables = options.Variables, TablePrefix = options.TablePrefix, Region = options.Region, SettingNames = options.SettingNames });

    /// <summary>The sync of definitions loaded already (<see cref="Load"/>): a front end loads them while the client warms up.</summary>
    internal static async Task<SyncResult> SyncLoadedAsync(IAmazonDynamoDB client, LoadResult loaded, SyncOptions options, IReadOnlyList<SeedSource> seedSources, CancellationToken cancellationToken)
    {
        var problems = loaded.Problems.ToList();

        // Seed items are checked against valid definitions only: their keys decide what a valid item is.
        var seeds = problems.Count == 0 && options.Seed != SeedMode.None
            ? SeedLoader.Load(seedSources, loaded.Tables, options.TablePrefix, problems)
            : [];
        if (problems.Count > 0)
        {
            return new SyncResult { Succeeded = false, Reason = SyncResult.InvalidDefinitionsReason, Problems = problems, Warnings = loaded.Warnings };
        }

        var left = options.LeaveCloudFormationTables ? loaded.Tables.Where(t => t.Origin.DeployedByCloudFormation).ToList() : [];
        var tables = loaded.Tables.Except(left).ToList();
        var outcomes = await RunAsync(client, tables, options, seeds, cancellationToken).ConfigureAwait(false);
        var errors = outcomes.Where(m => m.Error is not null).Select(m => m.Error!.ToString()).ToList();
        var unmanaged = options.DryRun && errors.Count == 0
            ? await UnmanagedAsync(client, loaded.Tables, options, cancellationToken).ConfigureAwait(false)
            : [];
        return new SyncResult
        {
            Succeeded = errors.Count == 0,
            Tables = outcomes,
            Reason = errors.Count == 0 ? null : SyncResult.ExceptionReason,
            Error = errors.Count == 0 ? null : string.Join(Environment.NewLine, errors),
            UnmanagedTables = unmanaged,
            Warnings = loaded.Warnings,
            LeftToCloudFormation = left.Select(t => t.TableName).ToList(),
        };
    }

    /// <summary>
    /// Syncs tables defined in code: one <see cref="TableSyncResult"/> per definition, in input order.
    /// A table that fails carries its <see cref="TableSyncResult.Error"/>; the others still sync.
    /// </summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="definitions">The tables.</param>
    /// <param name="options">How to run. <see cref="SyncOptions.TablePrefix"/> and variables apply to files only.</param>
    /// <param name="cancellationToken">Stops every call and wait.</param>
    /// <exception cref="InvalidTableDefinitionException">A definition is invalid; nothing was sent.</exception>
    public static Task<IReadOnlyList<TableSyncResult>> SyncDefinitionsAsync(IAmazonDynamoDB client, IReadOnlyList<TableDefinition> definitions, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(definitions);
        var tables = TableDefinitionLoader.Build(definitions, out var problems);
        if (problems.Count > 0)
        {
            throw new InvalidTableDefinitionException(problems);
        }

        return RunAsync(client, tables, options ?? new SyncOptions(), [], cancellationToken);
    }

    /// <summary>
    /// Syncs tables as <see cref="TableDefinitionLoader"/> loaded them (<see cref="LoadResult.Tables"/>): one
    /// <see cref="TableSyncResult"/> per table, in input order; seed files are not read.
    /// </summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="options">How to run; prefixes and variables were applied when the tables were loaded.</param>
    /// <param name="cancellationToken">Stops every call and wait.</param>
    public static Task<IReadOnlyList<TableSyncResult>> SyncTablesAsync(IAmazonDynamoDB client, IReadOnlyList<Table> tables, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tables);
        return RunAsync(client, tables, options ?? new SyncOptions(), [], cancellationToken);
    }

    /// <summary>Waits until a table is ACTIVE with all its indexes.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>True once ACTIVE; false when the time ran out.</returns>
    public static async Task<bool> WaitForTableActiveAsync(IAmazonDynamoDB client, string tableName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await new TableWaiter(client, new SyncOptions { WaitTimeout = timeout }).UntilSettledAsync(tableName, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task<IReadOnlyList<TableSyncResult>> RunAsync(IAmazonDynamoDB client, IReadOnlyList<Table> definitions, SyncOptions options, Dictionary<string, List<SeedItem>> seeds, CancellationToken cancellationToken)
    {
        var state = options.SeedStateFile is { } file && seeds.Count > 0 && !options.DryRun
            ? SeedState.Load(file, Errors.EndpointOf(client))
            : null;
        var outcomes = await RunTablesAsync(client, definitions, options, seeds, state, cancellationToken).ConfigureAwait(false);
        try
        {
            state?.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not saved: the next sync finds the rows unknown and puts none, as without a state file.
        }

        return outcomes;
    }

    private static async Task<IReadOnlyList<TableSyncResult>> RunTablesAsync(IAmazonDynamoDB client, IReadOnlyList<Table> definitions, SyncOptions options, Dictionary<string, List<SeedItem>> seeds, SeedState? state, CancellationToken cancellationToken)
    {
        using var autoScaling = new ScalableTargets(client, options);
        using var regions = new RegionalClients(client);
        var synchronizer = new TableSynchronizer(client, options, autoScaling, regions);
        var writer = new SeedWriter(client, options);
        using var slots = new SemaphoreSlim(Math.Max(1, options.MaxParallelism));
        var tasks = definitions.Select(async definition =>
        {
            var name = definition.TableName;
            TableSyncResult outcome;
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new TableSyncResult(name, TableAction.Noop) { Error = Errors.From(new OperationCanceledException(), name, client, cancellationToken) };
            }

            try
            {
                outcome = await synchronizer.SyncAsync(definition, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Seeding holds no slot: it never keeps another table from syncing.
                slots.Release();
            }

            if (!seeds.TryGetValue(name, out var items) || !outcome.Succeeded || options.DryRun)
            {
                return outcome;
            }

            var rows = RowsToPut(outcome, definition, items, options, state);
            try
            {
                await writer.WriteAsync(name, rows, cancellationToken).ConfigureAwait(false);
                state?.Record(definition, items);
                return rows.Count == 0 ? outcome
                    : rows.Count == items.Count || outcome.Action is TableAction.Create or TableAction.Recreate ? outcome with { Seeded = rows.Count }
                    : outcome with { Seeded = rows.Count, Notes = [.. outcome.Notes, ChangedRowsNote(rows)] };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return outcome with { Error = Errors.From(e, name, client, cancellationToken) };
            }
        }).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    // Every row into a table this sync made, or at every sync with Always; else the rows the seed files changed since
    // the state was recorded, so that an edit in the file reaches the table and an edit in the table is left alone.
    private static IReadOnlyList<SeedItem> RowsToPut(TableSyncResult outcome, Table table, List<SeedItem> items, SyncOptions options, SeedState? state) =>
        options.Seed == SeedMode.Always || outcome.Action is TableAction.Create or TableAction.Recreate ? items
        : state?.Changed(table, items) ?? [];

    private static string ChangedRowsNote(IReadOnlyList<SeedItem> rows) =>
        $"put {rows.Count} seed row(s) changed in the seed files since the last sync: " +
        string.Join(", ", rows.Take(10).Select(r => $"{Path.GetFileName(r.Location.File)}({r.Location.Line})")) + (rows.Count > 10 ? $" and {rows.Count - 10} more" : string.Empty);

    private static async Task<IReadOnlyList<string>> UnmanagedAsync(IAmazonDynamoDB client, IReadOnlyList<Table> definitions, SyncOptions options, CancellationToken cancellationToken)
    {
        var declared = definitions.Select(d => d.TableName).ToHashSet(StringComparer.Ordinal);
        var names = await Retry.RunAsync(() => LiveTableReader.ListTableNamesAsync(client, cancellationToken), options.RetryBaseDelay, cancellationToken).ConfigureAwait(false);
        // A prefix names the tables this sync owns (dev-, a developer's own): others' tables are none of its business.
        return names.Where(n => !declared.Contains(n) && n.StartsWith(options.TablePrefix ?? string.Empty, StringComparison.Ordinal)).ToList();
    }
}
