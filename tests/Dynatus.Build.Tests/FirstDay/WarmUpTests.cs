using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class WarmUpTests
{
    [TestMethod]
    [LocalServerOnly("its own local server's request counts")]
    public async Task The_warm_up_at_the_start_of_a_build_sends_nothing_to_DynamoDB()
    {
        await using var local = await LocalDynamoDb.StartAsync();

        // The sync hooked after a target that never runs: only the warm-up, before the build's targets, is left.
        var consumer = Consumer.Create(endpoint: local.Endpoint, properties: "<DynatusSyncAfterTargets>NeverRuns</DynatusSyncAfterTargets>")
            .WithTable("t.yaml", Yaml.Table(Names.Unique("warm")));
        var build = await consumer.BuildAsync("-v:d");

        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, "Task \"DynatusWarmUp\"");
        Assert.DoesNotContain("Task \"DynatusSync\"", build.Output);
        Assert.IsEmpty(await local.RequestCountsAsync());
    }
}
