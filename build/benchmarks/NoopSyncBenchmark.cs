using Amazon.DynamoDBv2.Model;
using Dynatus.Engine;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Benchmarks;

/// <summary>B2: a sync of 50 tables that already match: wall time and the requests the server counted.</summary>
internal static class NoopSyncBenchmark
{
    private const int Count = 50;

    public static async Task RunAsync(Report report, int runs)
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var definitions = Tables.Definitions("b2", Count);
        await TableSync.SyncTablesAsync(client, definitions);

        // The floor: the DescribeTable calls a no-op needs, issued by the bare SDK, all at once.
        var floor = await Measure.MedianAsync(runs, _ => Task.WhenAll(definitions.Select(d => client.DescribeTableAsync(new DescribeTableRequest { TableName = d.TableName }))));
        await local.ResetRequestCountsAsync();
        var noop = await Measure.MedianAsync(runs, async _ =>
        {
            var outcomes = await TableSync.SyncTablesAsync(client, definitions);
            if (outcomes.Any(m => m.Action != TableAction.Noop))
            {
                throw new InvalidOperationException("B2 expected every table to be noop");
            }
        });
        var counts = await local.RequestCountsAsync();

        report.Section(
            "B2: a no-op sync of 50 tables",
            "The baseline is the bare AWS SDK issuing the 50 DescribeTable calls a no-op needs, all at once, against the same server.",
            "measure", "Dynatus", "baseline");
        report.Row("wall time", Measure.Seconds(noop), $"{Measure.Seconds(floor)} (bare DescribeTable x {Count})");
        foreach (var (operation, total) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            report.Row($"{operation} requests per sync", total / (double)runs, operation == "DescribeTable" ? Count : 0);
        }

        var onlyDescribes = counts.Keys.All(k => k == "DescribeTable") && counts.GetValueOrDefault("DescribeTable") == Count * runs;
        report.Goal("exactly one DescribeTable per table and no other request (no ListTables)", onlyDescribes,
            string.Join(", ", counts.Select(c => $"{c.Key} {c.Value / (double)runs:0.#}")));
    }
}
