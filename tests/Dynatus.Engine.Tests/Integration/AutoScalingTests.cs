using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// A provisioned table and its GSI under Application Auto Scaling, with the local server's scalable targets and its
/// request counts. "Auto scaling moved the capacity" is an UpdateTable made here: no policy acts on the local server.
/// </summary>
[LocalServerOnly("its own local servers, their scalable targets and request counts, and provisioned tables")]
[TestClass]
public sealed class AutoScalingTests
{
    [TestMethod]
    public async Task A_scaled_table_and_GSI_moved_within_their_bounds_plan_as_noop_and_are_left_where_auto_scaling_put_them()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var (name, folder) = await CreateScaledAsync(local, client, tableMax: 100, indexMax: 40);
        await MoveCapacityAsync(client, name, table: 30, index: 12);
        await local.ResetRequestCountsAsync();

        var result = await TableSync.SyncAsync(client, folder);

        var outcome = result.Tables.Single();
        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(TableAction.Noop, outcome.Action, string.Join("; ", outcome.Changes));
        CollectionAssert.AreEqual(
            new[]
            {
                "GSI email-index ProvisionedThroughput read 12: managed by auto scaling (1-40); the definition's 2 is left to it",
                "GSI email-index ProvisionedThroughput write 12: managed by auto scaling (1-40); the definition's 2 is left to it",
                "ProvisionedThroughput read 30: managed by auto scaling (1-100); the definition's 5 is left to it",
                "ProvisionedThroughput write 30: managed by auto scaling (1-100); the definition's 5 is left to it",
            },
            outcome.Notes.ToArray());
        var counts = await local.RequestCountsAsync();
        Assert.AreEqual(1, counts["DescribeScalableTargets"], "one question for the table and its index together");
        Assert.IsFalse(counts.ContainsKey("UpdateTable"), "nothing is set back");
        var live = (await client.DescribeTableAsync(name)).Table;
        Assert.AreEqual(30, live.ProvisionedThroughput.ReadCapacityUnits);
        Assert.AreEqual(12, live.GlobalSecondaryIndexes.Single().ProvisionedThroughput.ReadCapacityUnits);
    }

    [TestMethod]
    public async Task A_scaled_capacity_outside_its_bounds_is_updated_to_the_definition()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var (name, folder) = await CreateScaledAsync(local, client, tableMax: 20, indexMax: 40);
        await MoveCapacityAsync(client, name, table: 30, index: 12);

        var result = await TableSync.SyncAsync(client, folder);

        var outcome = result.Tables.Single();
        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(TableAction.Update, outcome.Action);
        CollectionAssert.AreEqual(new[] { "ProvisionedThroughput: 30 read / 30 write -> 5 read / 5 write" }, outcome.Changes.ToArray());
        var live = (await client.DescribeTableAsync(name)).Table;
        Assert.AreEqual(5, live.ProvisionedThroughput.ReadCapacityUnits);
        Assert.AreEqual(12, live.GlobalSecondaryIndexes.Single().ProvisionedThroughput.ReadCapacityUnits, "the index is within its bounds");
    }

    [TestMethod]
    public async Task A_noop_sync_of_a_provisioned_table_sends_no_Application_Auto_Scaling_request()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var (_, folder) = await CreateScaledAsync(local, client, tableMax: 100, indexMax: 40);
        await local.ResetRequestCountsAsync();

        var result = await TableSync.SyncAsync(client, folder);

        Assert.AreEqual(TableAction.Noop, result.Tables.Single().Action);
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["DescribeTable"] = 1 }, (await local.RequestCountsAsync()).ToDictionary());
    }

    [TestMethod]
    public async Task When_Application_Auto_Scaling_cannot_be_read_the_capacity_is_not_changed_and_the_error_says_why()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var (name, folder) = await CreateScaledAsync(local, client, tableMax: 100, indexMax: 40);
        await MoveCapacityAsync(client, name, table: 30, index: 12);
        await local.InjectFaultAsync("DescribeScalableTargets", "AccessDeniedException", message: "not authorized to perform: application-autoscaling:DescribeScalableTargets");
        await local.ResetRequestCountsAsync();

        var result = await TableSync.SyncAsync(client, folder);

        var error = result.Tables.Single().Error;
        Assert.IsNotNull(error);
        Assert.AreEqual("DYN210", error.Code);
        StringAssert.Contains(error.Message, "AccessDeniedException: not authorized to perform: application-autoscaling:DescribeScalableTargets");
        StringAssert.Contains(error.Message, "nothing was changed");
        Assert.IsFalse((await local.RequestCountsAsync()).ContainsKey("UpdateTable"));
        Assert.AreEqual(30, (await client.DescribeTableAsync(name)).Table.ProvisionedThroughput.ReadCapacityUnits);
    }

    [TestMethod]
    public async Task A_local_DynamoDB_without_Application_Auto_Scaling_gets_its_capacity_set_to_the_definition()
    {
        // dynalite alone answers an operation it does not know with 404 and <UnknownOperationException/>.
        using var dynalite = await PlainDynalite.StartAsync();
        using var client = new Amazon.DynamoDBv2.AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("local", "local"), new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint, AuthenticationRegion = "us-east-1" });
        var name = Names.Unique("plain");
        var folder = Definitions.Folder(Definitions.ProvisionedWithEmailIndex(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        await MoveCapacityAsync(client, name, table: 30, write: 5);

        var result = await TableSync.SyncAsync(client, folder);

        Assert.IsTrue(result.Succeeded, result.Error);
        CollectionAssert.AreEqual(new[] { "ProvisionedThroughput: 30 read / 5 write -> 5 read / 5 write" }, result.Tables.Single().Changes.ToArray());
        Assert.AreEqual(5, (await client.DescribeTableAsync(name)).Table.ProvisionedThroughput.ReadCapacityUnits);
    }

    [TestMethod]
    public async Task A_local_DynamoDB_that_answers_UnknownOperationException_in_JSON_is_taken_to_scale_nothing()
    {
        // The local server's injected fault stands for a server that answers in JSON, as DynamoDB Local's front end does.
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var (name, folder) = await CreateScaledAsync(local, client, tableMax: 100, indexMax: 40);
        await MoveCapacityAsync(client, name, table: 30, write: 5);
        await local.InjectFaultAsync("DescribeScalableTargets", "UnknownOperationException");

        var result = await TableSync.SyncAsync(client, folder);

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(TableAction.Update, result.Tables.Single().Action);
        Assert.AreEqual(5, (await client.DescribeTableAsync(name)).Table.ProvisionedThroughput.ReadCapacityUnits);
    }

    [TestMethod]
    public async Task AutoScalingEndpoint_sends_the_question_to_another_endpoint_than_DynamoDB()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        await using var autoScaling = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        using var other = autoScaling.CreateClient();
        var name = Names.Unique("scaled");
        var folder = Definitions.Folder(Definitions.ProvisionedWithEmailIndex(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        Assert.IsTrue((await TableSync.SyncAsync(other, folder)).Succeeded, "the other server registers targets for tables it has");
        await ScalableTargets.RegisterAsync(autoScaling.Endpoint, $"table/{name}", read: true, 1, 100);
        await MoveCapacityAsync(client, name, table: 30, write: 5);
        await local.ResetRequestCountsAsync();
        await autoScaling.ResetRequestCountsAsync();

        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { AutoScalingEndpoint = autoScaling.Endpoint });

        Assert.AreEqual(TableAction.Noop, result.Tables.Single().Action, string.Join("; ", result.Tables.Single().Changes));
        Assert.IsFalse((await local.RequestCountsAsync()).ContainsKey("DescribeScalableTargets"));
        Assert.AreEqual(1, (await autoScaling.RequestCountsAsync())["DescribeScalableTargets"]);
    }

    // Creates the table with its definition, then registers read and write targets (minimum 1) for it and its index.
    private static async Task<(string Name, string Folder)> CreateScaledAsync(LocalDynamoDb local, Amazon.DynamoDBv2.AmazonDynamoDBClient client, long tableMax, long indexMax)
    {
        var name = Names.Unique("scaled");
        var folder = Definitions.Folder(Definitions.ProvisionedWithEmailIndex(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        foreach (var read in new[] { true, false })
        {
            await ScalableTargets.RegisterAsync(local.Endpoint, $"table/{name}", read, 1, tableMax);
            await ScalableTargets.RegisterAsync(local.Endpoint, $"table/{name}/index/email-index", read, 1, indexMax);
        }

        return (name, folder);
    }

    // The index is left as it is when no index capacity is given (DynamoDB refuses an update to the same capacity).
    private static async Task MoveCapacityAsync(Amazon.DynamoDBv2.AmazonDynamoDBClient client, string name, long table, long? index = null, long? write = null)
    {
        await client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            ProvisionedThroughput = new ProvisionedThroughput(table, write ?? table),
            GlobalSecondaryIndexUpdates = index is { } capacity ? [new() { Update = new() { IndexName = "email-index", ProvisionedThroughput = new ProvisionedThroughput(capacity, capacity) } }] : null,
        });
        Assert.IsTrue(await TableSync.WaitForTableActiveAsync(client, name, TimeSpan.FromSeconds(30)));
    }
}
