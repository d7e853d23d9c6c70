using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reports;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class PartialFailureTests
{
    [TestMethod]
    public async Task A_table_that_fails_part_way_says_which_changes_were_applied_and_kept()
    {
        // Relies on the local server's fault injection (DynamoDB refusing the tag call): a server of its own.
        await using var local = await LocalDynamoDb.StartAsync();
        var name = Names.Unique("partial");
        var consumer = Consumer.Create(endpoint: local.Endpoint).WithTable("t.yaml", Yaml.Table(name));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        consumer.WithTable("t.yaml", Yaml.Table(name, extra: "TableClass: STANDARD_INFREQUENT_ACCESS\nTags: [{ Key: env, Value: qa }]"));
        await local.InjectFaultAsync("TagResource", "ValidationException", message: "One or more parameter values were invalid: refused for this test");

        var result = await consumer.BuildAsync();
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, $"error DYN200: Table {name}: DynamoDB refused the request: ValidationException: One or more parameter values were invalid: refused for this test Applied before that, and kept: TableClass STANDARD_INFREQUENT_ACCESS.");
        using var client = local.CreateClient();
        Assert.AreEqual("STANDARD_INFREQUENT_ACCESS", (await client.DescribeTableAsync(name)).Table.TableClassSummary.TableClass.Value);
    }
}
