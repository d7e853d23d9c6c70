using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// Each in-place change, applied to a table holding items, then synced again. GSI create/delete, stream,
/// SSE, table class, deletion protection, TTL, PITR and contributor insights rely on the local server's additions to dynalite.
/// </summary>
[TestClass]
public sealed class InPlaceChangeTests
{
    [LocalServerOnly("provisioned capacity: the AWS run makes on-demand tables only")]
    [TestMethod]
    public async Task Every_in_place_change_keeps_the_items_and_the_next_sync_is_noop()
    {
        var name = Names.Unique("inplace");
        using var client = Server.Local.CreateClient();
        var folder = await CreateWithItemsAsync(client, name, 60);
        var before = await Items.ReadAllAsync(client, name);

        string[] changes =
        [
            Definitions.WithEmailIndex(name),
            Definitions.WithEmailIndex(name, "StreamSpecification:\n  StreamEnabled: true\n  StreamViewType: KEYS_ONLY"),
            Definitions.WithEmailIndex(name, "StreamSpecification:\n  StreamEnabled: true\n  StreamViewType: NEW_IMAGE"),
            Definitions.WithEmailIndex(name, "TableClass: STANDARD_INFREQUENT_ACCESS\nDeletionProtectionEnabled: true\nSSESpecification:\n  Enabled: true"),
            Definitions.WithEmailIndex(name, "DeletionProtectionEnabled: false\nTimeToLiveSpecification:\n  AttributeName: expires_at\n  Enabled: true\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n  RecoveryPeriodInDays: 7\nTags:\n  - Key: Team\n    Value: core"),
            Definitions.WithEmailIndex(name, "ContributorInsightsSpecification:\n  Enabled: true\n  Mode: THROTTLED_KEYS")
                .Replace("      ProjectionType: ALL", "      ProjectionType: ALL\n    ContributorInsightsSpecification:\n      Enabled: true", StringComparison.Ordinal),
            Definitions.WithEmailIndex(name, "ProvisionedThroughput:\n  ReadCapacityUnits: 5\n  WriteCapacityUnits: 5").Replace("BillingMode: PAY_PER_REQUEST", "BillingMode: PROVISIONED", StringComparison.Ordinal)
                .Replace("      ProjectionType: ALL", "      ProjectionType: ALL\n    ProvisionedThroughput:\n      ReadCapacityUnits: 1\n      WriteCapacityUnits: 1", StringComparison.Ordinal),
            Definitions.OnDemand(name, "GlobalSecondaryIndexes: []"),
        ];
        foreach (var change in changes)
        {
            await AssertSyncAsync(Definitions.Rewrite(folder, 0, change), client, TableAction.Update);
            await AssertSyncAsync(folder, client, TableAction.Noop);
            CollectionAssert.AreEqual(before, await Items.ReadAllAsync(client, name), $"items changed after: {change}");
        }
    }

    [TestMethod]
    public async Task A_GSI_created_in_place_is_backfilled_with_the_items_already_there()
    {
        var name = Names.Unique("backfill");
        using var client = Server.Local.CreateClient();
        var folder = await CreateWithItemsAsync(client, name, 30);

        var result = await AssertSyncAsync(Definitions.Rewrite(folder, 0, Definitions.WithEmailIndex(name)), client, TableAction.Update);
        CollectionAssert.AreEqual(new[] { "GSI email-index: create" }, result.Changes.ToList());
        var found = await client.QueryAsync(new QueryRequest
        {
            TableName = name,
            IndexName = "email-index",
            KeyConditionExpression = "email = :e",
            ExpressionAttributeValues = new() { [":e"] = new AttributeValue("user17@example.com") },
        });
        Assert.AreEqual("item-0017", found.Items.Single()["id"].S);
    }

    private static async Task<string> CreateWithItemsAsync(IAmazonDynamoDB client, string name, int items)
    {
        var folder = Definitions.Folder(Definitions.OnDemand(name));
        await AssertSyncAsync(folder, client, TableAction.Create);
        await Items.PutAsync(client, name, items);
        return folder;
    }

    private static async Task<TableSyncResult> AssertSyncAsync(string folder, IAmazonDynamoDB client, TableAction expected)
    {
        var result = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(result.Succeeded, result.Error);
        var outcome = result.Tables.Single();
        Assert.AreEqual(expected, outcome.Action, string.Join("; ", outcome.Changes));
        return outcome;
    }
}
