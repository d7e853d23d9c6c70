using Dynatus.Engine;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dynatus.Build;

/// <summary>How a sync's outcome is reported.</summary>
/// <param name="DryRun">A plan: lines say "would", and go out as DYN012.</param>
/// <param name="FailOnChanges">With <paramref name="DryRun"/>: DYN004 while any table differs.</param>
/// <param name="ChangesAsWarnings">Changed tables and plan lines as warnings, which the terminal logger shows; else as messages.</param>
/// <param name="WarnWhenUnreachable">The endpoint is a default nobody chose: nothing there is warning DYN011, not error DYN201.</param>
internal readonly record struct ReportOptions(bool DryRun, bool FailOnChanges, bool ChangesAsWarnings, bool WarnWhenUnreachable);

/// <summary>
/// Reports a sync as MSBuild messages, warnings and coded errors, in proportion to what happened: one line a changed
/// table while they are few, a summary when they are many, and one error for what failed for every table alike.
/// </summary>
internal sealed class BuildLog(TaskLoggingHelper log, ReportOptions report) : ISyncLog
{
    private const string Prefix = "Dynatus: ";

    // Past this many changed tables (a first build of a large project), one warning sums them up instead of one each.
    private const int MostTableWarnings = 10;

    // Names listed in a summary line; the full lists are at normal importance.
    private const int MostNamesInSummary = 10;

    // Dynatus's own local DynamoDB first, on the port the endpoint names: plain dynalite lacks operations that common
    // tables need (TTL, point-in-time recovery, tags), and DynamoDB Local needs Java or Docker.
    private static string StartLocal(SyncTarget target)
    {
        var port = Uri.TryCreate(target.Description, UriKind.Absolute, out var endpoint) ? endpoint.Port : 8000;
        return $"Start a local DynamoDB there (the dynatus tool's: dotnet tool install --global Dynatus.Tool, then dynatus local --port {port}; " +
            $"or AWS's DynamoDB Local: docker run -p {port}:8000 amazon/dynamodb-local), or point DynatusEndpoint or DYNAMODB_LOCAL_ENDPOINT at yours";
    }

    // A plan is asked for by name: turning the build sync off is no answer to it.
    private string LocalAdvice(SyncTarget target) => report.DryRun
        ? StartLocal(target) + "."
        : StartLocal(target) + "; or set DynatusSyncOnBuild=false to build without syncing tables (DynatusEnabled=false turns Dynatus off).";

    // Seed files' problems are DYN13x; saying "table definitions" of them sends the reader to the wrong file.
    private static string ProblemFiles(IReadOnlyList<DefinitionProblem> problems)
    {
        var seeds = problems.Count(p => p.Code.StartsWith("DYN13", StringComparison.Ordinal));
        return seeds == 0 ? "the table definitions" : seeds == problems.Count ? "the seed files" : "the table definitions and seed files";
    }

    public void Progress(string tableName, string message) =>
        log.LogMessage(MessageImportance.Normal, $"{Prefix}{tableName}: {message}");

    public void Error(SyncError error, SourceLocation? at = null) =>
        log.LogError(subcategory: null, error.Code, helpKeyword: null, at?.File, at?.Line ?? 0, at?.Column ?? 0, 0, 0, error.Message);

    public void Report(SyncResult result, SyncTarget target, TimeSpan elapsed)
    {
        ReportWarnings(result.Warnings);
        foreach (var problem in result.Problems)
        {
            Error(new SyncError(problem.Code, problem.Message), problem.Location.File is null ? null : problem.Location);
        }

        if (result.Problems.Count > 0)
        {
            log.LogMessage(MessageImportance.High, $"{Prefix}nothing was sent to DynamoDB: {result.Problems.Count} problem(s) in {ProblemFiles(result.Problems)}.");
            return;
        }

        var succeeded = result.Tables.Where(m => m.Succeeded).ToList();
        foreach (var table in succeeded.Where(m => m.Action == TableAction.Noop && m.Seeded == 0))
        {
            log.LogMessage(MessageImportance.Normal, $"{Prefix}{table.Table}: noop");
        }

        // Seed rows written into a table in sync are a change too, shown as one under the terminal logger. A plan also shows
        // what a table it cannot carry out would change (DYN205), beside the error, as the tool does.
        ReportChanged(result.Tables.Where(m => m.Succeeded ? m.Action != TableAction.Noop || m.Seeded > 0 : report.DryRun && m.Changes.Count > 0).ToList());
        foreach (var table in succeeded)
        {
            foreach (var note in table.Notes)
            {
                Progress(table.Table, note);
            }

            foreach (var deferred in table.Deferred)
            {
                Warning(FrontEndCodes.Deferred, $"{table.Table}: deferred: {deferred}", table.Location);
            }
        }

        ReportFailed(result.Tables.Where(m => !m.Succeeded).ToList(), succeeded.Count > 0, target);
        ReportUnmanaged(result.UnmanagedTables);
        ReportLeftToCloudFormation(result.LeftToCloudFormation);
        ReportSummary(result, target, elapsed);
    }

    /// <summary>What the definitions declare that no sync touches (DYN121, DYN122), at its place.</summary>
    public void ReportWarnings(IEnumerable<DefinitionProblem> warnings)
    {
        foreach (var warning in warnings)
        {
            Warning(warning.Code, warning.Message, warning.Location);
        }
    }

