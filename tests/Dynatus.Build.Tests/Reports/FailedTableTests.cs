using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reports;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class FailedTableTests
{
    [TestMethod]
    public async Task A_failed_table_is_an_error_at_its_YAML_line_and_the_summary_counts_it_as_failed()
    {
        // Relies on the local server's fault injection (DynamoDB refusing one request): a server of its own.
        await using var local = await LocalDynamoDb.StartAsync();
        var (kept, refused) = (Names.Unique("kept"), Names.Unique("refused"));
        var consumer = Consumer.Create(endpoint: local.Endpoint)
            .WithTable("kept.yaml", Yaml.Table(kept)).WithTable("refused.yaml", Yaml.Table(refused));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        consumer.WithTable("refused.yaml", Yaml.Table(refused, extra: "TableClass: STANDARD_INFREQUENT_ACCESS"));
        await local.InjectFaultAsync("UpdateTable", "ValidationException", message: "One or more parameter values were invalid: refused for this test");

        var result = await consumer.BuildAsync();
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, $"{Path.Combine(consumer.Folder, "dynamo", "refused.yaml")}(1,12): error DYN200: Table {refused}: DynamoDB refused the request: ValidationException: One or more parameter values were invalid: refused for this test");
        StringAssert.Contains(result.Output, $"Dynatus: synced 1 of 2 table(s) against {local.Endpoint}: 1 noop, 1 failed");
    }
}
