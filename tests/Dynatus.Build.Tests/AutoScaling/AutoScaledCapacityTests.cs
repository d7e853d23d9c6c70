using Amazon.DynamoDBv2.Model;
using Dynatus.Engine;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.AutoScaling;

/// <summary>
/// A provisioned table whose capacity auto scaling moved (an UpdateTable made here: no policy acts on a local server),
/// with its scalable targets registered at a second local server named by DynatusAutoScalingEndpoint.
/// </summary>
[TestClass]
public sealed class AutoScaledCapacityTests
{
    [LocalServerOnly("a second local server answering Application Auto Scaling, and a provisioned table")]
    [TestMethod]
    public async Task A_capacity_moved_by_auto_scaling_within_bounds_is_no_drift_and_the_plan_says_why()
    {
        await using var autoScaling = await LocalDynamoDb.StartAsync();
        var name = Names.Unique("scaled");
        var yaml = Yaml.Table(name).Replace("BillingMode: PAY_PER_REQUEST", "ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }", StringComparison.Ordinal);
        var consumer = Consumer.Create().WithTable("t.yaml", yaml);
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        using (var other = autoScaling.CreateClient())
        {
            // Application Auto Scaling registers targets only for tables that exist where it is asked.
            Assert.IsTrue((await TableSync.SyncFilesAsync(other, [Path.Combine(consumer.Folder, "dynamo", "t.yaml")])).Succeeded);
        }

        await ScalableTargets.RegisterAsync(autoScaling.Endpoint, $"table/{name}", read: true, 1, 100);
        await ScalableTargets.RegisterAsync(autoScaling.Endpoint, $"table/{name}", read: false, 1, 100);
        using var client = Package.Server.CreateClient();
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = name, ProvisionedThroughput = new ProvisionedThroughput(30, 30) });
        Assert.IsTrue(await TableSync.WaitForTableActiveAsync(client, name, TimeSpan.FromSeconds(30)));

        var plan = await consumer.BuildAsync("-t:DynatusPlan", "-p:DynatusFailOnChanges=true", $"-p:DynatusAutoScalingEndpoint={autoScaling.Endpoint}");
        Assert.AreEqual(0, plan.ExitCode, plan.Output);
        StringAssert.Contains(plan.Output, $"Dynatus: {name}: ProvisionedThroughput read 30: managed by auto scaling (1-100); the definition's 5 is left to it");
        StringAssert.Contains(plan.Output, $"Dynatus: {name}: ProvisionedThroughput write 30: managed by auto scaling (1-100); the definition's 5 is left to it");

        // Asked at the DynamoDB endpoint instead, which has no target for the table, the same capacity is drift.
        var drift = await consumer.BuildAsync("-t:DynatusPlan");
        StringAssert.Contains(drift.Output, $"warning DYN012: {name}: would update: ProvisionedThroughput: 30 read / 30 write -> 5 read / 5 write");
    }

    [TestMethod]
    public async Task A_DynatusAutoScalingEndpoint_that_is_not_a_URL_is_refused_before_anything_is_sent()
    {
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(Names.Unique("scaled")));

        var result = await consumer.BuildAsync("-p:DynatusAutoScalingEndpoint=localhost:8001");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DYN002: The Application Auto Scaling endpoint 'localhost:8001' (DynatusAutoScalingEndpoint) is not an http:// or https:// URL.");
    }
}
