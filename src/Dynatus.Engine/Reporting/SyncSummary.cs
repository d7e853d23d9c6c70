using System.Globalization;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Reporting;

/// <summary>The one closing line of a plan or a sync, in the same words in the build log and on the console.</summary>
internal static class SyncSummary
{
    /// <summary>For example "synced 1 of 2 table(s) against http://localhost:8000: 1 noop, 1 failed (0.4 s)".</summary>
    public static string Line(SyncResult result, SyncTarget target, bool dryRun, TimeSpan elapsed)
    {
        var failed = result.Tables.Count(m => !m.Succeeded);
        var counts = result.Tables.Where(m => m.Succeeded).GroupBy(m => m.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}")
            .Concat(failed > 0 ? [$"{failed} failed"] : [])
            .Concat(result.Tables.Count(m => m.Deferred.Count > 0) is > 0 and var deferred ? [$"{deferred} with deferred changes"] : [])
            .Concat(result.Tables.Sum(m => m.Seeded) is > 0 and var seeded ? [$"{seeded} item(s) seeded"] : [])
            .Concat(result.UnmanagedTables.Count > 0 ? [$"{result.UnmanagedTables.Count} unmanaged"] : []);
        var total = failed > 0 ? $"{result.Count - failed} of {result.Count}" : $"{result.Count}";
        var what = counts.Any() ? string.Join(", ", counts)
            : result.LeftToCloudFormation.Count > 0 ? "every declared table is left to CloudFormation" : "no table is declared";
        return string.Create(CultureInfo.InvariantCulture, $"{(dryRun ? "planned" : "synced")} {total} table(s) against {target.Description}: {what} ({elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>An action as the reports name it: create, noop, update, recreate.</summary>
    public static string Name(TableAction action) => action.ToString().ToLowerInvariant();
}
