using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>The test controls: request counts and injected faults (not AWS behaviour: the server's own).</summary>
[TestClass]
public sealed class AdminTests
{
    [TestMethod]
    public async Task Requests_are_counted_by_operation_and_faults_fail_the_next_requests()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync();
        using var client = local.CreateClient(maxErrorRetry: 0);
        await local.InjectFaultAsync("ListTables", "LimitExceededException", 2);

        for (var i = 0; i < 2; i++)
        {
            var fault = await Assert.ThrowsAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(() => client.ListTablesAsync());
            Assert.AreEqual("LimitExceededException", fault.ErrorCode);
        }

        await client.ListTablesAsync();
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.DescribeTableAsync("missing-table"));

        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["ListTables"] = 3, ["DescribeTable"] = 1 }, (await local.RequestCountsAsync()).ToDictionary());
    }

    [TestMethod]
    public async Task A_batch_write_can_be_told_to_leave_its_last_write_unprocessed_as_DynamoDB_does_under_load()
    {
        // A server of its own: the control holds back writes of every table.
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await local.LeaveUnprocessedAsync(1);
        var writes = Enumerable.Range(0, 3).Select(i => new WriteRequest(new PutRequest(new() { ["id"] = new AttributeValue($"i{i}") }))).ToList();

        var first = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = writes } });
        Assert.AreEqual("i2", first.UnprocessedItems[table].Single().PutRequest.Item["id"].S);
        Assert.HasCount(2, (await client.ScanAsync(new ScanRequest(table))).Items);

        var again = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = first.UnprocessedItems });
        Assert.IsTrue(again.UnprocessedItems is null or { Count: 0 });
        Assert.HasCount(3, (await client.ScanAsync(new ScanRequest(table))).Items);
    }

    [TestMethod]
    public async Task The_quick_start_server_has_no_admin_routes()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsQuickStartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(local.Endpoint) };
        Assert.AreEqual("healthy: dynamodb.us-east-1.amazonaws.com ", await http.GetStringAsync("/"));
        Assert.AreEqual(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/__admin/requests")).StatusCode);
    }
}
