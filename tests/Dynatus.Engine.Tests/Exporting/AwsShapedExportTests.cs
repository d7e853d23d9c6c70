using Dynatus.Engine.Exporting;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Tests.Planning;

namespace Dynatus.Engine.Tests.Exporting;

/// <summary>The export of tables as AWS describes them (AwsShapes: default warm throughput, -1 limits, aws: tags), planned back.</summary>
[TestClass]
public sealed class AwsShapedExportTests
{
    public static IEnumerable<object[]> Definitions() =>
    [
        [Tables.Users],
        [Tables.Provisioned],
        [Tables.Users.Replace(("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nTableClass: STANDARD_INFREQUENT_ACCESS\nDeletionProtectionEnabled: true\nOnDemandThroughput: { MaxReadRequestUnits: 10, MaxWriteRequestUnits: 5 }\nWarmThroughput: { ReadUnitsPerSecond: 20000, WriteUnitsPerSecond: 9000 }\nTimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\nPointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 3 }\nSSESpecification: { Enabled: true, SSEType: KMS, KMSMasterKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab }"))],
    ];

    [TestMethod]
    [DynamicData(nameof(Definitions))]
    public void An_exported_table_written_and_read_back_plans_noop_against_the_table_it_came_from(string yaml)
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(yaml));

        var text = TableYamlWriter.Write(LiveTableModel.From(live, prefix: null), "test");
        var readBack = Yaml.Table(text);

        var plan = TablePlanner.Plan(readBack, live);
        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes) + "\n" + text);
        Assert.AreEqual(text, TableYamlWriter.Write(readBack, "test"), "writing what was read gives the same file");
    }

    [TestMethod]
    public void What_AWS_fills_in_by_default_is_not_written()
    {
        var text = TableYamlWriter.Write(LiveTableModel.From(AwsShapes.LiveFrom(Yaml.Table(Tables.Users)), prefix: null), "test");

        foreach (var field in new[] { "WarmThroughput", "OnDemandThroughput", "ProvisionedThroughput", "TableClass", "DeletionProtectionEnabled", "SSESpecification", "TimeToLiveSpecification", "PointInTimeRecoverySpecification", "aws:" })
        {
            Assert.DoesNotContain(field, text);
        }

        StringAssert.Contains(text, "Tags:\n  - Key: Environment\n    Value: production\n");
    }
}
