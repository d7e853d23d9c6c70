using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// Where the server's own operations once differed from AWS (found by running dynalite's test suite, which records
/// AWS's behaviour, against this server); each test checks AWS's behaviour per the DynamoDB API reference.
/// </summary>
[TestClass]
public sealed class ConformanceTests
{
    [TestMethod]
    public async Task Deleting_a_GSI_drops_the_attribute_definitions_only_it_used()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.UpdateTableAsync(Tables.AddIndex(table, "email-index", "email"));
        await Tables.WaitAsync(client, table, t => t.GlobalSecondaryIndexes?.Single().IndexStatus == IndexStatus.ACTIVE);

        await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, GlobalSecondaryIndexUpdates = [new() { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "email-index" } }] });
        var gone = await Tables.WaitAsync(client, table, t => t.GlobalSecondaryIndexes is null or { Count: 0 });
        CollectionAssert.AreEqual(new[] { "id" }, gone.AttributeDefinitions.Select(a => a.AttributeName).ToList());
    }

    [TestMethod]
    public async Task A_GSI_update_of_on_demand_or_warm_throughput_alone_is_applied()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.UpdateTableAsync(Tables.AddIndex(table, "email-index", "email"));
        await Tables.WaitAsync(client, table, t => t.GlobalSecondaryIndexes?.Single().IndexStatus == IndexStatus.ACTIVE);

        await client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates = [new() { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "email-index", OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 100, MaxWriteRequestUnits = 50 } } }],
        });
        await client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates = [new() { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "email-index", WarmThroughput = new WarmThroughput { ReadUnitsPerSecond = 15000, WriteUnitsPerSecond = 5000 } } }],
        });

        var index = (await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE)).GlobalSecondaryIndexes.Single();
        Assert.AreEqual((100L, 50L), (index.OnDemandThroughput.MaxReadRequestUnits!.Value, index.OnDemandThroughput.MaxWriteRequestUnits!.Value));
        Assert.AreEqual((15000L, 5000L), (index.WarmThroughput.ReadUnitsPerSecond!.Value, index.WarmThroughput.WriteUnitsPerSecond!.Value));
    }

    [TestMethod]
    public async Task A_GSI_created_with_the_table_keeps_its_on_demand_and_warm_throughput()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r =>
        {
            r.AttributeDefinitions.Add(new AttributeDefinition("email", ScalarAttributeType.S));
            r.GlobalSecondaryIndexes =
            [
                new()
                {
                    IndexName = "email-index",
                    KeySchema = [new KeySchemaElement("email", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 1002 },
                    WarmThroughput = new WarmThroughput { ReadUnitsPerSecond = 15000, WriteUnitsPerSecond = 5000 },
                },
            ];
        });

        var index = (await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE)).GlobalSecondaryIndexes.Single();
        Assert.AreEqual(1002L, index.OnDemandThroughput.MaxReadRequestUnits);
        Assert.AreEqual((15000L, 5000L), (index.WarmThroughput.ReadUnitsPerSecond!.Value, index.WarmThroughput.WriteUnitsPerSecond!.Value));
    }

    [TestMethod]
    public async Task A_throughput_change_shows_the_old_capacity_until_it_is_done_then_when_it_went_up_or_down()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--update-ms", "300");
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client, r => { r.BillingMode = BillingMode.PROVISIONED; r.ProvisionedThroughput = new ProvisionedThroughput(5, 5); });

        var response = await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(10, 5) });
        Assert.AreEqual((TableStatus.UPDATING, 5L), (response.TableDescription.TableStatus, response.TableDescription.ProvisionedThroughput.ReadCapacityUnits!.Value));
        Assert.IsNotNull(response.TableDescription.ProvisionedThroughput.LastIncreaseDateTime, "stamped when asked, as dynalite's suite recorded AWS doing");
        var increased = (await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE)).ProvisionedThroughput;
        Assert.AreEqual(10L, increased.ReadCapacityUnits);
        Assert.IsNotNull(increased.LastIncreaseDateTime);
        Assert.IsNull(increased.LastDecreaseDateTime);

        var decreasing = (await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(10, 1) })).TableDescription.ProvisionedThroughput;
        Assert.AreEqual((increased.LastIncreaseDateTime, 0L), (decreasing.LastIncreaseDateTime, decreasing.NumberOfDecreasesToday ?? 0), "a decrease counts once it is done");
        Assert.IsNotNull(decreasing.LastDecreaseDateTime);
        var decreased = (await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE)).ProvisionedThroughput;
        Assert.AreEqual((1L, 1L), (decreased.WriteCapacityUnits!.Value, decreased.NumberOfDecreasesToday!.Value));
        Assert.IsNotNull(decreased.LastDecreaseDateTime);
    }

    [TestMethod]
    public async Task Unchanged_throughput_and_an_out_of_reach_index_capacity_are_refused_with_AWS_messages()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r => { r.BillingMode = BillingMode.PROVISIONED; r.ProvisionedThroughput = new ProvisionedThroughput(5, 5); });

        var same = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(5, 5) }));
        StringAssert.EndsWith(same.Message, "Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        var blocked = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates = [new() { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "missing", ProvisionedThroughput = new ProvisionedThroughput(1_000_000_000_001, 1) } }],
        }));
        Assert.AreEqual(("ValidationException", "This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate"), (blocked.ErrorCode, blocked.Message));
    }

    [TestMethod]
    public async Task Deleting_a_table_still_being_created_with_a_GSI_says_it_is_being_created()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--create-ms", "5000");
        using var client = local.CreateClient(maxErrorRetry: 0);
        var table = Dynatus.Testing.Names.Unique("creating");
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S), new AttributeDefinition("email", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "email-index", KeySchema = [new KeySchemaElement("email", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
        });

        var refused = await Assert.ThrowsExactlyAsync<ResourceInUseException>(() => client.DeleteTableAsync(table));
        StringAssert.Contains(refused.Message, $"Table is being created: {table}");
    }

    [TestMethod]
    [DataRow("UpdateTable")]
    [DataRow("UpdateTimeToLive")]
    [DataRow("DescribeTimeToLive")]
    [DataRow("UpdateContinuousBackups")]
    [DataRow("DescribeContinuousBackups")]
    public async Task A_table_name_of_the_wrong_type_length_or_characters_is_refused_as_AWS_refuses_it(string operation)
    {
        // Raw requests: no SDK sends a list as a table name. Before, a list never got an answer (the table lock took it as keys).
        Assert.AreEqual(("SerializationException", HttpStatusCode.BadRequest), await SendAsync(operation, """{"TableName": []}"""));
        Assert.AreEqual(("ValidationException", HttpStatusCode.BadRequest), await SendAsync(operation, """{"TableName": "ab"}"""));
        Assert.AreEqual(("ValidationException", HttpStatusCode.BadRequest), await SendAsync(operation, """{"TableName": "no spaces"}"""));
    }

    [TestMethod]
    [DataRow("UpdateTable", """{"TableName": "any-table", "ProvisionedThroughput": "lots"}""", "SerializationException")]
    [DataRow("UpdateTable", """{"TableName": "any-table", "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 5}}""", "ValidationException")]
    [DataRow("UpdateTable", """{"TableName": "any-table", "GlobalSecondaryIndexUpdates": [{}]}""", "ValidationException")]
    [DataRow("UpdateTable", """{"TableName": "any-table", "GlobalSecondaryIndexUpdates": []}""", "ValidationException")]
    [DataRow("UpdateTable", """{"TableName": "any-table", "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "abc"}}, {"Delete": {"IndexName": "abc"}}]}""", "ValidationException")]
    [DataRow("UpdateTimeToLive", """{"TableName": "any-table", "TimeToLiveSpecification": {"AttributeName": "ttl", "Enabled": 5}}""", "SerializationException")]
    [DataRow("UpdateTimeToLive", """{"TableName": "any-table"}""", "ValidationException")]
    [DataRow("UpdateContinuousBackups", """{"TableName": "any-table", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": "maybe"}}""", "SerializationException")]
    [DataRow("UpdateContinuousBackups", """{"TableName": "any-table"}""", "ValidationException")]
    public async Task Input_DynamoDB_refuses_is_refused_before_the_table_is_looked_up(string operation, string body, string error)
    {
        // The table does not exist: a check that came after the look-up would answer ResourceNotFoundException.
        Assert.AreEqual((error, HttpStatusCode.BadRequest), await SendAsync(operation, body));
    }

    [TestMethod]
    public async Task A_new_table_reports_deletion_protection_off_as_AWS_does_though_dynalite_leaves_it_out()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        Assert.IsFalse((await client.DescribeTableAsync(table)).Table.DeletionProtectionEnabled);
    }

    private static async Task<(string Type, HttpStatusCode Status)> SendAsync(string operation, string body)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Local.Endpoint), Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.Add("X-Amz-Target", $"DynamoDB_20120810.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("__type").GetString()!.Split('#')[^1], response.StatusCode);
    }
}
