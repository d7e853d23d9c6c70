using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Dynatus.Testing;

/// <summary>Puts and reads back items, to prove that changes keep the data.</summary>
public static class Items
{
    public static async Task PutAsync(IAmazonDynamoDB client, string table, int count)
    {
        foreach (var batch in Enumerable.Range(0, count).Chunk(25))
        {
            await client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { [table] = batch.Select(i => new WriteRequest(new PutRequest(Item(i)))).ToList() },
            });
        }
    }

    public static Dictionary<string, AttributeValue> Item(int i) => new()
    {
        ["id"] = new AttributeValue($"item-{i:D4}"),
        ["email"] = new AttributeValue($"user{i}@example.com"),
        ["payload"] = new AttributeValue { B = new MemoryStream([.. BitConverter.GetBytes(i * 7919), 0, 255]) },
    };

    /// <summary>Every item of the table, rendered so that two reads compare byte for byte.</summary>
    public static async Task<List<string>> ReadAllAsync(IAmazonDynamoDB client, string table)
    {
        var items = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            items.AddRange(page.Items.Select(Render));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Restores <paramref name="backupArn"/> into <paramref name="table"/> and reads its items once it is ACTIVE with at
    /// least <paramref name="expected"/> of them: at once on a local server, within minutes on AWS.
    /// </summary>
    public static async Task<List<string>> RestoreAsync(IAmazonDynamoDB client, string backupArn, string table, int expected)
    {
        await client.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = backupArn, TargetTableName = table });
        var deadline = DateTime.UtcNow.AddMinutes(30);
        List<string> items = [];
        while (DateTime.UtcNow < deadline && items.Count < expected)
        {
            await Task.Delay(100);
            items = (await client.DescribeTableAsync(table)).Table.TableStatus == TableStatus.ACTIVE ? await ReadAllAsync(client, table) : [];
        }

        return items;
    }

    private static string Render(Dictionary<string, AttributeValue> item) => string.Join(";", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        $"{p.Key}={p.Value.S}{p.Value.N}{(p.Value.B is null ? string.Empty : Convert.ToHexString(p.Value.B.ToArray()))}"));
}