    /// <summary>Tables recreated on an endpoint off this machine with the backup turned off: the user's choice, said again.</summary>
    public void ReportRecreatedWithoutBackup(IEnumerable<TableSyncResult> outcomes)
    {
        var recreated = outcomes.Where(m => m.Succeeded && m.Action == TableAction.Recreate).Select(m => m.Table).ToList();
        if (recreated.Count > 0)
        {
            Warning(FrontEndCodes.RecreatedWithoutBackup, $"{recreated.Count} table(s) recreated without a backup (DynatusBackupBeforeRecreate=false): {Names(recreated)}. Their items are gone.", at: null);
        }
    }

    public void ReportLeftToCloudFormation(IReadOnlyList<string> tables)
    {
        if (tables.Count > 0)
        {
            log.LogMessage(MessageImportance.High, $"{Prefix}{tables.Count} table(s) from templates left to CloudFormation, which deploys them: {Names(tables)}. SyncOnPublish=\"true\" metadata on a template's DynamoTable item syncs its tables here too.");
        }
    }

    private void ReportChanged(List<TableSyncResult> changed)
    {
        var many = changed.Count > MostTableWarnings;
        foreach (var table in changed)
        {
            var verb = report.DryRun ? "would " : string.Empty;
            var line = $"{table.Table}: {verb}{Name(table.Action)}{(table.Changes.Count == 0 ? string.Empty : ": " + string.Join("; ", table.Changes))}{Seeded(table)}";
            if (report.ChangesAsWarnings && !many)
            {
                // The terminal logger shows warnings and errors only; a change to a table must be seen.
                Warning(ChangeCode, line, table.Location);
            }
            else
            {
                log.LogMessage(MessageImportance.High, Prefix + line);
            }
        }

        if (report.ChangesAsWarnings && many)
        {
            var counts = string.Join(", ", changed.GroupBy(m => m.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}"));
            Warning(ChangeCode, $"{changed.Count} tables {(report.DryRun ? "would change" : "changed")} ({counts}): {Names(changed.Select(m => m.Table))}. " +
                "Each table's line is in the build log (-v:m and up with -tl:off, or -v:d) and in the DynatusAction items.", at: null);
        }
    }

    private void ReportFailed(List<TableSyncResult> failed, bool anySucceeded, SyncTarget target)
    {
        var (shared, own) = SharedFailure.Group(failed, target, report.DryRun);
        foreach (var failure in shared)
        {
            var unreachable = failure.Error.Code == SyncErrorCodes.Unreachable && target.IsLoopback;
            if (unreachable && report.WarnWhenUnreachable && !anySucceeded && failure.Tables.Count == failed.Count)
            {
                // Nobody chose the default endpoint: no server there is a developer's normal state, not a failed build.
                Warning(FrontEndCodes.DefaultEndpointUnreachable, $"No DynamoDB answers at {target.Description}, the default local endpoint, so {failure.Tables.Count} table(s) were not synced: {string.Join(", ", failure.Tables)}. {LocalAdvice(target)}", at: null);
            }
            else
            {
                Error(unreachable ? failure.Error with { Message = $"{failure.Error.Message} {LocalAdvice(target)}" } : failure.Error);
            }
        }

        foreach (var table in own)
        {
            Error(table.Error!, table.Location);
        }
    }

    private void ReportUnmanaged(IReadOnlyList<string> unmanaged)
    {
        if (unmanaged.Count == 0)
        {
            return;
        }

        log.LogMessage(MessageImportance.High, $"{Prefix}{unmanaged.Count} table(s) exist but are not declared (unmanaged, never touched): {Names(unmanaged)}");
        if (unmanaged.Count > MostNamesInSummary)
        {
            log.LogMessage(MessageImportance.Normal, $"{Prefix}unmanaged: {string.Join(", ", unmanaged)}");
        }
    }

    private void ReportSummary(SyncResult result, SyncTarget target, TimeSpan elapsed)
    {
        var summary = SyncSummary.Line(result, target, report.DryRun, elapsed);
        if (report.DryRun && report.ChangesAsWarnings)
        {
            Warning(FrontEndCodes.Plan, summary, at: null);
        }
        else
        {
            log.LogMessage(MessageImportance.High, Prefix + summary);
        }

        var drifted = result.Tables.Where(m => m.Action != TableAction.Noop).Select(m => m.Table).ToList();
        if (report.DryRun && report.FailOnChanges && drifted.Count > 0)
        {
            Error(new SyncError(FrontEndCodes.Drift, $"{drifted.Count} table(s) differ from their definitions: {string.Join(", ", drifted)}. Sync them, or update the definitions (DynatusFailOnChanges is true)."));
        }
    }

    private string ChangeCode => report.DryRun ? FrontEndCodes.Plan : FrontEndCodes.TableChanged;

    private void Warning(string code, string message, SourceLocation? at) =>
        log.LogWarning(subcategory: null, code, helpKeyword: null, at?.File, at?.Line ?? 0, at?.Column ?? 0, 0, 0, (at is null ? Prefix : string.Empty) + message);

    private static string Seeded(TableSyncResult table) =>
        (table.Backup is { } backup ? $"; backed up first to {backup}" : string.Empty) + (table.Seeded > 0 ? $"; seeded {table.Seeded} item(s)" : string.Empty);

    private static string Names(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= MostNamesInSummary
            ? string.Join(", ", all)
            : $"{string.Join(", ", all.Take(MostNamesInSummary))} and {all.Count - MostNamesInSummary} more";
    }

    private static string Name(TableAction action) => SyncSummary.Name(action);
}
