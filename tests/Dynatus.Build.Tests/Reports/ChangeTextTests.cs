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

    [LocalServerOnly("provisioned capacity: the AWS run makes on-demand tables only")]
    [TestMethod]
    public async Task Every_kind_of_change_is_named_with_its_old_and_new_value_and_a_create_with_every_setting()
    {
        var name = Names.Unique("kinds");
        string Table(string settings) => $$"""
            TableName: {{name}}
            KeySchema: [{ AttributeName: id, KeyType: HASH }]
            AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
            {{settings}}
            """;
        const string before = "ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }";
        var consumer = Consumer.Create().WithTable("t.yaml", Table(before));
        var created = await consumer.BuildAsync("-t:DynatusPlan");
        StringAssert.Contains(created.Output, $"warning DYN012: {name}: would create: KeySchema [id HASH]; PROVISIONED; ProvisionedThroughput 5 read / 5 write");
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);

        consumer.WithTable("t.yaml", Table("""
            ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }
            StreamSpecification: { StreamEnabled: true, StreamViewType: KEYS_ONLY }
            TableClass: STANDARD_INFREQUENT_ACCESS
            DeletionProtectionEnabled: true
            TimeToLiveSpecification: { AttributeName: expires_at, Enabled: true }
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 }
            """));
        var plan = await consumer.BuildAsync("-t:DynatusPlan");
        StringAssert.Contains(plan.Output, $"warning DYN012: {name}: would update: ProvisionedThroughput: 5 read / 5 write -> 10 read / 5 write; " +
            "DeletionProtectionEnabled: off -> on; StreamSpecification: disabled -> KEYS_ONLY; TableClass: STANDARD -> STANDARD_INFREQUENT_ACCESS; " +
            "TimeToLive: off -> on expires_at; PointInTimeRecovery: off -> on (7 days)");
    }
}
