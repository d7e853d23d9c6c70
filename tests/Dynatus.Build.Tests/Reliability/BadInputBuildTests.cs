using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reliability;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class BadInputBuildTests
{
    [TestMethod]
    public async Task Every_bad_file_fails_the_build_at_its_line_and_column_and_nothing_reaches_DynamoDB()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        // JSON templates are listed as they would be in a project; the default items are the YAML files.
        var consumer = Consumer.Create(endpoint: local.Endpoint, items: """<DynamoTable Include="dynamo/*.yaml;dynamo/*.json" />""");
        var dynamo = Path.Combine(consumer.Folder, "dynamo");
        BadInputCorpus.CopyTo(dynamo);

        var result = await consumer.BuildAsync();
        Assert.AreNotEqual(0, result.ExitCode);
        foreach (var (file, code, line, column) in BadInputCorpus.Expected)
        {
            StringAssert.Contains(result.Output, $"{Path.Combine(dynamo, file)}({line},{column}): error {code}:");
        }

        StringAssert.Contains(result.Output, "Dynatus: nothing was sent to DynamoDB");
        Assert.IsEmpty(await local.RequestCountsAsync());

        // Advice in MSBuild's words: the tool's options would mean nothing here.
        StringAssert.Contains(result.Output, "Give it one: Parameters metadata on the template's DynamoTable item (Parameters=\"Stage=value\"), or a DynatusVariable item named Stage.");
        StringAssert.Contains(result.Output, "Give one template item TablePrefix metadata (for example <DynamoTable Include=\"...\" TablePrefix=\"orders-\" />), or a TableName.");
    }
}
