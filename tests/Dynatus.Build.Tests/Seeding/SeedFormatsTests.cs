using System.Text;
using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Seeding;

[LocalServerOnly("the build sync's loopback defaults (recreate allowed, seed rows written)")]
[TestClass]
public sealed class SeedFormatsTests
{
    [TestMethod]
    public async Task Plain_JSON_and_DynamoDB_JSON_give_every_attribute_type()
    {
        var name = Names.Unique("formats");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name))
            // Plain JSON, marshalled as the SDK's document model does; "M" here is an ordinary map key, not a type.
            .WithSeed($"{name}.json", """
                [{ "id": "plain", "text": "héllo", "price": 12.50, "active": true, "gone": null,
                   "list": ["a", 1, false], "map": { "M": { "S": "looks typed" } } }]
                """)
            .WithSeed($"{name}.dynamodb.jsonl", """
                {"id": {"S": "typed"}, "n": {"N": "-1.5E3"}, "b": {"B": "AAEC/w=="}, "t": {"BOOL": false}, "z": {"NULL": true}, "m": {"M": {"k": {"N": "1"}}}, "l": {"L": [{"S": "x"}, {"BOOL": true}]}, "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["AA==", "AQ=="]}}
                """);

        var build = await consumer.BuildAsync();
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, "; seeded 2 item(s)");
        using var client = Package.Server.CreateClient();

        var plain = (await client.GetItemAsync(name, new() { ["id"] = new AttributeValue("plain") })).Item;
        Assert.AreEqual("héllo", plain["text"].S);
        // DynamoDB keeps a number's value, not its spelling: 12.50 reads back as 12.5.
        Assert.AreEqual(12.5m, decimal.Parse(plain["price"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(plain["active"].BOOL);
        Assert.IsTrue(plain["gone"].NULL);
        CollectionAssert.AreEqual(new object?[] { "a", "1", false }, plain["list"].L.Select(v => v.S ?? v.N ?? (object?)v.BOOL).ToList());
        Assert.AreEqual("looks typed", plain["map"].M["M"].M["S"].S);

        var typed = (await client.GetItemAsync(name, new() { ["id"] = new AttributeValue("typed") })).Item;
        Assert.AreEqual(-1500m, decimal.Parse(typed["n"].N, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
        CollectionAssert.AreEqual(new byte[] { 0, 1, 2, 255 }, typed["b"].B.ToArray());
        Assert.IsFalse(typed["t"].BOOL);
        Assert.IsTrue(typed["z"].NULL);
        Assert.AreEqual("1", typed["m"].M["k"].N);
        Assert.AreEqual("x", typed["l"].L[0].S);
        Assert.IsTrue(typed["l"].L[1].BOOL);
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, typed["ss"].SS);
        CollectionAssert.AreEquivalent(new[] { 1m, 2.5m }, typed["ns"].NS.Select(n => decimal.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList());
        CollectionAssert.AreEquivalent(new[] { "AA==", "AQ==" }, typed["bs"].BS.Select(b => Convert.ToBase64String(b.ToArray())).ToList());
    }

    [TestMethod]
    public async Task Ten_thousand_items_from_a_jsonl_file_are_all_written()
    {
        var name = Names.Unique("large");
        var lines = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            lines.Append("{\"id\": \"item-").Append(i).Append("\", \"n\": ").Append(i).Append(", \"text\": \"row ").Append(i).Append("\"}\n");
        }

        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name)).WithSeed($"{name}.jsonl", lines.ToString());
        var build = await consumer.BuildAsync();
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, "; seeded 10000 item(s)");

        using var client = Package.Server.CreateClient();
        Assert.HasCount(10_000, await Items.ReadAllAsync(client, name));
    }
}
