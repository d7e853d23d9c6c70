using System.Text;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine;
using Dynatus.Engine.Seeding;
using Dynatus.Testing;

namespace Dynatus.Benchmarks;

/// <summary>B5: seeding 10,000 items from a .jsonl file, beside the bare SDK's BatchWriteItem calls and PutItem one at a time.</summary>
internal static class SeedBenchmark
{
    private const int Count = 10_000;

    public static async Task RunAsync(Report report, int runs)
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var folder = Tables.WriteFolder("b5", 1);
        var table = "b5-000";
        var seed = Path.Combine(folder, "items.jsonl");
        var lines = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            lines.Append("{\"id\": \"item-").Append(i).Append("\", \"email\": \"user").Append(i).Append("@example.com\", \"n\": ").Append(i).Append("}\n");
        }

        await File.WriteAllTextAsync(seed, lines.ToString());
        var options = new SyncOptions { Seed = SeedMode.Always, Seeds = [new SeedSource(seed) { Table = table }] };
        await TableSync.SyncFilesAsync(client, TableDefinitionFiles(folder), options);

        // The same items, built in memory: the bare SDK's share of the work is the calls alone.
        var items = Enumerable.Range(0, Count).Select(i => new Dictionary<string, AttributeValue>
        {
            ["id"] = new($"item-{i}"),
            ["email"] = new($"user{i}@example.com"),
            ["n"] = new() { N = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }).ToList();
        report.Section(
            "B5: seeding 10,000 items",
            "Dynatus reads a 10,000-line .jsonl seed file, checks every item and writes them (DynatusSeed=Always, on a table in sync). " +
            "The baselines write the same items, built in memory: the bare AWS SDK's 400 BatchWriteItem calls all at once, and PutItem one at a time. " +
            "On loopback a call costs the server's work alone, which bounds even the bare SDK's batches; the second run adds a 2 ms round trip to " +
            "every request (the local server's latency control), a same-region call to AWS being a few milliseconds.",
            "round trip", "Dynatus", "bare BatchWriteItem x 400, all at once", "PutItem x 10,000, one at a time", "Dynatus / batch calls", "one at a time / Dynatus");
        var verdicts = new List<(double Ratio, double Speedup)>();
        foreach (var latency in new[] { 0, 2 })
        {
            if (latency > 0)
            {
                await local.SetLatencyAsync(latency);
            }

            var bare = await Measure.MedianAsync(runs, _ => Task.WhenAll(items.Chunk(25).Select(batch => client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { [table] = batch.Select(item => new WriteRequest(new PutRequest(item))).ToList() },
            }))));
            var dynatus = await Measure.MedianAsync(runs, async _ =>
            {
                var result = await TableSync.SyncFilesAsync(client, TableDefinitionFiles(folder), options);
                if (!result.Succeeded || result.Tables.Single().Seeded != Count)
                {
                    throw new InvalidOperationException($"B5 expected {Count} seeded items: {result.Error}");
                }
            });
            var oneAtATime = await Measure.MedianAsync(runs, async _ =>
            {
                foreach (var item in items)
                {
                    await client.PutItemAsync(table, item);
                }
            });
            verdicts.Add((dynatus / bare, oneAtATime / dynatus));
            report.Row($"{latency} ms", Measure.Seconds(dynatus), Measure.Seconds(bare), Measure.Seconds(oneAtATime), $"{dynatus / bare:0.00}x", $"{oneAtATime / dynatus:0.0}x");
        }

        var (ratio, speedup) = (verdicts.Max(v => v.Ratio), verdicts[^1].Speedup);
        report.Goal("at most 1.3x the bare SDK's batch calls (both runs), and at least 10x faster than one PutItem at a time (with the round trip)", ratio <= 1.3 && speedup >= 10,
            $"at most {ratio:0.00}x the batch calls; {speedup:0.0}x faster than one at a time with a 2 ms round trip ({verdicts[0].Speedup:0.0}x on bare loopback)");
    }

    private static IReadOnlyList<string> TableDefinitionFiles(string folder) => Dynatus.Engine.Definitions.TableDefinitionLoader.FindFiles(folder);
}
