using Amazon.DynamoDBv2;

namespace Dynatus.Engine.Tests.Planning;

[TestClass]
public sealed class BillingAndThroughputTests
{
    private static readonly string OnDemandOrders = Tables.Provisioned.Replace(
        ("ProvisionedThroughput:\n  ReadCapacityUnits: 5\n  WriteCapacityUnits: 5\n", "BillingMode: PAY_PER_REQUEST\n"),
        ("    ProvisionedThroughput:\n      ReadCapacityUnits: 2\n      WriteCapacityUnits: 2\n", string.Empty));

    [TestMethod]
    public void Provisioned_to_on_demand_is_one_UpdateTable_with_the_billing_mode_only()
    {
        var plan = Tables.Plan(Tables.Provisioned, OnDemandOrders);
        var request = Steps.SingleUpdate(plan);
        Assert.AreEqual(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.IsNull(request.ProvisionedThroughput);
        Assert.IsNull(request.GlobalSecondaryIndexUpdates);
        CollectionAssert.Contains(plan.Changes.ToList(), "BillingMode: PROVISIONED -> PAY_PER_REQUEST");
    }

    [TestMethod]
    public void On_demand_to_provisioned_sends_throughput_for_the_table_and_every_GSI_in_one_call()
    {
        var request = Steps.SingleUpdate(Tables.Plan(OnDemandOrders, Tables.Provisioned));
        Assert.AreEqual(BillingMode.PROVISIONED, request.BillingMode);
        Assert.AreEqual(5, request.ProvisionedThroughput.ReadCapacityUnits);
        var index = request.GlobalSecondaryIndexUpdates.Single().Update;
        Assert.AreEqual("status-index", index.IndexName);
        Assert.AreEqual(2, index.ProvisionedThroughput.WriteCapacityUnits);
    }

    [TestMethod]
    public void On_demand_to_provisioned_with_undeclared_GSIs_is_blocked_before_any_call()
    {
        var undeclared = Tables.Provisioned[..Tables.Provisioned.IndexOf("GlobalSecondaryIndexes:", StringComparison.Ordinal)]
            .Replace(("  - AttributeName: status\n    AttributeType: S\n", string.Empty));
        var plan = Tables.Plan(OnDemandOrders, undeclared);
        Assert.IsNotNull(plan.Blocker);
        StringAssert.Contains(plan.Blocker, "GlobalSecondaryIndexes");
    }

    [TestMethod]
    public void A_table_throughput_change_is_one_UpdateTable()
    {
        var plan = Tables.Plan(Tables.Provisioned, Tables.Provisioned.Replace(("ReadCapacityUnits: 5", "ReadCapacityUnits: 10")));
        var request = Steps.SingleUpdate(plan);
        Assert.AreEqual(10, request.ProvisionedThroughput.ReadCapacityUnits);
        Assert.AreEqual(5, request.ProvisionedThroughput.WriteCapacityUnits);
        Assert.IsNull(request.BillingMode);
        CollectionAssert.Contains(plan.Changes.ToList(), "ProvisionedThroughput: 5 read / 5 write -> 10 read / 5 write");
    }

    [TestMethod]
    public void GSI_throughput_changes_share_the_combined_call_as_Update_actions()
    {
        var desired = Tables.Provisioned.Replace(("ReadCapacityUnits: 5", "ReadCapacityUnits: 6"), ("ReadCapacityUnits: 2", "ReadCapacityUnits: 3"));
        var request = Steps.SingleUpdate(Tables.Plan(Tables.Provisioned, desired));
        Assert.AreEqual(6, request.ProvisionedThroughput.ReadCapacityUnits);
        Assert.AreEqual(3, request.GlobalSecondaryIndexUpdates.Single().Update.ProvisionedThroughput.ReadCapacityUnits);
    }

    [TestMethod]
    public void On_demand_throughput_limits_are_updated_in_place()
    {
        var desired = Tables.Users + "\nOnDemandThroughput:\n  MaxReadRequestUnits: 200\n";
        var plan = Tables.Plan(Tables.Users, desired);
        var request = Steps.SingleUpdate(plan);
        Assert.AreEqual(200, request.OnDemandThroughput.MaxReadRequestUnits);
        CollectionAssert.AreEqual(new[] { "OnDemandThroughput: -1 read / -1 write -> 200 read / unset write" }, plan.Changes.ToList(), "a side the definition leaves out is not managed");
    }

    [TestMethod]
    public void Warm_throughput_only_grows()
    {
        var higher = Tables.Users + "\nWarmThroughput:\n  ReadUnitsPerSecond: 20000\n  WriteUnitsPerSecond: 4000\n";
        Assert.AreEqual(20000, Steps.SingleUpdate(Tables.Plan(Tables.Users, higher)).WarmThroughput.ReadUnitsPerSecond);

        var lower = Tables.Users + "\nWarmThroughput:\n  ReadUnitsPerSecond: 100\n  WriteUnitsPerSecond: 100\n";
        Assert.AreEqual(Engine.Planning.TableAction.Noop, Tables.Plan(Tables.Users, lower).Action, "AWS's default warm throughput already exceeds it");
    }
}
