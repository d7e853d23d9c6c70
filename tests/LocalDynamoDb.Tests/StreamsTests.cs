using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// DynamoDB Streams as AWS documents them: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
/// </summary>
[TestClass]
public sealed class StreamsTests
{
    [TestMethod]
    public async Task Every_write_that_changes_an_item_is_a_record_in_order_with_the_images_of_the_view_type()
    {
        using var client = Server.Local.CreateClient();
        using var streams = new JsonProtocolClient(Server.Local.Endpoint);
        var (table, arn) = await TableWithStreamAsync(client, StreamViewType.NEW_AND_OLD_IMAGES);

        await client.PutItemAsync(table, new() { ["id"] = new("a"), ["v"] = new("1") });
        await client.PutItemAsync(table, new() { ["id"] = new("a"), ["v"] = new("1") }); // changes nothing: no record
        await client.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = new() { ["id"] = new("a") }, UpdateExpression = "SET v = :v", ExpressionAttributeValues = new() { [":v"] = new("2") } });
        await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [new() { Put = new Put { TableName = table, Item = new() { ["id"] = new("b") } } }] });
        await Assert.ThrowsExactlyAsync<TransactionCanceledException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = table, Item = new() { ["id"] = new("c") } } },
                new() { ConditionCheck = new ConditionCheck { TableName = table, Key = new() { ["id"] = new("a") }, ConditionExpression = "attribute_not_exists(id)" } },
            ],
        }));
        // Undone when its update fails on being applied: neither its put nor the undoing makes a record.
        await Assert.ThrowsExactlyAsync<TransactionCanceledException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = table, Item = new() { ["id"] = new("d") } } },
                new() { Update = new Update { TableName = table, Key = new() { ["id"] = new("e") }, UpdateExpression = "SET m.x = :v", ExpressionAttributeValues = new() { [":v"] = new("1") } } },
            ],
        }));
        await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'id': 'p'}}" });
        await client.DeleteItemAsync(table, new() { ["id"] = new("a") });
        await client.DeleteItemAsync(table, new() { ["id"] = new("never-there") }); // deletes nothing: no record

        var records = await streams.RecordsAsync(arn);

        Assert.AreEqual("INSERT a, MODIFY a, INSERT b, INSERT p, REMOVE a", string.Join(", ", records.Select(r => $"{r!["eventName"]} {r["dynamodb"]!["Keys"]!["id"]!["S"]}")));
        var modify = records[1]!["dynamodb"]!;
        Assert.AreEqual("1", modify["OldImage"]!["v"]!["S"]!.GetValue<string>());
        Assert.AreEqual("2", modify["NewImage"]!["v"]!["S"]!.GetValue<string>());
        Assert.IsNull(records[4]!["dynamodb"]!["NewImage"], "a removal has no new image");
        var sequence = records.Select(r => System.Numerics.BigInteger.Parse(r!["dynamodb"]!["SequenceNumber"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(sequence.Order().ToList(), sequence, "sequence numbers increase");
        Assert.IsNull(records[4]!["userIdentity"], "a user's deletion names no service");
    }

    [TestMethod]
    public async Task A_keys_only_stream_carries_no_images_and_a_new_image_stream_no_old_one()
    {
        using var client = Server.Local.CreateClient();
        using var streams = new JsonProtocolClient(Server.Local.Endpoint);
        var (keysOnly, keysOnlyArn) = await TableWithStreamAsync(client, StreamViewType.KEYS_ONLY);
        var (newImage, newImageArn) = await TableWithStreamAsync(client, StreamViewType.NEW_IMAGE);
        foreach (var table in new[] { keysOnly, newImage })
        {
            await client.PutItemAsync(table, new() { ["id"] = new("a"), ["v"] = new("1") });
            await client.PutItemAsync(table, new() { ["id"] = new("a"), ["v"] = new("2") });
        }

        var keys = (await streams.RecordsAsync(keysOnlyArn))[1]!["dynamodb"]!;
        Assert.AreEqual("KEYS_ONLY", keys["StreamViewType"]!.GetValue<string>());
        Assert.IsNull(keys["NewImage"]);
        Assert.IsNull(keys["OldImage"]);
        Assert.AreEqual("a", keys["Keys"]!["id"]!["S"]!.GetValue<string>());
        var images = (await streams.RecordsAsync(newImageArn))[1]!["dynamodb"]!;
        Assert.AreEqual("2", images["NewImage"]!["v"]!["S"]!.GetValue<string>());
        Assert.IsNull(images["OldImage"]);
    }

    [TestMethod]
    public async Task Iterators_start_at_the_trim_horizon_the_latest_record_or_a_sequence_number()
    {
        using var client = Server.Local.CreateClient();
        using var streams = new JsonProtocolClient(Server.Local.Endpoint);
        var (table, arn) = await TableWithStreamAsync(client, StreamViewType.KEYS_ONLY);
        foreach (var id in new[] { "1", "2", "3" })
        {
            await client.PutItemAsync(table, new() { ["id"] = new(id) });
        }

        var all = await streams.RecordsAsync(arn);
        var second = all[1]!["dynamodb"]!["SequenceNumber"]!.GetValue<string>();
        string Ids(System.Text.Json.Nodes.JsonArray records) => string.Join(",", records.Select(r => r!["dynamodb"]!["Keys"]!["id"]!["S"]!.GetValue<string>()));

        Assert.AreEqual("1,2,3", Ids(all));
        Assert.AreEqual("2,3", Ids(await streams.RecordsAsync(arn, "AT_SEQUENCE_NUMBER", second)));
        Assert.AreEqual("3", Ids(await streams.RecordsAsync(arn, "AFTER_SEQUENCE_NUMBER", second)));
        Assert.AreEqual(string.Empty, Ids(await streams.RecordsAsync(arn, "LATEST")));

        // An iterator taken at LATEST reads what is written after it.
        var shard = (await streams.CallAsync("DescribeStream", new { StreamArn = arn }))["StreamDescription"]!["Shards"]![0]!["ShardId"]!.GetValue<string>();
        var latest = (await streams.CallAsync("GetShardIterator", new { StreamArn = arn, ShardId = shard, ShardIteratorType = "LATEST" }))["ShardIterator"]!.GetValue<string>();
        await client.PutItemAsync(table, new() { ["id"] = new("4") });
        var page = await streams.CallAsync("GetRecords", new { ShardIterator = latest });
        Assert.AreEqual("4", Ids(page["Records"]!.AsArray()));
        Assert.IsNotNull(page["NextShardIterator"], "an open shard always has a next iterator");
    }

    [TestMethod]
    public async Task A_stream_turned_off_and_on_again_is_a_new_stream_and_the_old_one_stays_readable_until_its_end()
    {
        using var client = Server.Local.CreateClient();
        using var streams = new JsonProtocolClient(Server.Local.Endpoint);
        var (table, first) = await TableWithStreamAsync(client, StreamViewType.KEYS_ONLY);
        await client.PutItemAsync(table, new() { ["id"] = new("before") });
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE);
        await client.PutItemAsync(table, new() { ["id"] = new("while-off") });
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY } });
        var second = (await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE)).LatestStreamArn;
        await client.PutItemAsync(table, new() { ["id"] = new("after") });

        Assert.AreNotEqual(first, second);
        var listed = (await streams.CallAsync("ListStreams", new { TableName = table }))["Streams"]!.AsArray().Select(s => s!["StreamArn"]!.GetValue<string>()).ToList();
        CollectionAssert.AreEquivalent(new[] { first, second }, listed);
        var old = (await streams.CallAsync("DescribeStream", new { StreamArn = first }))["StreamDescription"]!;
        Assert.AreEqual("DISABLED", old["StreamStatus"]!.GetValue<string>());
        Assert.IsNotNull(old["Shards"]![0]!["SequenceNumberRange"]!["EndingSequenceNumber"], "the old shard is closed");
        var newShard = (await streams.CallAsync("DescribeStream", new { StreamArn = second }))["StreamDescription"]!["Shards"]![0]!["ShardId"]!.GetValue<string>();
        Assert.AreNotEqual(old["Shards"]![0]!["ShardId"]!.GetValue<string>(), newShard);

        var oldShard = old["Shards"]![0]!["ShardId"]!.GetValue<string>();
        var iterator = (await streams.CallAsync("GetShardIterator", new { StreamArn = first, ShardId = oldShard, ShardIteratorType = "TRIM_HORIZON" }))["ShardIterator"]!.GetValue<string>();
        var page = await streams.CallAsync("GetRecords", new { ShardIterator = iterator });
        Assert.AreEqual("before", page["Records"]![0]!["dynamodb"]!["Keys"]!["id"]!["S"]!.GetValue<string>());
        Assert.HasCount(1, page["Records"]!.AsArray());
        Assert.IsNull(page["NextShardIterator"], "a closed shard read to its end has no next iterator");
        Assert.AreEqual("after", (await streams.RecordsAsync(second))[0]!["dynamodb"]!["Keys"]!["id"]!["S"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task An_iterator_expires_after_15_minutes_and_records_are_kept_24_hours()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        using var streams = new JsonProtocolClient(local.Endpoint);
        var (table, arn) = await TableWithStreamAsync(client, StreamViewType.KEYS_ONLY);
        await client.PutItemAsync(table, new() { ["id"] = new("old") });
        var shard = (await streams.CallAsync("DescribeStream", new { StreamArn = arn }))["StreamDescription"]!["Shards"]![0]!["ShardId"]!.GetValue<string>();
        var iterator = (await streams.CallAsync("GetShardIterator", new { StreamArn = arn, ShardId = shard, ShardIteratorType = "TRIM_HORIZON" }))["ShardIterator"]!.GetValue<string>();

        await local.AdvanceClockAsync(TimeSpan.FromMinutes(16));
        var expired = await Assert.ThrowsExactlyAsync<JsonProtocolException>(() => streams.CallAsync("GetRecords", new { ShardIterator = iterator }));
        StringAssert.Contains(expired.Type, "ExpiredIteratorException");

        await client.PutItemAsync(table, new() { ["id"] = new("new") });
        await local.AdvanceClockAsync(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(10));
        Assert.AreEqual("new", string.Join(",", (await streams.RecordsAsync(arn)).Select(r => r!["dynamodb"]!["Keys"]!["id"]!["S"]!.GetValue<string>())), "the record older than 24 hours is trimmed");
    }

    [TestMethod]
    public async Task A_TTL_deletion_is_a_REMOVE_record_that_names_the_DynamoDB_service()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--ttl-sweep-ms", "100");
        using var client = local.CreateClient();
        using var streams = new JsonProtocolClient(local.Endpoint);
        var (table, arn) = await TableWithStreamAsync(client, StreamViewType.OLD_IMAGE);
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires", Enabled = true } });
        var past = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await client.PutItemAsync(table, new() { ["id"] = new("expired"), ["expires"] = new() { N = past } });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        System.Text.Json.Nodes.JsonArray records;
        do
        {
            await Task.Delay(50);
            records = await streams.RecordsAsync(arn);
        }
        while (records.Count < 2 && DateTime.UtcNow < deadline);

        Assert.AreEqual("REMOVE", records[1]!["eventName"]!.GetValue<string>());
        Assert.AreEqual("Service", records[1]!["userIdentity"]!["Type"]!.GetValue<string>());
        Assert.AreEqual("dynamodb.amazonaws.com", records[1]!["userIdentity"]!["PrincipalId"]!.GetValue<string>());
        Assert.AreEqual(past, records[1]!["dynamodb"]!["OldImage"]!["expires"]!["N"]!.GetValue<string>());
    }

    private static async Task<(string Table, string StreamArn)> TableWithStreamAsync(AmazonDynamoDBClient client, StreamViewType viewType)
    {
        var table = await Tables.CreateAsync(client, request => request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = viewType });
        return (table, (await client.DescribeTableAsync(table)).Table.LatestStreamArn);
    }
}
