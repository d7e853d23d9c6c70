using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

[TestClass]
public sealed class NoDriftTests
{
    [TestMethod]
    public void An_on_demand_table_as_AWS_describes_it_plans_noop() =>
        AssertNoop(Tables.Users);

    [TestMethod]
    public void A_provisioned_table_with_GSI_and_LSI_as_AWS_describes_it_plans_noop() =>
        AssertNoop(Tables.Provisioned);

    [TestMethod]
    public void Every_managed_setting_as_AWS_describes_it_plans_noop() => AssertNoop(Tables.Users + """

        TableClass: STANDARD_INFREQUENT_ACCESS
        DeletionProtectionEnabled: true
        SSESpecification:
          Enabled: true
          SSEType: KMS
          KMSMasterKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab
        OnDemandThroughput:
          MaxReadRequestUnits: 100
          MaxWriteRequestUnits: 50
        WarmThroughput:
          ReadUnitsPerSecond: 13000
          WriteUnitsPerSecond: 5000
        TimeToLiveSpecification:
          AttributeName: expires_at
          Enabled: true
        PointInTimeRecoverySpecification:
          PointInTimeRecoveryEnabled: true
          RecoveryPeriodInDays: 7
        """);

    [TestMethod]
    public void Settings_written_as_AWS_defaults_plan_noop() => AssertNoop(Tables.Users + """

        TableClass: STANDARD
        DeletionProtectionEnabled: false
        SSESpecification:
          Enabled: false
        TimeToLiveSpecification:
          AttributeName: expires_at
          Enabled: false
        PointInTimeRecoverySpecification:
          PointInTimeRecoveryEnabled: false
        """);

    [TestMethod]
    public void The_order_of_attribute_definitions_tags_and_projected_attributes_does_not_matter()
    {
        var reordered = Tables.Provisioned.Replace(("[total, placed_at]", "[placed_at, total]"));
        var plan = Tables.Plan(Tables.Provisioned, reordered);
        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes));
    }

    [TestMethod]
    public void A_table_without_billing_mode_is_provisioned_as_on_AWS()
    {
        var plan = Tables.Plan(Tables.Provisioned, Tables.Provisioned);
        Assert.AreEqual(TableAction.Noop, plan.Action);
        Assert.IsEmpty(plan.Steps);
    }

    private static void AssertNoop(string yaml)
    {
        var plan = Tables.Plan(yaml, yaml);
        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes));
        Assert.IsEmpty(plan.Changes);
        Assert.IsEmpty(plan.Steps);
    }
}
