using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests;

[TestClass]
public sealed class PublishAndPlanTests
{
    [TestMethod]
    public async Task Publish_in_Release_syncs_through_the_publish_hook()
    {
        var name = Names.Unique("pub");
        var consumer = Consumer.Create(properties: $"<DynatusSyncOnBuild>false</DynatusSyncOnBuild><DynatusPublishEndpoint>{Package.Server.Endpoint}</DynatusPublishEndpoint>")
            .WithTable("t.yaml", Yaml.Table(name));

        var result = await consumer.RunAsync("publish");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, $"warning DYN010: {name}: create");
        using var client = Package.Server.CreateClient();
        Assert.AreEqual(name, (await client.DescribeTableAsync(name)).Table.TableName);
    }

    [LocalServerOnly("the build sync's loopback defaults (recreate allowed, seed rows written)")]
    [TestMethod]
    public async Task A_key_change_is_recreated_on_build_against_loopback_but_refused_by_publish_without_permission()
    {
        var (built, published) = (Names.Unique("keyb"), Names.Unique("keyp"));
        var consumer = Consumer.Create(properties: $"<DynatusPublishEndpoint>{Package.Server.Endpoint}</DynatusPublishEndpoint>")
            .WithTable("b.yaml", Yaml.Table(built)).WithTable("p.yaml", Yaml.Table(published));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);

        consumer.WithTable("b.yaml", Yaml.Table(built, key: "user_id")).WithTable("p.yaml", Yaml.Table(published, key: "user_id"));
        var publish = await consumer.RunAsync("publish", "-p:DynatusSyncOnBuild=false");
        Assert.AreNotEqual(0, publish.ExitCode);
        StringAssert.Contains(publish.Output, $"error DYN202: Table {published} must be recreated because its key schema changed");
        using var client = Package.Server.CreateClient();
        Assert.AreEqual("id", (await client.DescribeTableAsync(published)).Table.KeySchema.Single().AttributeName);

        consumer.WithTable("p.yaml", Yaml.Table(published));
        var build = await consumer.BuildAsync();
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, $"warning DYN010: {built}: recreate");
        Assert.AreEqual("user_id", (await client.DescribeTableAsync(built)).Table.KeySchema.Single().AttributeName);
    }

    [TestMethod]
    public async Task The_plan_target_changes_nothing_and_fails_on_pending_changes_when_asked()
    {
        var name = Names.Unique("plan");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name));

        var plan = await consumer.BuildAsync("-t:DynatusPlan");
        Assert.AreEqual(0, plan.ExitCode, plan.Output);
        StringAssert.Contains(plan.Output, $"warning DYN012: {name}: would create");
        using var client = Package.Server.CreateClient();
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.DescribeTableAsync(name));

        var drift = await consumer.BuildAsync("-t:DynatusPlan", "-p:DynatusFailOnChanges=true");
        Assert.AreNotEqual(0, drift.ExitCode);
        StringAssert.Contains(drift.Output, $"error DYN004: 1 table(s) differ from their definitions: {name}");

        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        var clean = await consumer.BuildAsync("-t:DynatusPlan", "-p:DynatusFailOnChanges=true");
        Assert.AreEqual(0, clean.ExitCode, clean.Output);
    }
}
