using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// Tests with a server of their own, relying on local-server additions: request counts, injected faults and
/// latency, and online GSI creation.
/// </summary>
[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class RequestCountTests
{
    [TestMethod]
    public async Task An_invalid_definition_sends_nothing_to_DynamoDB_even_when_the_others_are_valid()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var folder = Definitions.Folder(Definitions.OnDemand("valid-table"), Definitions.OnDemand("bad").Replace("BillingMode", "BilingMode", StringComparison.Ordinal));

        var result = await TableSync.SyncAsync(client, folder);
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual(SyncResult.InvalidDefinitionsReason, result.Reason);
        Assert.IsTrue(result.Problems.Any(p => p.Code == "DYN101"));
        Assert.IsEmpty(await local.RequestCountsAsync());
    }

    [TestMethod]
    public async Task A_noop_sync_costs_one_DescribeTable_per_table_plus_only_the_declared_extras()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var documents = Enumerable.Range(0, 10).Select(i => Definitions.OnDemand($"plain-{i}")).ToList();
        documents.Add(Definitions.OnDemand("extras", "TimeToLiveSpecification:\n  AttributeName: ttl\n  Enabled: true\nTags:\n  - Key: a\n    Value: b"));
        var folder = Definitions.Folder([.. documents]);
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        await local.ResetRequestCountsAsync();

        var result = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(result.Tables.All(m => m.Action == TableAction.Noop));
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["DescribeTable"] = 11, ["DescribeTimeToLive"] = 1, ["ListTagsOfResource"] = 1 },
            (await local.RequestCountsAsync()).ToDictionary());
    }

    [TestMethod]
    public async Task Throttling_and_limit_errors_are_retried_until_the_sync_succeeds()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient(maxErrorRetry: 0);
        await local.InjectFaultAsync("CreateTable", "LimitExceededException", 3);
        await local.InjectFaultAsync("UpdateTable", "ThrottlingException", 3);
        var folder = Definitions.Folder(Definitions.OnDemand("throttled"));
        var options = new SyncOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

        Assert.IsTrue((await TableSync.SyncAsync(client, folder, options)).Succeeded);
        var update = await TableSync.SyncAsync(client, Definitions.Rewrite(folder, 0, Definitions.WithEmailIndex("throttled")), options);
        Assert.IsTrue(update.Succeeded, update.Error);
        Assert.AreEqual(4, (await local.RequestCountsAsync())["CreateTable"]);
    }

    [TestMethod]
    public async Task Four_concurrent_syncs_of_the_same_tables_all_succeed_and_create_each_table_once()
    {
        await using var local = await LocalDynamoDb.StartAsync("--create-ms", "200");
        var folder = Definitions.Folder([.. Enumerable.Range(0, 10).Select(i => Definitions.WithEmailIndex($"shared-{i}"))]);
        var clients = Enumerable.Range(0, 4).Select(_ => local.CreateClient()).ToList();

        var results = await Task.WhenAll(clients.Select(c => TableSync.SyncAsync(c, folder)));
        Assert.IsTrue(results.All(r => r.Succeeded), string.Join("\n", results.Select(r => r.Error)));
        var tables = await clients[0].ListTablesAsync();
        Assert.HasCount(10, tables.TableNames);
        Assert.AreEqual(10, results.SelectMany(r => r.Tables).Count(m => m.Action == TableAction.Create), "each table is reported created by exactly one sync");
        clients.ForEach(c => c.Dispose());
    }

    [TestMethod]
    public async Task Two_syncs_adding_the_same_GSI_at_once_both_succeed()
    {
        await using var local = await LocalDynamoDb.StartAsync("--index-ms", "300");
        using var client = local.CreateClient(maxErrorRetry: 0);
        var folder = Definitions.Folder(Definitions.OnDemand("raced"));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        Definitions.Rewrite(folder, 0, Definitions.WithEmailIndex("raced"));
        // Both syncs read and plan before either change lands, so they race for certain.
        await local.SetLatencyAsync(200, "UpdateTable");
        var options = new SyncOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

        var results = await Task.WhenAll(TableSync.SyncAsync(client, folder, options), TableSync.SyncAsync(client, folder, options));
        Assert.IsTrue(results.All(r => r.Succeeded), string.Join("\n", results.Select(r => r.Error)));
        Assert.AreEqual(1, (await client.DescribeTableAsync("raced")).Table.GlobalSecondaryIndexes.Count);
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(client, folder)).Tables.Single().Action);
    }
}
