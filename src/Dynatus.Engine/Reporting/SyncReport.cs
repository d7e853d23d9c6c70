using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Reporting;

/// <summary>
/// A plan or a sync in the two shapes both front ends give it: Markdown for people (a CI summary) and JSON for
/// machines. Both hold every table, its action and changes, deferred and failed parts, the unmanaged tables, and the
/// definition problems.
/// </summary>
internal static class SyncReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Json(SyncResult result, SyncTarget target, bool dryRun) => JsonSerializer.Serialize(Model(result, target, dryRun), Options);

    private static object Model(SyncResult result, SyncTarget target, bool dryRun) => new
    {
        Kind = dryRun ? "plan" : "sync",
        Target = target.Description,
        Tables = result.Tables.Select(m => new
        {
            m.Table,
            Action = m.Action.ToString().ToLowerInvariant(),
            m.Changes,
            m.Notes,
            m.Deferred,
            m.Applied,
            m.Seeded,
            m.Backup,
            Error = m.Error is { } e ? new { e.Code, e.Message } : null,
            m.Location?.File,
            m.Location?.Line,
            m.Location?.Column,
        }),
        Unmanaged = result.UnmanagedTables,
        Problems = result.Problems.Select(p => new { p.Code, p.Message, p.Location.File, p.Location.Line, p.Location.Column }),
    };

    public static string Markdown(SyncResult result, SyncTarget target, bool dryRun)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"### Dynatus {(dryRun ? "plan" : "sync")} against {target.Description}").AppendLine();
        if (result.Problems.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Nothing was sent to DynamoDB: {result.Problems.Count} problem(s) in the definitions.").AppendLine();
            foreach (var problem in result.Problems)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- `{Place(problem.Location)}` {problem.Code}: {problem.Message}");
            }

            return text.ToString();
        }

        text.AppendLine("| table | action | changes |").AppendLine("|---|---|---|");
        foreach (var table in result.Tables)
        {
            var action = table.Action.ToString().ToLowerInvariant();
            var outcome = table.Error is { } error ? $"{action}, **failed** ({error.Code})" : dryRun && action != "noop" ? $"would {action}" : action;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(table.Table)} | {outcome} | {Cell(string.Join("; ", table.Changes))} |");
        }

        foreach (var table in result.Tables.Where(m => m.Backup is not null))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Backed up** before its recreate: {table.Table}: `{table.Backup}`");
        }

        foreach (var table in result.Tables.Where(m => m.Notes.Count > 0))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Notes** for {table.Table}: {string.Join("; ", table.Notes)}");
        }

        foreach (var table in result.Tables.Where(m => m.Deferred.Count > 0))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Deferred** for {table.Table}: {string.Join("; ", table.Deferred)}");
        }

        foreach (var table in result.Tables.Where(m => m.Error is not null))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Failed**: {table.Table}: {table.Error}");
        }

        if (result.UnmanagedTables.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Unmanaged (exist, not declared, never touched): {string.Join(", ", result.UnmanagedTables)}");
        }

        return text.ToString();
    }

    private static string Place(SourceLocation at) => at.File is null ? "(property)" : $"{Path.GetFileName(at.File)}({at.Line},{at.Column})";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
