using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Seeding;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Seeding;

/// <summary>With a seed state file, a sync puts the seed rows the files changed since the last sync, and no other.</summary>
[TestClass]
public sealed class SeedStateTests
{
    [TestMethod]
    public async Task Only_rows_whose_values_changed_are_put_not_rows_written_in_another_order_or_edited_in_the_table()
    {
        using var client = Server.Local.CreateClient();
        var name = Names.Unique("state");
        var folder = Integration.Definitions.Folder(Integration.Definitions.OnDemand(name));
        var seed = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "seed")).FullName, name + ".json");
        var options = new SyncOptions { Seed = SeedMode.OnCreate, SeedStateFile = Path.Combine(folder, "obj", "seed-state.json") };
        File.WriteAllText(seed, """[{ "id": "a", "n": 1, "tags": ["x", "y"] }, { "id": "b", "n": 2 }]""");
        Assert.AreEqual(2, (await TableSync.SyncAsync(client, folder, options)).Tables.Single().Seeded);
        await client.PutItemAsync(name, new() { ["id"] = new AttributeValue("b"), ["n"] = new AttributeValue { N = "20" } });

        File.WriteAllText(seed, """[{ "tags": ["x", "y"], "n": 1, "id": "a" }, { "id": "b", "n": 2 }]""");
        Assert.AreEqual(0, (await TableSync.SyncAsync(client, folder, options)).Tables.Single().Seeded, "the same rows, written in another order");

        File.WriteAllText(seed, """[{ "id": "a", "n": 10, "tags": ["x", "y"] }, { "id": "b", "n": 2 }]""");
        var changed = (await TableSync.SyncAsync(client, folder, options)).Tables.Single();

        Assert.AreEqual(1, changed.Seeded);
        Assert.AreEqual("10", (await client.GetItemAsync(name, new() { ["id"] = new AttributeValue("a") })).Item["n"].N);
        Assert.AreEqual("20", (await client.GetItemAsync(name, new() { ["id"] = new AttributeValue("b") })).Item["n"].N, "edited in the table, unchanged in the file");
        StringAssert.Contains(changed.Notes.Single(), $"put 1 seed row(s) changed in the seed files since the last sync: {name}.json(1)");
    }

    [TestMethod]
    public async Task Without_a_state_for_the_table_an_existing_tables_rows_are_never_put()
    {
        using var client = Server.Local.CreateClient();
        var name = Names.Unique("nostate");
        var folder = Integration.Definitions.Folder(Integration.Definitions.OnDemand(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "seed")).FullName, name + ".json"), """[{ "id": "a" }]""");

        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { Seed = SeedMode.OnCreate, SeedStateFile = Path.Combine(folder, "obj", "seed-state.json") });

        Assert.AreEqual(0, result.Tables.Single().Seeded);
        Assert.IsEmpty(await Items.ReadAllAsync(client, name));
    }
}
