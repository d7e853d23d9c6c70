using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// PartiQL statements as AWS's reference shows them:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html
/// </summary>
[TestClass]
public sealed class PartiQLTests
{
    [TestMethod]
    public async Task INSERT_puts_an_item_SELECT_reads_it_back_and_a_second_INSERT_of_its_key_is_a_duplicate()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);

        await client.ExecuteStatementAsync(new ExecuteStatementRequest
        {
            Statement = $"INSERT INTO \"{table}\" VALUE {{'id': ?, 'title': 'Dune', 'year': 1965, 'tags': <<'classic', 'sf'>>, 'author': {{'name': 'Herbert'}}}}",
            Parameters = [S("b1")],
        });
        var read = await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE id = ?", Parameters = [S("b1")] });

        var item = read.Items.Single();
        Assert.AreEqual("Dune", item["title"].S);
        Assert.AreEqual("1965", item["year"].N);
        CollectionAssert.AreEquivalent(new[] { "classic", "sf" }, item["tags"].SS);
        Assert.AreEqual("Herbert", item["author"].M["name"].S);
        await Assert.ThrowsExactlyAsync<DuplicateItemException>(() => client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'id': 'b1'}}" }));
    }

    [TestMethod]
    public async Task SELECT_on_a_partition_key_reads_in_sort_key_order_with_filters_projections_and_pages()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r =>
        {
            r.KeySchema = [new KeySchemaElement("customer", KeyType.HASH), new KeySchemaElement("order", KeyType.RANGE)];
            r.AttributeDefinitions = [new AttributeDefinition("customer", ScalarAttributeType.S), new AttributeDefinition("order", ScalarAttributeType.N)];
        });
        foreach (var (customer, order, total) in new[] { ("c1", 3, 30), ("c1", 1, 10), ("c1", 2, 20), ("c1", 4, 5), ("c2", 1, 99) })
        {
            await client.PutItemAsync(table, new() { ["customer"] = S(customer), ["order"] = N(order), ["total"] = N(total), ["note"] = S("n") });
        }

        var statement = $"SELECT \"order\", total FROM \"{table}\" WHERE customer = ? AND \"order\" >= ? AND total > ?";
        var first = await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Parameters = [S("c1"), N(2), N(6)], Limit = 1 });
        var rest = await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Parameters = [S("c1"), N(2), N(6)], NextToken = first.NextToken });

        Assert.AreEqual("2", first.Items.Single()["order"].N);
        Assert.IsNotNull(first.NextToken, "Limit 1 leaves more to read");
        CollectionAssert.AreEqual(new[] { "3" }, rest.Items.Select(i => i["order"].N).ToList(), "order 4 is filtered out by its total");
        Assert.IsFalse(first.Items.Single().ContainsKey("note"), "only the projected attributes");
        Assert.IsFalse(first.Items.Single().ContainsKey("customer"));
    }

    [TestMethod]
    public async Task SELECT_without_the_partition_key_scans_with_the_whole_WHERE()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("1"), ["name"] = S("Widget"), ["price"] = N(12) });
        await client.PutItemAsync(table, new() { ["id"] = S("2"), ["name"] = S("Wrench"), ["price"] = N(8) });
        await client.PutItemAsync(table, new() { ["id"] = S("3"), ["name"] = S("Gadget"), ["price"] = N(20) });
        await client.PutItemAsync(table, new() { ["id"] = S("4"), ["name"] = S("Wagon") });

        var found = await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT id FROM \"{table}\" WHERE begins_with(name, 'W') AND (price > 10 OR price IS MISSING)" });
        var listed = await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT id FROM \"{table}\" WHERE id IN ['1', '3'] AND NOT price BETWEEN 15 AND 25" });

        CollectionAssert.AreEquivalent(new[] { "1", "4" }, found.Items.Select(i => i["id"].S).ToList());
        CollectionAssert.AreEqual(new[] { "1" }, listed.Items.Select(i => i["id"].S).ToList());
    }

    [TestMethod]
    public async Task UPDATE_sets_and_removes_under_its_conditions_and_needs_the_item_to_exist()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("a"), ["count"] = N(1), ["old"] = S("x") });

        await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"UPDATE \"{table}\" SET \"count\" = \"count\" + 1 SET status = ? REMOVE old WHERE id = 'a' AND \"count\" < 5", Parameters = [S("shipped")] });
        var item = (await client.GetItemAsync(table, new() { ["id"] = S("a") })).Item;
        await Assert.ThrowsExactlyAsync<ConditionalCheckFailedException>(() => client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"UPDATE \"{table}\" SET status = 'x' WHERE id = 'a' AND \"count\" > 5" }));
        await Assert.ThrowsExactlyAsync<ConditionalCheckFailedException>(() => client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"UPDATE \"{table}\" SET status = 'x' WHERE id = 'missing'" }));
        var noKey = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"UPDATE \"{table}\" SET status = 'x' WHERE status = 'shipped'" }));

        Assert.AreEqual("2", item["count"].N);
        Assert.AreEqual("shipped", item["status"].S);
        Assert.IsFalse(item.ContainsKey("old"));
        Assert.IsFalse((await client.GetItemAsync(table, new() { ["id"] = S("missing") })).IsItemSet);
        StringAssert.Contains(noKey.Message, "key attributes");
    }

    [TestMethod]
    public async Task DELETE_removes_the_item_its_key_names_when_its_conditions_hold()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("a"), ["state"] = S("open") });
        await client.PutItemAsync(table, new() { ["id"] = S("b"), ["state"] = S("done") });

        await Assert.ThrowsExactlyAsync<ConditionalCheckFailedException>(() => client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"DELETE FROM \"{table}\" WHERE id = 'a' AND state = 'done'" }));
        await client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"DELETE FROM \"{table}\" WHERE id = ? AND state = 'done'", Parameters = [S("b")] });

        Assert.IsTrue((await client.GetItemAsync(table, new() { ["id"] = S("a") })).IsItemSet);
        Assert.IsFalse((await client.GetItemAsync(table, new() { ["id"] = S("b") })).IsItemSet);
    }

    [TestMethod]
    public async Task A_batch_answers_each_statement_in_its_place_with_its_own_error()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("taken") });

        var response = await client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'id': 'new'}}" },
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'id': 'taken'}}" },
                new() { Statement = $"UPDATE \"{table}\" SET x = 1 WHERE id = 'missing'" },
            ],
        });

        CollectionAssert.AreEqual(new[] { "-", "DuplicateItem", "ConditionalCheckFailed" }, response.Responses.Select(r => r.Error?.Code?.Value ?? "-").ToList());
        Assert.IsTrue((await client.GetItemAsync(table, new() { ["id"] = S("new") })).IsItemSet, "the statement that succeeded is applied");
    }

    [TestMethod]
    public async Task ExecuteTransaction_applies_all_its_statements_or_none_and_names_a_duplicate()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["id"] = S("taken"), ["n"] = N(1) });
        await client.PutItemAsync(table, new() { ["id"] = S("other"), ["n"] = N(1) });

        var error = await Assert.ThrowsExactlyAsync<TransactionCanceledException>(() => client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new() { Statement = $"UPDATE \"{table}\" SET n = n + 1 WHERE id = 'other'" },
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'id': ?}}", Parameters = [S("taken")] },
            ],
        }));
        CollectionAssert.AreEqual(new[] { "None", "DuplicateItem" }, error.CancellationReasons.Select(r => r.Code).ToList());
        Assert.AreEqual("1", (await client.GetItemAsync(table, new() { ["id"] = S("other") })).Item["n"].N, "the update is not applied");

        await client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new() { Statement = $"UPDATE \"{table}\" SET n = n + 1 WHERE id = 'taken'" },
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'id': 'fresh'}}" },
            ],
        });
        var read = await client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements = [new() { Statement = $"SELECT n FROM \"{table}\" WHERE id = 'taken'" }, new() { Statement = $"SELECT * FROM \"{table}\" WHERE id = 'fresh'" }],
        });
        Assert.AreEqual("2", read.Responses[0].Item["n"].N);
        Assert.AreEqual("fresh", read.Responses[1].Item["id"].S);
    }

    [TestMethod]
    [DataRow("SELEC * FROM t", "wasn't well formed")]
    [DataRow("UPDATE t SET a = 1 WHERE id = 'x' RETURNING ALL NEW *", "Unsupported: RETURNING")]
    [DataRow("SELECT * FROM t WHERE id = ?", "parameters")]
    public async Task A_statement_it_cannot_run_is_a_ValidationException_that_says_why(string statement, string expected)
    {
        using var client = Server.Local.CreateClient();
        var error = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement }));
        Assert.AreEqual("ValidationException", error.ErrorCode);
        StringAssert.Contains(error.Message, expected);
    }

    private static AttributeValue S(string value) => new(value);

    private static AttributeValue N(int value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
