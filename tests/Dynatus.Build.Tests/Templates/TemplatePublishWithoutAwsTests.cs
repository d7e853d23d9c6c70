using Dynatus.Testing;

namespace Dynatus.Build.Tests.Templates;

[TestClass]
public sealed class TemplatePublishWithoutAwsTests
{
    [TestMethod]
    public async Task Publishing_a_project_whose_tables_CloudFormation_deploys_needs_no_AWS_set_up()
    {
        var template = Path.Combine(TemplateCorpus.Folder, "sam", "simple_table_with_table_name.yaml");
        var consumer = Consumer.Create(items: $"""<DynamoTable Include="{template};dynamo/*.yaml" />""");

        var publish = await consumer.RunAsync(AwsEnvironment.NothingSetUp(region: null), "publish", "-c", "Release");
        Assert.AreEqual(0, publish.ExitCode, publish.Output);
        StringAssert.Contains(publish.Output, "3 table(s) from templates left to CloudFormation, which deploys them: MySimpleTable, TableName, simple_table_with_table_nameMySimpleTable.");
        Assert.DoesNotContain("DYN206", publish.Output);

        consumer.WithTable("users.yaml", Yaml.Table(Names.Unique("users")));
        var mixed = await consumer.RunAsync(AwsEnvironment.NothingSetUp(region: null), "publish", "-c", "Release");
        Assert.AreNotEqual(0, mixed.ExitCode, "a table of its own still needs AWS");
        StringAssert.Contains(mixed.Output, "error DYN206: No AWS region is configured");
    }
}
