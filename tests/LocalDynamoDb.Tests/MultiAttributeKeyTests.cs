using Amazon.DynamoDBv2;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// Global secondary indexes keyed by several attributes (up to 4 HASH, then up to 4 RANGE), as AWS documents them:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html.
/// A query gives every HASH attribute with =, then RANGE attributes left to right, only the last with a range condition.
/// </summary>
[TestClass]
public sealed class MultiAttributeKeyTests
{
    // Matches by tournament and region (the partition), then round and bracket (the sort order).
    private static readonly List<Dictionary<string, AttributeValue>> Matches =
    [
        Match("m1", "WINTER", "NA", 1, "UPPER", "alice"),
        Match("m2", "WINTER", "NA", 1, "LOWER", "bob"),
        Match("m3", "WINTER", "NA", 2, "UPPER", "carol"),
        Match("m4", "WINTER", "NA", 3, "FINAL", "dave"),
        Match("m5", "WINTER", "EU", 1, "UPPER", "erin"),
        Match("m6", "SUMMER", "NA", 1, "UPPER", "frank"),
    ];

    [TestMethod]
    public async Task A_table_is_created_with_the_key_as_declared_and_described_in_that_order()
    {
        using var client = Server.Local.CreateClient();
        var table = await CreateAsync(client);

        var index = (await client.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes.Single();
        CollectionAssert.AreEqual(new[] { "tournamentId HASH", "regionId HASH", "roundNumber RANGE", "bracketSide RANGE" }, index.KeySchema.Select(k => $"{k.AttributeName} {k.KeyType}").ToList());
    }

    [TestMethod]
    public async Task A_query_gives_every_HASH_attribute_and_reads_the_partition_in_sort_key_order()
    {
        using var client = Server.Local.CreateClient();
        var table = await CreateAsync(client);

        CollectionAssert.AreEqual(new[] { "m2", "m1", "m3", "m4" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :r"));
        CollectionAssert.AreEqual(new[] { "m4", "m3", "m1", "m2" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :r", forward: false));
    }

    [TestMethod]
    public async Task RANGE_attributes_are_given_left_to_right_and_the_last_one_takes_a_range_condition()
    {
        using var client = Server.Local.CreateClient();
        var table = await CreateAsync(client);

        CollectionAssert.AreEqual(new[] { "m2", "m1" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :r AND roundNumber = :one"));
        CollectionAssert.AreEqual(new[] { "m3", "m4" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :r AND roundNumber > :one"));
        CollectionAssert.AreEqual(new[] { "m1", "m2", "m3" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :r AND roundNumber BETWEEN :one AND :two").ContinueWith(t => t.Result.Order().ToList()));
        CollectionAssert.AreEqual(new[] { "m1" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :r AND roundNumber = :one AND begins_with(bracketSide, :up)"));
        CollectionAssert.AreEqual(new[] { "m2" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :r AND roundNumber = :one AND bracketSide < :up"));
    }

    [TestMethod]
    [DataRow("tournamentId = :t", "Query condition missed key schema element: regionId", DisplayName = "a HASH attribute left out")]
    [DataRow("tournamentId = :t AND regionId > :r", "Query key condition not supported", DisplayName = "a HASH attribute with a range condition")]
    [DataRow("tournamentId = :t AND regionId = :r AND bracketSide = :up", "Query key condition not supported: the RANGE key attribute roundNumber must be given before bracketSide", DisplayName = "a RANGE attribute skipped")]
    [DataRow("tournamentId = :t AND regionId = :r AND roundNumber > :one AND bracketSide = :up", "Query key condition not supported: only the last RANGE key attribute given (bracketSide) can have a condition other than =, not roundNumber", DisplayName = "a range condition before the last")]
    public async Task A_query_that_breaks_AWS_rules_for_the_key_is_refused(string condition, string message)
    {
        using var client = Server.Local.CreateClient();
        var table = await CreateAsync(client);

        var refused = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => QueryAsync(client, table, condition));
        Assert.AreEqual(message, refused.Message);
    }

    [TestMethod]
    public async Task An_item_without_every_key_attribute_is_not_in_the_index_and_pages_continue_where_they_stopped()
    {
        using var client = Server.Local.CreateClient();
        var table = await CreateAsync(client);
        var partial = Match("m7", "WINTER", "NA", 4, "UPPER", "gina");
        partial.Remove("bracketSide");
        await client.PutItemAsync(table, partial);

        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.QueryAsync(Request(table, "tournamentId = :t AND regionId = :r", limit: 3, start: start));
            seen.AddRange(page.Items.Select(i => i["id"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        CollectionAssert.AreEqual(new[] { "m2", "m1", "m3", "m4" }, seen);
    }

    [TestMethod]
    [DataRow(new[] { "HASH", "HASH", "HASH", "HASH", "HASH" }, DisplayName = "five HASH attributes")]
    [DataRow(new[] { "HASH", "RANGE", "HASH" }, DisplayName = "a HASH attribute after a RANGE one")]
    [DataRow(new[] { "HASH", "RANGE", "RANGE", "RANGE", "RANGE", "RANGE" }, DisplayName = "five RANGE attributes")]
    public async Task A_key_AWS_does_not_allow_is_refused_at_creation_and_when_the_index_is_added(string[] keyTypes)
    {
        using var client = Server.Local.CreateClient();
        var names = keyTypes.Select((_, i) => $"a{i}").ToList();
        var keys = names.Select((name, i) => new KeySchemaElement(name, keyTypes[i])).ToList();
        var definitions = names.Select(n => new AttributeDefinition(n, ScalarAttributeType.S)).ToList();

        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => CreateAsync(client, keys, definitions));
        var table = await Tables.CreateAsync(client);
        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            AttributeDefinitions = definitions,
            GlobalSecondaryIndexUpdates = [new() { Create = new CreateGlobalSecondaryIndexAction { IndexName = "multi", KeySchema = keys, Projection = new Projection { ProjectionType = ProjectionType.ALL } } }],
        }));
    }

    [TestMethod]
    public async Task An_index_added_to_a_table_with_items_is_backfilled_and_queried_the_same_way()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await PutMatchesAsync(client, table);

        await client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            AttributeDefinitions = Definitions(),
            GlobalSecondaryIndexUpdates = [new() { Create = new CreateGlobalSecondaryIndexAction { IndexName = "bracket-index", KeySchema = KeySchema(), Projection = new Projection { ProjectionType = ProjectionType.ALL } } }],
        });
        await Tables.WaitAsync(client, table, t => t.GlobalSecondaryIndexes.Single().IndexStatus == IndexStatus.ACTIVE);

        CollectionAssert.AreEqual(new[] { "m5" }, await QueryAsync(client, table, "tournamentId = :t AND regionId = :eu"));
    }

    private static async Task<string> CreateAsync(AmazonDynamoDBClient client, List<KeySchemaElement>? keys = null, List<AttributeDefinition>? definitions = null)
    {
        var table = await Tables.CreateAsync(client, r =>
        {
            r.AttributeDefinitions.AddRange(definitions ?? Definitions());
            r.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "bracket-index", KeySchema = keys ?? KeySchema(), Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
        });
        await PutMatchesAsync(client, table);
        return table;
    }

    private static async Task PutMatchesAsync(AmazonDynamoDBClient client, string table)
    {
        foreach (var match in Matches)
        {
            await client.PutItemAsync(table, match);
        }
    }

    private static List<KeySchemaElement> KeySchema() =>
        [new("tournamentId", KeyType.HASH), new("regionId", KeyType.HASH), new("roundNumber", KeyType.RANGE), new("bracketSide", KeyType.RANGE)];

    private static List<AttributeDefinition> Definitions() =>
        [new("tournamentId", ScalarAttributeType.S), new("regionId", ScalarAttributeType.S), new("roundNumber", ScalarAttributeType.N), new("bracketSide", ScalarAttributeType.S)];

    private static async Task<List<string>> QueryAsync(AmazonDynamoDBClient client, string table, string condition, bool forward = true) =>
        (await client.QueryAsync(Request(table, condition, forward: forward))).Items.Select(i => i["id"].S).ToList();

    private static QueryRequest Request(string table, string condition, bool forward = true, int? limit = null, Dictionary<string, AttributeValue>? start = null)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":t"] = new("WINTER"),
            [":r"] = new("NA"),
            [":eu"] = new("EU"),
            [":up"] = new("UPPER"),
            [":one"] = new() { N = "1" },
            [":two"] = new() { N = "2" },
        };
        return new QueryRequest
        {
            TableName = table,
            IndexName = "bracket-index",
            KeyConditionExpression = condition,
            // Only the placeholders the condition uses: DynamoDB refuses unused ones.
            ExpressionAttributeValues = Regex.Matches(condition, @":\w+").Select(m => m.Value).Distinct().ToDictionary(name => name, name => values[name]),
            ScanIndexForward = forward,
            Limit = limit,
            ExclusiveStartKey = start,
        };
    }

    private static Dictionary<string, AttributeValue> Match(string id, string tournament, string region, int round, string bracket, string player) => new()
    {
        ["id"] = new(id),
        ["tournamentId"] = new(tournament),
        ["regionId"] = new(region),
        ["roundNumber"] = new() { N = round.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["bracketSide"] = new(bracket),
        ["player"] = new(player),
    };
}
