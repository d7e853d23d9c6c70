using Dynatus.Testing;

namespace Dynatus.Build.Tests.Templates;

[TestClass]
public sealed class TemplateMetadataTests
{
    [LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
    [TestMethod]
    public async Task Metadata_a_template_item_cannot_use_is_an_error_naming_the_item_and_nothing_is_synced()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        var template = Path.Combine(TemplateCorpus.Folder, "sam", "globals_for_simpletable.yaml");
        var consumer = Consumer.Create(endpoint: local.Endpoint, items: $"""<DynamoTable Include="{template}" SyncOnPublish="yes" Parameters="Stage;Suffix=x" />""");

        var build = await consumer.BuildAsync();
        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.Output, $"error DYN006: The DynamoTable item '{template}' has SyncOnPublish=\"yes\": use true or false.");
        StringAssert.Contains(build.Output, $"error DYN006: The DynamoTable item '{template}' has Parameters entry 'Stage': write Name=value, entries separated by ';'.");
        Assert.IsEmpty(await local.RequestCountsAsync());
    }

    [LocalServerOnly("a table named after, and made in, a region other than the run's")]
    [TestMethod]
    public async Task A_template_reads_AWS_Region_as_the_AWS_chain_gives_it_when_no_DynatusRegion_is_set()
    {
        var suffix = Names.Unique("rgn");
        var consumer = Consumer.Create(items: """<DynamoTable Include="stack.yaml" />""");
        File.WriteAllText(Path.Combine(consumer.Folder, "stack.yaml"), $$"""
            Resources:
              Regional:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  TableName: !Sub "${AWS::Region}-{{suffix}}"
            """);

        var build = await consumer.RunAsync(new Dictionary<string, string?> { ["AWS_REGION"] = "eu-west-3" }, "build");
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, $"eu-west-3-{suffix}: create");
    }
}
