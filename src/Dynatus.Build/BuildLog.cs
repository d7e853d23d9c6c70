using Dynatus.Engine;
using Dynatus.Engine.Planning;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dynatus.Build;

/// <summary>Reports a sync as MSBuild messages (one line a table, then a summary) and coded errors.</summary>
internal sealed class BuildLog(TaskLoggingHelper log, bool changesAsWarnings) : ISyncLog
{
    private const string Prefix = "Dynatus: ";

    public void Progress(string tableName, string message) =>
        log.LogMessage(MessageImportance.Normal, $"{Prefix}{tableName}: {message}");

    public void Error(SyncError error) =>
        log.LogError(subcategory: null, error.Code, helpKeyword: null, file: null, 0, 0, 0, 0, error.Message);

    public void Report(SyncResult result, SyncTarget target, bool dryRun, bool failOnChanges, TimeSpan elapsed)
    {
        foreach (var problem in result.Problems)
        {
            var at = problem.Location;
            log.LogError(subcategory: null, problem.Code, helpKeyword: null, at.File, at.Line, at.Column, 0, 0, problem.Message);
        }

        if (result.Problems.Count > 0)
        {
            log.LogMessage(MessageImportance.High, $"{Prefix}nothing was sent to DynamoDB: {result.Problems.Count} problem(s) in the table definitions.");
            return;
        }

        foreach (var table in result.Migrated.Where(m => m.Error is null))
        {
            var verb = dryRun && table.Action != TableAction.Noop ? "would " : string.Empty;
            var changes = table.Changes.Count == 0 || table.Action == TableAction.Noop ? string.Empty : $": {string.Join("; ", table.Changes)}";
            var line = $"{table.Table}: {verb}{Name(table.Action)}{changes}";
            if (table.Action == TableAction.Noop || dryRun || !changesAsWarnings)
            {
                log.LogMessage(table.Action == TableAction.Noop ? MessageImportance.Normal : MessageImportance.High, Prefix + line);
            }
            else
            {
                // The terminal logger shows warnings and errors only; a change to a table must be seen.
                var at = table.Location;
                log.LogWarning(subcategory: null, FrontEndCodes.TableChanged, helpKeyword: null, at?.File, at?.Line ?? 0, at?.Column ?? 0, 0, 0, line);
            }
        }

        ReportErrors(result.Migrated.Where(m => m.Error is not null).ToList(), target);
        foreach (var unmanaged in result.UnmanagedTables)
        {
            log.LogMessage(MessageImportance.High, $"{Prefix}{unmanaged}: unmanaged (exists, not declared; never touched)");
        }

        var counts = string.Join(", ", result.Migrated.GroupBy(m => m.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}"));
        log.LogMessage(MessageImportance.High, $"{Prefix}{(dryRun ? "planned" : "synced")} {result.Count} table(s) against {target.Description}: {counts} ({elapsed.TotalSeconds:0.0} s)");

        var drifted = result.Migrated.Where(m => m.Action != TableAction.Noop).Select(m => m.Table).ToList();
        if (dryRun && failOnChanges && drifted.Count > 0)
        {
            Error(new SyncError(FrontEndCodes.Drift, $"{drifted.Count} table(s) differ from their definitions: {string.Join(", ", drifted)}. Sync them, or update the definitions (DynatusFailOnChanges is true)."));
        }
    }

    private void ReportErrors(List<TableMigration> failed, SyncTarget target)
    {
        var unreachable = failed.Where(m => m.Error!.Code == SyncErrorCodes.Unreachable).ToList();
        if (unreachable.Count > 0)
        {
            var advice = target.IsLoopback
                ? " Start a local DynamoDB there (in the Dynatus repository: build/local-dynamodb/start; any DynamoDB-compatible server works), point DynatusEndpoint at yours, or skip the sync: DynatusSyncOnBuild=false (DynatusEnabled=false turns Dynatus off)."
                : string.Empty;
            Error(new SyncError(SyncErrorCodes.Unreachable, $"Cannot reach DynamoDB at {target.Description}; {unreachable.Count} table(s) not synced: {string.Join(", ", unreachable.Select(m => m.Table))}. {unreachable[0].Error!.Message}{advice}"));
        }

        var cancelled = failed.Where(m => m.Error!.Code == SyncErrorCodes.Cancelled).ToList();
        if (cancelled.Count > 0)
        {
            Error(new SyncError(SyncErrorCodes.Cancelled, $"Cancelled; {cancelled.Count} table(s) not finished: {string.Join(", ", cancelled.Select(m => m.Table))}. The next sync continues from where this one stopped."));
        }

        foreach (var table in failed.Except(unreachable).Except(cancelled))
        {
            Error(table.Error!);
        }
    }

    private static string Name(TableAction action) => action.ToString().ToLowerInvariant();
}
