using System.Globalization;
using Dynatus.Engine;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Reporting;

namespace Dynatus.Tool;

/// <summary>
/// A plan or sync as lines a person reads, in the build's words: problems as <c>file(line,col): error DYN1xx</c>, one line
/// a table that changes, each failure with its code, and a summary. Results go to standard output, problems to standard error.
/// </summary>
internal sealed class ConsoleReport(TextWriter output, TextWriter error, bool dryRun)
{
    public void Write(SyncResult result, SyncTarget target, TimeSpan elapsed)
    {
        foreach (var problem in result.Warnings.Concat(result.Problems))
        {
            (problem.IsWarning ? output : error).WriteLine(problem.Location.File is null ? $"{Kind(problem)} {problem.Code}: {problem.Message}" : problem.ToString());
        }

        if (result.Problems.Count > 0)
        {
            error.WriteLine($"Nothing was sent to DynamoDB: {result.Problems.Count} problem(s) in the definitions.");
            return;
        }

        foreach (var table in result.Tables.Where(m => m.Succeeded || m.Changes.Count > 0))
        {
            var action = SyncSummary.Name(table.Action);
            var verb = dryRun && table.Action != TableAction.Noop ? "would " + action : action;
            output.WriteLine(table.Changes.Count == 0 ? $"{table.Table}: {verb}" : $"{table.Table}: {verb}: {string.Join("; ", table.Changes)}");
            foreach (var note in table.Notes)
            {
                output.WriteLine($"{table.Table}: {note}");
            }

            foreach (var deferred in table.Deferred)
            {
                output.WriteLine($"{table.Table}: deferred: {deferred}");
            }

            if (table.Backup is { } backup)
            {
                output.WriteLine($"{table.Table}: backed up first to {backup}");
            }
        }

        WriteFailures(result.Tables.Where(m => !m.Succeeded), target);

        if (result.UnmanagedTables.Count > 0)
        {
            output.WriteLine($"{result.UnmanagedTables.Count} table(s) exist but are not declared (unmanaged, never touched): {string.Join(", ", result.UnmanagedTables)}");
        }

        if (result.LeftToCloudFormation.Count > 0)
        {
            output.WriteLine($"{result.LeftToCloudFormation.Count} table(s) from templates left to CloudFormation: {string.Join(", ", result.LeftToCloudFormation)}");
        }

        var summary = SyncSummary.Line(result, target, dryRun, elapsed);
        output.WriteLine(char.ToUpperInvariant(summary[0]) + summary[1..]);
    }

    private void WriteFailures(IEnumerable<TableSyncResult> failed, SyncTarget target)
    {
        var (shared, own) = SharedFailure.Group(failed, target, dryRun);
        foreach (var failure in shared)
        {
            error.WriteLine($"error {failure.Error.Code}: {failure.Error.Message}");
        }

        foreach (var table in own)
        {
            error.WriteLine($"{Place(table)}error {table.Error!.Code}: {table.Error.Message}");
        }
    }

    private static string Kind(DefinitionProblem problem) => problem.IsWarning ? "warning" : "error";

    private static string Place(TableSyncResult table) => table.Location is { File: not null } at ? $"{at}: " : string.Empty;
}

/// <summary>Progress on long waits (an index building, a table being created), as the build logs it.</summary>
internal sealed class ConsoleProgress(TextWriter error) : ISyncLog
{
    public void Progress(string tableName, string message) => error.WriteLine($"{tableName}: {message}");
}
