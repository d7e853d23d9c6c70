using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests;

[TestClass]
public sealed class BuildSyncTests
{
    [TestMethod]
    public async Task Build_creates_the_declared_tables_and_the_next_build_reports_noop()
    {
        var (users, orders) = (Names.Unique("users"), Names.Unique("orders"));
        var consumer = Consumer.Create().WithTable("users.yaml", Yaml.Table(users)).WithTable("orders.yml", Yaml.Table(orders));

        var first = await consumer.BuildAsync();
        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.Contains(first.Output, $"users.yaml(1,12): warning DYN010: {users}: create");
        StringAssert.Contains(first.Output, $"warning DYN010: {orders}: create");
        StringAssert.Contains(first.Output, "Dynatus: synced 2 table(s) against " + Package.Server.Description + ": 2 create");
        using var client = Package.Server.CreateClient();
        Assert.AreEqual("ACTIVE", (await client.DescribeTableAsync(users)).Table.TableStatus.Value);

        var second = await consumer.BuildAsync();
        Assert.AreEqual(0, second.ExitCode, second.Output);
        Assert.DoesNotContain("DYN010", second.Output);
        StringAssert.Contains(second.Output, $"Dynatus: {users}: noop");
        StringAssert.Contains(second.Output, ": 2 noop");
    }

    // Relies on the local server's online GSI creation; dynalite alone accepts it and ignores it.
    [TestMethod]
    public async Task A_GSI_added_to_the_YAML_is_created_in_place_on_the_next_build_keeping_the_items()
    {
        var name = Names.Unique("gsi");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        using var client = Package.Server.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            await client.PutItemAsync(name, new() { ["id"] = new AttributeValue($"i{i}"), ["email"] = new AttributeValue($"u{i}@example.com") });
        }

        consumer.WithTable("t.yaml", Yaml.Table(name, extra: "GlobalSecondaryIndexes:\n  - IndexName: email-index\n    KeySchema:\n      - AttributeName: email\n        KeyType: HASH\n    Projection:\n      ProjectionType: ALL")
            .Replace("AttributeType: S\n", "AttributeType: S\n  - AttributeName: email\n    AttributeType: S\n", StringComparison.Ordinal));
        var update = await consumer.BuildAsync();
        Assert.AreEqual(0, update.ExitCode, update.Output);
        StringAssert.Contains(update.Output, $"warning DYN010: {name}: update: GSI email-index: create");
        Assert.AreEqual(20, (await client.ScanAsync(new ScanRequest(name))).Count);
        Assert.AreEqual("ACTIVE", (await client.DescribeTableAsync(name)).Table.GlobalSecondaryIndexes.Single().IndexStatus.Value);
    }

    [TestMethod]
    public async Task Prefix_and_variables_give_the_expected_table_names()
    {
        var stage = Names.Unique("stage");
        var prefix = TestTarget.Prefix + "dev-"; // an AWS run's tables all start with the run's prefix
        var consumer = Consumer.Create(properties: $"<DynatusTablePrefix>{prefix}</DynatusTablePrefix>", items: $"<DynatusVariable Include=\"Stage\" Value=\"{stage}\" />")
            .WithTable("t.yaml", Yaml.Table("${Stage}-users"));
        var result = await consumer.BuildAsync();
        Assert.AreEqual(0, result.ExitCode, result.Output);
        using var client = Package.Server.CreateClient();
        Assert.AreEqual($"{prefix}{stage}-users", (await client.DescribeTableAsync($"{prefix}{stage}-users")).Table.TableName);
    }

    [LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
    [TestMethod]
    public async Task An_invalid_YAML_fails_the_build_at_its_line_and_column_and_creates_nothing()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        var valid = Names.Unique("valid");
        var consumer = Consumer.Create(endpoint: local.Endpoint)
            .WithTable("a.yaml", Yaml.Table(valid))
            .WithTable("b.yaml", Yaml.Table(Names.Unique("bad")).Replace("BillingMode", "BilingMode", StringComparison.Ordinal));

        var result = await consumer.BuildAsync();
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, Path.Combine(consumer.Folder, "dynamo", "b.yaml") + "(8,1): error DYN101: Unknown field 'BilingMode' in the table definition. Did you mean 'BillingMode'?");
        Assert.IsEmpty(await local.RequestCountsAsync(), "nothing may reach DynamoDB when a definition is invalid");
    }

    [TestMethod]
    public async Task Nothing_runs_when_disabled_or_in_a_design_time_build()
    {
        var name = Names.Unique("off");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name));
        Assert.AreEqual(0, (await consumer.BuildAsync("-p:DynatusEnabled=false")).ExitCode);
        Assert.AreEqual(0, (await consumer.BuildAsync("-p:DesignTimeBuild=true")).ExitCode);
        using var client = Package.Server.CreateClient();
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.DescribeTableAsync(name));
    }
}
