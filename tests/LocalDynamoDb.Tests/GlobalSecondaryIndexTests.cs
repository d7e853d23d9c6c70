using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>Online GSI changes, which dynalite alone accepts and ignores; AWS's behaviour per the UpdateTable reference.</summary>
[TestClass]
public sealed class GlobalSecondaryIndexTests
{
    [TestMethod]
    public async Task A_GSI_created_in_place_is_CREATING_and_backfilling_then_ACTIVE()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--index-ms", "300");
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client);

        var response = await client.UpdateTableAsync(Tables.AddIndex(table, "email-index", "email"));
        var creating = response.TableDescription.GlobalSecondaryIndexes.Single();
        Assert.AreEqual(IndexStatus.CREATING, creating.IndexStatus);
        Assert.IsTrue(creating.Backfilling);

        var active = await Tables.WaitAsync(client, table, t => t.GlobalSecondaryIndexes.Single().IndexStatus == IndexStatus.ACTIVE);
        Assert.IsNull(active.GlobalSecondaryIndexes.Single().Backfilling);
        CollectionAssert.AreEquivalent(new[] { "id", "email" }, active.AttributeDefinitions.Select(a => a.AttributeName).ToList());
    }

    [TestMethod]
    public async Task Only_one_GSI_create_or_delete_per_call_and_none_while_one_is_building()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--index-ms", "5000");
        // The SDK retries LimitExceededException itself, long enough to outlast the build: ask once.
        using var client = local.CreateClient(maxErrorRetry: 0);
        var table = await Tables.CreateAsync(client);

        var two = Tables.AddIndex(table, "a-index", "a");
        two.GlobalSecondaryIndexUpdates.Add(Tables.AddIndex(table, "b-index", "b").GlobalSecondaryIndexUpdates[0]);
        two.AttributeDefinitions.Add(new AttributeDefinition("b", ScalarAttributeType.S));
        await Assert.ThrowsExactlyAsync<LimitExceededException>(() => client.UpdateTableAsync(two));

        await client.UpdateTableAsync(Tables.AddIndex(table, "a-index", "a"));
        await Assert.ThrowsExactlyAsync<LimitExceededException>(() => client.UpdateTableAsync(Tables.AddIndex(table, "b-index", "b")));
        await Assert.ThrowsExactlyAsync<ResourceInUseException>(() => client.DeleteTableAsync(table));
    }

    [TestMethod]
    public async Task A_deleted_GSI_is_DELETING_then_gone()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r =>
        {
            r.AttributeDefinitions.Add(new AttributeDefinition("email", ScalarAttributeType.S));
            r.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "email-index", KeySchema = [new KeySchemaElement("email", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
        });

        var response = await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, GlobalSecondaryIndexUpdates = [new() { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "email-index" } }] });
        Assert.AreEqual(IndexStatus.DELETING, response.TableDescription.GlobalSecondaryIndexes.Single().IndexStatus);
        await Tables.WaitAsync(client, table, t => t.GlobalSecondaryIndexes is null or { Count: 0 });
    }

    [TestMethod]
    public async Task A_GSI_on_an_on_demand_table_takes_no_throughput_and_a_provisioned_one_needs_it()
    {
        using var client = Server.Local.CreateClient();
        var onDemand = await Tables.CreateAsync(client);
        var withThroughput = Tables.AddIndex(onDemand, "x-index", "x");
        withThroughput.GlobalSecondaryIndexUpdates[0].Create.ProvisionedThroughput = new ProvisionedThroughput(1, 1);
        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(withThroughput));

        var provisioned = await Tables.CreateAsync(client, r => { r.BillingMode = BillingMode.PROVISIONED; r.ProvisionedThroughput = new ProvisionedThroughput(1, 1); });
        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(Tables.AddIndex(provisioned, "x-index", "x")));
    }
}
