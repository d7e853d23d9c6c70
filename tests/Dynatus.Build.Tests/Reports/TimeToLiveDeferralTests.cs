using System.Text.RegularExpressions;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reports;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class TimeToLiveDeferralTests
{
    [TestMethod]
    public async Task A_TTL_rename_takes_two_green_builds_an_hour_apart_with_the_deferred_half_said_and_still_planned()
    {
        // Relies on the local server's clock control (AWS's hour cannot be waited out in a test): a server of its own.
        await using var local = await LocalDynamoDb.StartAsync();
        var name = Names.Unique("ttl");
        var consumer = Consumer.Create(endpoint: local.Endpoint)
            .WithTable("t.yaml", Yaml.Table(name, extra: "TimeToLiveSpecification: { AttributeName: expires_at, Enabled: true }"));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        await local.AdvanceClockAsync(TimeSpan.FromMinutes(61));

        consumer.WithTable("t.yaml", Yaml.Table(name, extra: "TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }"));
        var renamed = await consumer.BuildAsync();
        Assert.AreEqual(0, renamed.ExitCode, renamed.Output);
        var yaml = Path.Combine(consumer.Folder, "dynamo", "t.yaml");
        StringAssert.Matches(renamed.Output, new Regex(Regex.Escape($"{yaml}(1,12): warning DYN013: {name}: deferred: enable TTL on ttl: AWS allows one TTL change a table an hour; a sync from ") + @"\d{4}-\d\d-\d\d \d\d:\d\d UTC at the latest applies it"));
        Assert.DoesNotContain("another sync may be changing this table", renamed.Output, "AWS's limit is no race");
        using var client = local.CreateClient();
        Assert.AreEqual("DISABLED", (await client.DescribeTimeToLiveAsync(name)).TimeToLiveDescription.TimeToLiveStatus.Value);

        var drift = await consumer.BuildAsync("-t:DynatusPlan", "-p:DynatusFailOnChanges=true");
        StringAssert.Contains(drift.Output, $"error DYN004: 1 table(s) differ from their definitions: {name}");

        await local.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        var done = await consumer.BuildAsync();
        Assert.AreEqual(0, done.ExitCode, done.Output);
        Assert.DoesNotContain("DYN013", done.Output);
        var ttl = (await client.DescribeTimeToLiveAsync(name)).TimeToLiveDescription;
        Assert.AreEqual(("ENABLED", "ttl"), (ttl.TimeToLiveStatus.Value, ttl.AttributeName));
    }

    [TestMethod]
    public async Task A_TTL_rename_within_the_hour_defers_both_halves_and_applies_the_tables_other_changes()
    {
        // The rename's disable meets AWS's hour; the enable needs it, so it waits too instead of failing the build.
        await using var local = await LocalDynamoDb.StartAsync();
        var name = Names.Unique("ttlh");
        var consumer = Consumer.Create(endpoint: local.Endpoint)
            .WithTable("t.yaml", Yaml.Table(name, extra: "TimeToLiveSpecification: { AttributeName: expires, Enabled: true }"));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);

        consumer.WithTable("t.yaml", Yaml.Table(name, extra: """
            TimeToLiveSpecification: { AttributeName: expires_at, Enabled: true }
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
            Tags: [{ Key: team, Value: orders }]
            """));
        var renamed = await consumer.BuildAsync();

        Assert.AreEqual(0, renamed.ExitCode, renamed.Output);
        Assert.DoesNotContain("DYN200", renamed.Output);
        StringAssert.Contains(renamed.Output, $"warning DYN013: {name}: deferred: disable TTL on expires: AWS allows one TTL change a table an hour");
        StringAssert.Contains(renamed.Output, $"warning DYN013: {name}: deferred: enable TTL on expires_at: waits for the TTL change before it");
        using var client = local.CreateClient();
        var table = (await client.DescribeTableAsync(name)).Table;
        Assert.AreEqual("ENABLED", (await client.DescribeContinuousBackupsAsync(new() { TableName = name })).ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus.Value);
        Assert.AreEqual("orders", (await client.ListTagsOfResourceAsync(new() { ResourceArn = table.TableArn })).Tags.Single(t => t.Key == "team").Value);
        var ttl = (await client.DescribeTimeToLiveAsync(name)).TimeToLiveDescription;
        Assert.AreEqual(("ENABLED", "expires"), (ttl.TimeToLiveStatus.Value, ttl.AttributeName));

        await local.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        await local.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        var done = await consumer.BuildAsync();
        Assert.AreEqual(0, done.ExitCode, done.Output);
        ttl = (await client.DescribeTimeToLiveAsync(name)).TimeToLiveDescription;
        Assert.AreEqual(("ENABLED", "expires_at"), (ttl.TimeToLiveStatus.Value, ttl.AttributeName));
    }
}
