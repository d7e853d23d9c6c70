using Dynatus.Engine.Model;
using Dynatus.Engine;
using Dynatus.Engine.Definitions;
using Dynatus.Testing;

namespace Dynatus.Benchmarks;

/// <summary>B4: a no-op sync of 10, 100 and 500 tables: the time per table must not grow with the number of tables.</summary>
internal static class GrowthBenchmark
{
    public static async Task RunAsync(Report report, int runs)
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var all = Tables.Definitions("b4", 500);
        await TableSync.SyncTablesAsync(client, all);

        report.Section(
            "B4: growth of a no-op sync",
            "The baseline is the time per table of the smallest sync, 10 tables, in the same run.",
            "tables", "median", "per table", "per table vs 10 tables");
        double? baseline = null;
        double ratio = 0;
        foreach (var count in new[] { 10, 100, 500 })
        {
            IReadOnlyList<Table> some = all.Take(count).ToList();
            var time = await Measure.MedianAsync(runs, _ => TableSync.SyncTablesAsync(client, some));
            var perTable = time.TotalMilliseconds / count;
            baseline ??= perTable;
            ratio = perTable / baseline.Value;
            report.Row(count, Measure.Seconds(time), $"{perTable:0.00} ms", $"{ratio:0.00}x");
        }

        report.Goal("the time per table does not grow with N (500 tables within 1.5x of 10 tables per table)", ratio <= 1.5, $"{ratio:0.00}x");
    }
}
