using Dynatus.Testing;

namespace Dynatus.Build.Tests.Templates;

[TestClass]
public sealed class TemplateMetadataTests
{
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
}
