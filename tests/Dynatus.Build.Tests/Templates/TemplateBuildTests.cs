using Dynatus.Testing;

namespace Dynatus.Build.Tests.Templates;

[LocalServerOnly("the template corpus declares provisioned tables; the AWS run makes on-demand tables only")]
[TestClass]
public sealed class TemplateBuildTests
{
    [TestMethod]
    public async Task A_build_mirrors_every_template_table_the_next_is_all_noop_and_publish_leaves_them_to_CloudFormation()
    {
        var prefix = Names.Unique("tpl") + "-";
        var items = string.Join(Environment.NewLine, TemplateCorpus.Items.Select(t =>
            $"""<DynamoTable Include="{Path.Combine(TemplateCorpus.Folder, t.File)}" TablePrefix="{t.TablePrefix}" Parameters="{t.Parameters}" />"""));
        var consumer = Consumer.Create(
            properties: $"<DynatusTablePrefix>{prefix}</DynatusTablePrefix><DynatusPublishEndpoint>{Package.Server.Endpoint}</DynatusPublishEndpoint>",
            items: items,
            targets: """
                <Target Name="WriteTableNames" AfterTargets="DynatusSync">
                  <WriteLinesToFile File="tables.env" Lines="@(DynatusAction->'%(LogicalId)=%(Identity)')" Overwrite="true" />
                </Target>
                """);

        var first = await consumer.BuildAsync();
        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.Contains(first.Output, ": 19 create");
        StringAssert.Matches(first.Output, new System.Text.RegularExpressions.Regex(@"aws-cdk-dynamodb-sse\.template\.json\(60,24\): warning DYN122: The KMS key"));
        StringAssert.Matches(first.Output, new System.Text.RegularExpressions.Regex(@"aws-cdk-global-table-ondemand\.template\.json\(153,7\): warning DYN121: KinesisStreamSpecification is not synced"));
        var names = File.ReadAllLines(Path.Combine(consumer.Folder, "tables.env"));
        CollectionAssert.Contains(names, $"Orders={prefix}stages-prod-orders");
        CollectionAssert.Contains(names, $"TableCD117FA1={prefix}sse-TableCD117FA1");
        using var client = Package.Server.CreateClient();
        var orders = (await client.DescribeTableAsync($"{prefix}stages-prod-orders")).Table;
        Assert.AreEqual(5, orders.ProvisionedThroughput.ReadCapacityUnits);
        Assert.IsTrue(orders.DeletionProtectionEnabled);
        using var europe = Package.Server.CreateClient(region: "eu-west-1");
        Assert.AreEqual("us-east-1", (await europe.DescribeTableAsync($"{prefix}GlobalTable89F068B2")).Table.Replicas.Single().RegionName, "the on-demand global table's other replica");
        using var oregon = Package.Server.CreateClient(region: "us-west-2");
        Assert.AreEqual("us-east-1", (await oregon.DescribeTableAsync($"{prefix}my-global-table")).Table.Replicas.Single(r => r.RegionName == "us-east-1").RegionName, "the provisioned global table's other replica, its writes auto scaled first");

        var second = await consumer.BuildAsync();
        Assert.AreEqual(0, second.ExitCode, second.Output);
        StringAssert.Contains(second.Output, ": 19 noop");

        await client.DeleteTableAsync($"{prefix}MinimalTable");
        var publish = await consumer.RunAsync("publish", "-c", "Release");
        Assert.AreEqual(0, publish.ExitCode, publish.Output);
        StringAssert.Contains(publish.Output, "19 table(s) from templates left to CloudFormation, which deploys them");
        StringAssert.Matches(publish.Output, new System.Text.RegularExpressions.Regex(@"synced 0 table\(s\) against \S+: every declared table is left to CloudFormation \("));
        var tables = await client.ListTablesAsync();
        CollectionAssert.DoesNotContain(tables.TableNames, $"{prefix}MinimalTable", "the publish sync creates no template table");
    }
}
