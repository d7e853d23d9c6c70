using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class PublishInCiTests
{
    [TestMethod]
    public async Task Publish_on_a_machine_without_a_local_DynamoDB_syncs_only_the_publish_target_unless_the_build_sync_is_asked_for()
    {
        await DefaultEndpointTests.AssertNothingListensAtTheDefaultEndpointAsync();
        var name = Names.Unique("ci");
        var consumer = Consumer.Create(properties: $"<DynatusPublishEndpoint>{Package.Server.Endpoint}</DynatusPublishEndpoint>", defaultEndpoint: true)
            .WithTable("t.yaml", Yaml.Table(name));

        var publish = await consumer.RunAsync("publish", "-c", "Release");
        Assert.AreEqual(0, publish.ExitCode, publish.Output);
        Assert.DoesNotContain("localhost:8000", publish.Output, "publishing builds, and that build must not sync the local default endpoint");
        StringAssert.Contains(publish.Output, $"warning DYN010: {name}: create");
        StringAssert.Contains(publish.Output, $"Dynatus: synced 1 table(s) against {Package.Server.Description}: 1 create");
        using var client = Package.Server.CreateClient();
        Assert.AreEqual(name, (await client.DescribeTableAsync(name)).Table.TableName);

        var asked = await consumer.RunAsync("publish", "-c", "Release", "-p:DynatusSyncOnBuild=true");
        Assert.AreEqual(0, asked.ExitCode, asked.Output);
        StringAssert.Contains(asked.Output, "warning DYN011: Dynatus: No DynamoDB answers at http://localhost:8000");
    }
}
