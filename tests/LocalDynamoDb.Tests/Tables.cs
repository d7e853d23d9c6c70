using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

internal static class Tables
{
    public static async Task<string> CreateAsync(IAmazonDynamoDB client, Action<CreateTableRequest>? configure = null)
    {
        var request = new CreateTableRequest
        {
            TableName = Names.Unique("conf"),
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        };
        configure?.Invoke(request);
        await client.CreateTableAsync(request);
        await WaitAsync(client, request.TableName, t => t.TableStatus == TableStatus.ACTIVE);
        return request.TableName;
    }

    public static async Task<TableDescription> WaitAsync(IAmazonDynamoDB client, string name, Func<TableDescription, bool> until)
    {
        // Generous: the machine is shared, and several servers and test runs share its two cores.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var table = (await client.DescribeTableAsync(name)).Table;
            if (until(table))
            {
                return table;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"{name} did not reach the expected state");
    }

    public static UpdateTableRequest AddIndex(string table, string index, string attribute) => new()
    {
        TableName = table,
        AttributeDefinitions = [new AttributeDefinition(attribute, ScalarAttributeType.S)],
        GlobalSecondaryIndexUpdates = [new() { Create = new CreateGlobalSecondaryIndexAction { IndexName = index, KeySchema = [new KeySchemaElement(attribute, KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } } }],
    };

    /// <summary>The item keyed <c>id</c> = <paramref name="id"/>, read strongly consistent; null when there is none.</summary>
    public static async Task<Dictionary<string, AttributeValue>?> ItemAsync(AmazonDynamoDBClient client, string table, string id)
    {
        var item = (await client.GetItemAsync(new GetItemRequest(table, new() { ["id"] = new AttributeValue(id) }) { ConsistentRead = true })).Item;
        return item is { Count: > 0 } ? item : null;
    }

    /// <summary>Asserts that UpdateTable refuses <paramref name="request"/> with a ValidationException saying <paramref name="message"/>.</summary>
    public static async Task RefusedAsync(AmazonDynamoDBClient client, UpdateTableRequest request, string message)
    {
        var refused = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(request));
        Assert.AreEqual("ValidationException", refused.ErrorCode);
        StringAssert.Contains(refused.Message, message);
    }
}
