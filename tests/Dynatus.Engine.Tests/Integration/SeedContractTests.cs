using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

[TestClass]
public sealed class SeedContractTests
{
    // The stream and tags at create rely on the local server's additions; dynalite alone drops them.
    [TestMethod]
    public async Task Syncing_the_seeds_users_and_orders_twice_creates_then_noops()
    {
        var (users, orders) = (Names.Unique("users"), Names.Unique("orders"));
        var folder = Definitions.Folder(Definitions.WithEmailIndex(users, "StreamSpecification:\n  StreamEnabled: true\n  StreamViewType: NEW_AND_OLD_IMAGES\nTags:\n  - Key: Environment\n    Value: production"), Definitions.OnDemand(orders));
        using var client = Server.Local.CreateClient();

        var first = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(first.Succeeded, first.Error);
        Assert.AreEqual(2, first.Count);
        CollectionAssert.AreEqual(new[] { (users, TableAction.Create), (orders, TableAction.Create) }, first.Tables.Select(m => (m.Table, m.Action)).ToList());

        var second = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(second.Succeeded, second.Error);
        CollectionAssert.AreEqual(new[] { (users, TableAction.Noop), (orders, TableAction.Noop) }, second.Tables.Select(m => (m.Table, m.Action)).ToList(), string.Join("; ", second.Tables.SelectMany(m => m.Changes)));
    }

    [TestMethod]
    public async Task A_folder_without_definitions_gives_the_seeds_reason_and_path()
    {
        using var client = Server.Local.CreateClient();
        var folder = Definitions.Folder();
        var result = await TableSync.SyncAsync(client, folder);
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("No DynamoDB migration files found.", result.Reason);
        Assert.AreEqual(folder, result.Path);
    }

    [LocalServerOnly("a local server it stops")]
    [TestMethod]
    public async Task An_unreachable_endpoint_is_a_failed_sync_never_a_success()
    {
        await using var gone = await LocalDynamoDb.StartAsync();
        using var client = gone.CreateClient(maxErrorRetry: 0);
        gone.Kill();

        var result = await TableSync.SyncAsync(client, Definitions.Folder(Definitions.OnDemand(Names.Unique("t"))));
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("Exception while executing DynamoDB sync.", result.Reason);
        Assert.AreEqual(SyncErrorCodes.Unreachable, result.Tables.Single().Error!.Code);
        StringAssert.Contains(result.Error, gone.Endpoint);
    }

    [TestMethod]
    public async Task The_low_level_entry_returns_one_action_per_definition_in_input_order()
    {
        var names = Enumerable.Range(0, 5).Select(i => Names.Unique($"low{i}")).ToList();
        var definitions = Definitions.Folder([.. names.Select(n => Definitions.OnDemand(n))]);
        var loaded = Engine.Definitions.TableDefinitionLoader.Load(names.Select((_, i) => Path.Combine(definitions, $"table{i}.yaml")));
        using var client = Server.Local.CreateClient();

        var outcomes = await TableSync.SyncTablesAsync(client, loaded.Tables);
        CollectionAssert.AreEqual(names, outcomes.Select(m => m.Table).ToList());
        Assert.IsTrue(outcomes.All(m => m.Action == TableAction.Create && m.Succeeded));
        Assert.IsTrue(await TableSync.WaitForTableActiveAsync(client, names[0], TimeSpan.FromSeconds(5)));
    }
}
