using Dynatus.Engine.Seeding;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class SeedWriteTests
{
    [TestMethod]
    public async Task Every_seed_item_is_written_though_DynamoDB_leaves_some_unprocessed_and_throttles_a_call()
    {
        // Relies on the local server's test controls (writes left unprocessed, an injected throttle): a server of its own.
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var name = Names.Unique("seedw");
        var folder = Definitions.Folder(Definitions.OnDemand(name));
        Directory.CreateDirectory(Path.Combine(folder, "seed"));
        File.WriteAllLines(Path.Combine(folder, "seed", name + ".jsonl"), Enumerable.Range(0, 60).Select(i => $$"""{"id": "item-{{i}}"}"""));
        await local.LeaveUnprocessedAsync(3);
        await local.InjectFaultAsync("BatchWriteItem", "ProvisionedThroughputExceededException");

        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { Seed = SeedMode.OnCreate, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(60, result.Tables.Single().Seeded);
        Assert.HasCount(60, await Items.ReadAllAsync(client, name));
        // Three calls of 25, 25 and 10 items, one of them throttled once and sent again, each leaving its last item
        // unprocessed, and three calls that sent a held-back item again.
        Assert.AreEqual(3 + 1 + 3, (await local.RequestCountsAsync())["BatchWriteItem"]);
    }
}
