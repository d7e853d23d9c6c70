using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Seeding;

[LocalServerOnly("the build sync's loopback defaults (recreate allowed, seed rows written)")]
[TestClass]
public sealed class SeedOnCreateTests
{
    [TestMethod]
    public async Task A_new_table_gets_its_seed_an_edited_row_is_left_alone_and_Always_puts_it_back()
    {
        var name = Names.Unique("seed");
        var consumer = Consumer.Create().WithTable("users.yaml", Yaml.Table(name))
            .WithSeed($"{name}.json", """[{ "id": "u1", "name": "Ada" }, { "id": "u2", "name": "Grace" }]""");

        var first = await consumer.BuildAsync();
        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.Contains(first.Output, $"warning DYN010: {name}: create");
        StringAssert.Contains(first.Output, "; seeded 2 item(s)");
        using var client = Package.Server.CreateClient();
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name,
            Key = new() { ["id"] = new AttributeValue("u1") },
            UpdateExpression = "SET #n = :n",
            ExpressionAttributeNames = new() { ["#n"] = "name" },
            ExpressionAttributeValues = new() { [":n"] = new AttributeValue("Ada (edited)") },
        });

        var second = await consumer.BuildAsync();
        Assert.AreEqual(0, second.ExitCode, second.Output);
        Assert.DoesNotContain("seeded", second.Output);
        Assert.AreEqual("Ada (edited)", await NameOf(client, name, "u1"));

        var always = await consumer.BuildAsync("-p:DynatusSeed=Always");
        Assert.AreEqual(0, always.ExitCode, always.Output);
        StringAssert.Contains(always.Output, $"warning DYN010: {name}: noop; seeded 2 item(s)");
        Assert.AreEqual("Ada", await NameOf(client, name, "u1"));
    }

    private static async Task<string> NameOf(Amazon.DynamoDBv2.AmazonDynamoDBClient client, string table, string id) =>
        (await client.GetItemAsync(table, new() { ["id"] = new AttributeValue(id) })).Item["name"].S;
}
