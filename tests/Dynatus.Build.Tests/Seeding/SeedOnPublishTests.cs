using Dynatus.Testing;

namespace Dynatus.Build.Tests.Seeding;

[TestClass]
public sealed class SeedOnPublishTests
{
    [TestMethod]
    public async Task Publish_writes_no_item_unless_asked_and_then_only_into_the_tables_it_creates()
    {
        var (plain, asked) = (Names.Unique("pubseed"), Names.Unique("pubseed"));
        var consumer = Consumer.Create(properties: $"<DynatusPublishEndpoint>{Package.Server.Endpoint}</DynatusPublishEndpoint>")
            .WithTable("t.yaml", Yaml.Table(plain)).WithSeed($"{plain}.json", """[{ "id": "1" }]""");

        var publish = await consumer.RunAsync("publish", "-c", "Release", "-p:DynatusSeed=Always");
        Assert.AreEqual(0, publish.ExitCode, publish.Output);
        StringAssert.Contains(publish.Output, $"warning DYN010: {plain}: create");
        using var client = Package.Server.CreateClient();
        Assert.IsEmpty(await Items.ReadAllAsync(client, plain));

        consumer.WithTable("u.yaml", Yaml.Table(asked)).WithSeed($"{asked}.json", """[{ "id": "1" }]""");
        var optedIn = await consumer.RunAsync("publish", "-c", "Release", "-p:DynatusSeedOnPublish=true", "-p:DynatusSeed=Always");
        Assert.AreEqual(0, optedIn.ExitCode, optedIn.Output);
        StringAssert.Matches(optedIn.Output, new System.Text.RegularExpressions.Regex($"warning DYN010: {asked}: create: .*; seeded 1 item\\(s\\)"));
        Assert.HasCount(1, await Items.ReadAllAsync(client, asked));
        Assert.IsEmpty(await Items.ReadAllAsync(client, plain), "the publish sync seeds only the tables it creates, even with DynatusSeed=Always");
    }
}
