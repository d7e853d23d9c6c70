using Dynatus.Engine;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Benchmarks;

/// <summary>B1: creating 1, 10 and 50 tables with a GSI each, against the Clojure dynatus library's one-table-at-a-time approach.</summary>
internal static class CreateTablesBenchmark
{
    public static async Task RunAsync(Report report, int runs)
    {
        await using var local = await LocalDynamoDb.StartAsync("--profile", "realistic");
        using var client = local.CreateClient();
        report.Section(
            "B1: creating tables",
            "Each table has one GSI; the local server takes about 1 s per create (its realistic profile). The baseline is the Clojure dynatus library's approach, one table at a time waiting for each: Dynatus with `MaxParallelism=1`.",
            "tables", "Dynatus (defaults)", "one at a time", "speed-up");
        var parallel = new Dictionary<int, TimeSpan>();
        var sequential = new Dictionary<int, TimeSpan>();
        foreach (var count in new[] { 1, 10, 50 })
        {
            parallel[count] = await CreateAsync(client, count, runs, new SyncOptions());
            sequential[count] = await CreateAsync(client, count, runs, new SyncOptions { MaxParallelism = 1 });
            report.Row(count, Measure.Seconds(parallel[count]), Measure.Seconds(sequential[count]), $"{sequential[count] / parallel[count]:0.0}x");
        }

        var growth = parallel[50] / parallel[1];
        report.Goal("50 tables in at most 3 times the time of 1", growth <= 3, $"{growth:0.00}x");
        var speedUp = sequential[50] / parallel[50];
        report.Goal("50 tables at least 10 times faster than one at a time", speedUp >= 10, $"{speedUp:0.0}x");
    }

    private static Task<TimeSpan> CreateAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, int count, int runs, SyncOptions options) =>
        Measure.MedianAsync(runs, async run =>
        {
            var prefix = $"b1-{count}-{options.MaxParallelism}-{run}";
            var outcomes = await TableSync.SyncTablesAsync(client, Tables.Definitions(prefix, count), options);
            if (outcomes.Any(m => m.Action != TableAction.Create || !m.Succeeded))
            {
                throw new InvalidOperationException($"B1 expected {count} creates: {string.Join("; ", outcomes.Select(m => $"{m.Table} {m.Action} {m.Error}"))}");
            }
        });
}
