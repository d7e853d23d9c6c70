using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

[LocalServerOnly("provisioned capacity: the AWS run makes on-demand tables only")]
[TestClass]
public sealed class CreateVariantTests
{
    [TestMethod]
    [DataRow("hash", "")]
    [DataRow("hash-range", "sk")]
    [DataRow("lsi", "sk", "LocalSecondaryIndexes:\n  - IndexName: by-created\n    KeySchema:\n      - AttributeName: pk\n        KeyType: HASH\n      - AttributeName: created\n        KeyType: RANGE\n    Projection:\n      ProjectionType: KEYS_ONLY", "created")]
    [DataRow("gsi", "", "GlobalSecondaryIndexes:\n  - IndexName: by-owner\n    KeySchema:\n      - AttributeName: owner\n        KeyType: HASH\n    Projection:\n      ProjectionType: INCLUDE\n      NonKeyAttributes: [title]\n    ProvisionedThroughput:\n      ReadCapacityUnits: 1\n      WriteCapacityUnits: 1", "owner")]
    public async Task A_provisioned_table_is_created_then_noop(string kind, string rangeKey, string indexes = "", string indexAttribute = "")
    {
        var name = Names.Unique(kind);
        var range = rangeKey.Length == 0 ? string.Empty : $"  - AttributeName: {rangeKey}\n    KeyType: RANGE\n";
        var attributes = string.Concat(new[] { ("pk", true), (rangeKey, rangeKey.Length > 0), (indexAttribute, indexAttribute.Length > 0) }
            .Where(a => a.Item2).Select(a => $"  - AttributeName: {a.Item1}\n    AttributeType: S\n"));
        var yaml = $"TableName: {name}\nKeySchema:\n  - AttributeName: pk\n    KeyType: HASH\n{range}AttributeDefinitions:\n{attributes}ProvisionedThroughput:\n  ReadCapacityUnits: 2\n  WriteCapacityUnits: 3\n{indexes}\n";
        var folder = Definitions.Folder(yaml);
        using var client = Server.Local.CreateClient();

        var created = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(created.Succeeded, created.Error);
        Assert.AreEqual(TableAction.Create, created.Tables.Single().Action);
        var table = (await client.DescribeTableAsync(name)).Table;
        Assert.AreEqual(3, table.ProvisionedThroughput.WriteCapacityUnits);
        var again = await TableSync.SyncAsync(client, folder);
        Assert.AreEqual(TableAction.Noop, again.Tables.Single().Action, string.Join("; ", again.Tables.Single().Changes));
    }
}
