using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Seeding;

[LocalServerOnly("the build sync's loopback defaults (recreate allowed, seed rows written)")]
[TestClass]
public sealed class SeedRecreateTests
{
    [TestMethod]
    public async Task A_table_recreated_for_a_key_change_gets_its_seed_again()
    {
        var name = Names.Unique("reseed");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name)).WithSeed($"{name}.json", """[{ "id": "1", "user_id": "a" }]""");
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);

        consumer.WithTable("t.yaml", Yaml.Table(name, key: "user_id"));
        var rebuilt = await consumer.BuildAsync();
        Assert.AreEqual(0, rebuilt.ExitCode, rebuilt.Output);
        StringAssert.Contains(rebuilt.Output, $"warning DYN010: {name}: recreate");
        StringAssert.Contains(rebuilt.Output, "; seeded 1 item(s)");
        using var client = Package.Server.CreateClient();
        var item = (await client.GetItemAsync(name, new() { ["user_id"] = new AttributeValue("a") })).Item;
        Assert.AreEqual("1", item["id"].S);
    }
}
