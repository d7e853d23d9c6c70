using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Seeding;

/// <summary>A row edited or added in a seed file reaches the existing table on the next build; rows the file did not change are never put.</summary>
[LocalServerOnly("the build sync's loopback defaults (seed rows written)")]
[TestClass]
public sealed class SeedFileEditTests
{
    [TestMethod]
    public async Task The_next_build_puts_the_rows_the_seed_file_changed_says_so_in_the_terminal_and_leaves_the_others_alone()
    {
        var name = Names.Unique("seedit");
        var consumer = Consumer.Create().WithTable("users.yaml", Yaml.Table(name))
            .WithSeed($"{name}.json", """[{ "id": "u1", "name": "Ada" }, { "id": "u2", "name": "Grace" }]""");
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        using var client = Package.Server.CreateClient();
        await client.PutItemAsync(name, new() { ["id"] = new AttributeValue("u1"), ["name"] = new AttributeValue("Ada (edited in the table)") });

        consumer.WithSeed($"{name}.json", """
            [{ "id": "u1", "name": "Ada" },
             { "id": "u2", "name": "Grace Hopper" },
             { "id": "u3", "name": "Barbara" }]
            """);
        var edited = await consumer.RunInTerminalAsync("build");

        Assert.AreEqual(0, edited.ExitCode, edited.Output);
        StringAssert.Contains(BuildOutput.Screen(edited.Output), $"warning DYN010: {name}: noop; seeded 2 item(s)");
        Assert.AreEqual("Grace Hopper", await NameOf(client, name, "u2"));
        Assert.AreEqual("Barbara", await NameOf(client, name, "u3"));
        Assert.AreEqual("Ada (edited in the table)", await NameOf(client, name, "u1"), "a row the file did not change is never put");

        var verbose = await consumer.BuildAsync();
        Assert.AreEqual(0, verbose.ExitCode, verbose.Output);
        Assert.DoesNotContain("seeded", verbose.Output, "nothing changed in the file since");

        consumer.WithSeed($"{name}.json", """
            [{ "id": "u1", "name": "Ada" },
             { "id": "u2", "name": "Grace" },
             { "id": "u3", "name": "Barbara" }]
            """);
        var named = await consumer.BuildAsync();
        StringAssert.Contains(named.Output, $"Dynatus: {name}: put 1 seed row(s) changed in the seed files since the last sync: {name}.json(2)");
    }

    private static async Task<string> NameOf(Amazon.DynamoDBv2.AmazonDynamoDBClient client, string table, string id) =>
        (await client.GetItemAsync(table, new() { ["id"] = new AttributeValue(id) })).Item["name"].S;
}
