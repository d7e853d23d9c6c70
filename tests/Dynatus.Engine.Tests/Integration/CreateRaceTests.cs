using Dynatus.Engine.Planning;
using Dynatus.Engine.Seeding;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// Two builds of one solution sync the same table file at once (dotnet build -m): the one whose CreateTable succeeded
/// meets the other's TTL enable ("already enabled") and re-plans. It made the table, so it reports the create and seeds.
/// </summary>
[LocalServerOnly("an injected fault stands for the other build's TTL enable")]
[TestClass]
public sealed class CreateRaceTests
{
    [TestMethod]
    public async Task A_sync_that_created_the_table_reports_the_create_and_seeds_it_though_a_later_step_lost_a_race()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient(maxErrorRetry: 0);
        var name = Names.Unique("crace");
        var folder = Definitions.Folder(Definitions.OnDemand(name, "TimeToLiveSpecification:\n  AttributeName: expires\n  Enabled: true"));
        Directory.CreateDirectory(Path.Combine(folder, "seed"));
        File.WriteAllLines(Path.Combine(folder, "seed", name + ".jsonl"), ["""{"id": "a"}""", """{"id": "b"}"""]);
        await local.InjectFaultAsync("UpdateTimeToLive", "ValidationException", message: "TimeToLive is already enabled");

        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { Seed = SeedMode.OnCreate });

        Assert.IsTrue(result.Succeeded, result.Error);
        var outcome = result.Tables.Single();
        Assert.AreEqual(TableAction.Create, outcome.Action);
        Assert.AreEqual(2, outcome.Seeded);
        Assert.HasCount(2, await Items.ReadAllAsync(client, name));
    }
}
