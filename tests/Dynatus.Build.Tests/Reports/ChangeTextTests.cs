using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reports;

[TestClass]
public sealed class ChangeTextTests
{
    [TestMethod]
    public async Task The_plan_the_warning_and_the_Changes_metadata_say_the_same_property_level_change()
    {
        var name = Names.Unique("text");
        const string index = "GlobalSecondaryIndexes: [{ IndexName: by-status, KeySchema: [{ AttributeName: status, KeyType: HASH }], Projection: { ProjectionType: KEYS_ONLY } }]";
        const string attributes = "AttributeDefinitions: [{ AttributeName: id, AttributeType: S }, { AttributeName: status, AttributeType: S }]";
        string Table(string projection, string tags) => $$"""
            TableName: {{name}}
            KeySchema: [{ AttributeName: id, KeyType: HASH }]
            {{attributes}}
            BillingMode: PAY_PER_REQUEST
            {{index.Replace("{ ProjectionType: KEYS_ONLY }", projection, StringComparison.Ordinal)}}
            Tags: {{tags}}
            """;
        var consumer = Consumer.Create(targets: """
            <Target Name="ShowChanges" AfterTargets="DynatusSync">
              <Message Importance="high" Text="Changes metadata: %(DynatusAction.Changes)" Condition="'@(DynatusAction)' != ''" />
            </Target>
            """).WithTable("t.yaml", Table("{ ProjectionType: KEYS_ONLY }", "[{ Key: team, Value: core }]"));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        consumer.WithTable("t.yaml", Table("{ ProjectionType: INCLUDE, NonKeyAttributes: [version] }", "[{ Key: env, Value: qa }]"));
        const string expected = "GSI by-status Projection: KEYS_ONLY -> INCLUDE [version]: delete, then create again (the table's items stay); Tags: +env=qa -team";

        var plan = await consumer.BuildAsync("-t:DynatusPlan");
        StringAssert.Contains(plan.Output, $"warning DYN012: {name}: would update: {expected}");

        var build = await consumer.BuildAsync();
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, $"warning DYN010: {name}: update: {expected}");
        StringAssert.Contains(build.Output, $"Changes metadata: {expected}");
    }
}
