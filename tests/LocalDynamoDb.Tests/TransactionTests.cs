using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// TransactWriteItems and TransactGetItems as AWS documents them:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html
/// </summary>
[TestClass]
public sealed class TransactionTests
{
    [TestMethod]
    public async Task A_failed_condition_cancels_every_action_with_a_reason_for_each_in_request_order()
    {
        using var client = Server.Local.CreateClient();
        var orders = await Tables.CreateAsync(client);
        var stock = await Tables.CreateAsync(client);
        await client.PutItemAsync(stock, new() { ["id"] = S("widget"), ["count"] = N(0) });

        var error = await Assert.ThrowsExactlyAsync<TransactionCanceledException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = orders, Item = new() { ["id"] = S("o1") } } },
                new()
                {
                    Update = new Update
                    {
                        TableName = stock,
                        Key = new() { ["id"] = S("widget") },
                        UpdateExpression = "SET #c = #c - :one",
                        ConditionExpression = "#c >= :one",
                        ExpressionAttributeNames = new() { ["#c"] = "count" },
                        ExpressionAttributeValues = new() { [":one"] = N(1) },
                        ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                    },
                },
            ],
        }));

        CollectionAssert.AreEqual(new[] { "None", "ConditionalCheckFailed" }, error.CancellationReasons.Select(r => r.Code).ToList());
        Assert.AreEqual("0", error.CancellationReasons[1].Item["count"].N, "ALL_OLD returns the item the condition saw");
        Assert.IsFalse((await client.GetItemAsync(orders, new() { ["id"] = S("o1") })).IsItemSet, "the put of the cancelled transaction is not applied");
    }

    [TestMethod]
    public async Task Every_action_of_a_transaction_is_applied_across_tables()
    {
        using var client = Server.Local.CreateClient();
        var orders = await Tables.CreateAsync(client);
        var stock = await Tables.CreateAsync(client);
        await client.PutItemAsync(stock, new() { ["id"] = S("widget"), ["count"] = N(5) });
        await client.PutItemAsync(stock, new() { ["id"] = S("gadget"), ["count"] = N(1) });
        await client.PutItemAsync(orders, new() { ["id"] = S("draft") });

        await client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = orders, Item = new() { ["id"] = S("o1"), ["what"] = S("widget") }, ConditionExpression = "attribute_not_exists(id)" } },
                new() { Update = new Update { TableName = stock, Key = new() { ["id"] = S("widget") }, UpdateExpression = "ADD #c :minus", ExpressionAttributeNames = new() { ["#c"] = "count" }, ExpressionAttributeValues = new() { [":minus"] = N(-1) } } },
                new() { Delete = new Delete { TableName = orders, Key = new() { ["id"] = S("draft") } } },
                new() { ConditionCheck = new ConditionCheck { TableName = stock, Key = new() { ["id"] = S("gadget") }, ConditionExpression = "attribute_exists(id)" } },
            ],
        });

        Assert.AreEqual("widget", (await client.GetItemAsync(orders, new() { ["id"] = S("o1") })).Item["what"].S);
        Assert.AreEqual("4", (await client.GetItemAsync(stock, new() { ["id"] = S("widget") })).Item["count"].N);
        Assert.IsFalse((await client.GetItemAsync(orders, new() { ["id"] = S("draft") })).IsItemSet);
    }

    [TestMethod]
    public async Task An_action_that_fails_while_applied_undoes_the_actions_before_it()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("kept"), ["name"] = S("before") });

        // The update's path needs a map where the item has a string: found only when it is applied.
        var error = await Assert.ThrowsExactlyAsync<TransactionCanceledException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = table, Item = new() { ["id"] = S("new") } } },
                new() { Put = new Put { TableName = table, Item = new() { ["id"] = S("kept"), ["name"] = S("after") } } },
                new() { Update = new Update { TableName = table, Key = new() { ["id"] = S("third") }, UpdateExpression = "SET a.b = :v", ExpressionAttributeValues = new() { [":v"] = S("x") } } },
            ],
        }));

        CollectionAssert.AreEqual(new[] { "None", "None", "ValidationError" }, error.CancellationReasons.Select(r => r.Code).ToList());
        Assert.IsFalse((await client.GetItemAsync(table, new() { ["id"] = S("new") })).IsItemSet);
        Assert.AreEqual("before", (await client.GetItemAsync(table, new() { ["id"] = S("kept") })).Item["name"].S);
        Assert.IsFalse((await client.GetItemAsync(table, new() { ["id"] = S("third") })).IsItemSet);
    }

    [TestMethod]
    public async Task A_client_request_token_applies_a_request_once_and_refuses_another_request_with_it()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        var token = Guid.NewGuid().ToString();
        TransactWriteItemsRequest Add(int amount) => new()
        {
            ClientRequestToken = token,
            TransactItems = [new() { Update = new Update { TableName = table, Key = new() { ["id"] = S("c") }, UpdateExpression = "ADD n :a", ExpressionAttributeValues = new() { [":a"] = N(amount) } } }],
        };

        await client.TransactWriteItemsAsync(Add(1));
        await client.TransactWriteItemsAsync(Add(1));
        await Assert.ThrowsExactlyAsync<IdempotentParameterMismatchException>(() => client.TransactWriteItemsAsync(Add(2)));

        Assert.AreEqual("1", (await client.GetItemAsync(table, new() { ["id"] = S("c") })).Item["n"].N);
    }

    [TestMethod]
    public async Task More_than_100_actions_or_two_actions_on_one_item_are_refused_whole()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        var many = Enumerable.Range(0, 101).Select(i => new TransactWriteItem { Put = new Put { TableName = table, Item = new() { ["id"] = S($"i{i}") } } }).ToList();
        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = many }));

        var twice = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = table, Item = new() { ["id"] = S("same") } } },
                new() { Delete = new Delete { TableName = table, Key = new() { ["id"] = S("same") } } },
            ],
        }));

        StringAssert.Contains(twice.Message, "multiple operations on one item");
        Assert.AreEqual(0, (await client.ScanAsync(new ScanRequest(table))).Count);
    }

    [TestMethod]
    public async Task Transactions_are_isolated_from_each_other_and_from_single_writes_and_reads_see_a_snapshot()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("a"), ["n"] = N(100) });
        await client.PutItemAsync(table, new() { ["id"] = S("b"), ["n"] = N(0) });
        await client.PutItemAsync(table, new() { ["id"] = S("hits"), ["n"] = N(0) });

        // Transfers from a to b, single-item increments of another item, and snapshot reads of a and b, all at once.
        var transfers = Enumerable.Range(0, 40).Select(_ => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Update = new Update { TableName = table, Key = new() { ["id"] = S("a") }, UpdateExpression = "ADD n :m", ExpressionAttributeValues = new() { [":m"] = N(-1) } } },
                new() { Update = new Update { TableName = table, Key = new() { ["id"] = S("b") }, UpdateExpression = "ADD n :p", ExpressionAttributeValues = new() { [":p"] = N(1) } } },
            ],
        }));
        var increments = Enumerable.Range(0, 40).Select(_ => client.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = new() { ["id"] = S("hits") }, UpdateExpression = "ADD n :one", ExpressionAttributeValues = new() { [":one"] = N(1) } }));
        var reads = Enumerable.Range(0, 40).Select(_ => client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new() { Get = new Get { TableName = table, Key = new() { ["id"] = S("a") } } }, new() { Get = new Get { TableName = table, Key = new() { ["id"] = S("b") } } }],
        })).ToList();
        await Task.WhenAll(transfers.Concat<Task>(increments).Concat(reads));

        foreach (var read in reads)
        {
            Assert.AreEqual(100, read.Result.Responses.Sum(r => int.Parse(r.Item["n"].N, System.Globalization.CultureInfo.InvariantCulture)), "a read inside a transfer would see a sum other than 100");
        }

        Assert.AreEqual("60", (await client.GetItemAsync(table, new() { ["id"] = S("a") })).Item["n"].N);
        Assert.AreEqual("40", (await client.GetItemAsync(table, new() { ["id"] = S("hits") })).Item["n"].N);
    }

    [TestMethod]
    public async Task TransactGetItems_answers_in_request_order_with_an_empty_response_for_a_missing_item()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("x"), ["v"] = S("1") });

        var response = await client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new() { Get = new Get { TableName = table, Key = new() { ["id"] = S("missing") } } }, new() { Get = new Get { TableName = table, Key = new() { ["id"] = S("x") }, ProjectionExpression = "v" } }],
        });

        Assert.HasCount(2, response.Responses);
        Assert.IsTrue(response.Responses[0].Item is null || response.Responses[0].Item.Count == 0, "no item");
        Assert.AreEqual("1", response.Responses[1].Item["v"].S);
        Assert.IsFalse(response.Responses[1].Item.ContainsKey("id"), "the projection is applied");
    }

    private static AttributeValue S(string value) => new(value);

    private static AttributeValue N(int value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
