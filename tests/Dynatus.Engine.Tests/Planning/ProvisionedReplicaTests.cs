using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// A replica of a provisioned table: AWS adds one only when the table's write capacity and every global index's are auto
/// scaled, so the plan asks Application Auto Scaling, and is blocked before any call when they are not. A new provisioned
/// table, which nothing scales yet, is not created with replicas.
/// </summary>
[TestClass]
public sealed class ProvisionedReplicaTests
{
    private const string Replica = "Replicas:\n  - RegionName: eu-west-1\n";

    private static readonly ScalableResource Orders = ScalableResource.Table("orders");

    private static readonly ScalableResource StatusIndex = ScalableResource.Index("orders", "status-index");

    [TestMethod]
    public void Adding_a_replica_asks_whether_the_writes_of_the_table_and_its_index_are_auto_scaled()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.Provisioned + Replica), AwsShapes.LiveFrom(Yaml.Table(Tables.Provisioned)));

        CollectionAssert.AreEquivalent(new[] { "table/orders", "table/orders/index/status-index" }, plan.AutoScalingQuestions.ToList());
    }

    [TestMethod]
    public void With_both_writes_scaled_the_replica_is_added()
    {
        var plan = Plan((Orders, false), (StatusIndex, false));

        Assert.IsNull(plan.Blocker);
        Assert.AreEqual("eu-west-1", plan.Steps.OfType<ReplicaStep>().Single().Request.ReplicaUpdates.Single().Create.RegionName);
    }

    [TestMethod]
    public void A_write_capacity_not_scaled_blocks_the_plan_and_is_named()
    {
        var indexUnscaled = Plan((Orders, false), (StatusIndex, true));
        StringAssert.Contains(indexUnscaled.Blocker, "the write capacity of table/orders/index/status-index is not");

        var readsOnly = Plan((Orders, true), (StatusIndex, true));
        StringAssert.Contains(readsOnly.Blocker, "the write capacity of table/orders, table/orders/index/status-index is not", "a scaled read capacity is not enough");
        StringAssert.Contains(readsOnly.Blocker, "PAY_PER_REQUEST");
    }

    [TestMethod]
    public void On_demand_tables_and_replicas_already_there_ask_nothing()
    {
        Assert.IsEmpty(TablePlanner.Plan(Yaml.Table(Tables.Users + Replica), AwsShapes.LiveFrom(Yaml.Table(Tables.Users))).AutoScalingQuestions);

        var there = TablePlanner.Plan(Yaml.Table(Tables.Provisioned + Replica), AwsShapes.LiveFrom(Yaml.Table(Tables.Provisioned + Replica)));
        Assert.AreEqual((TableAction.Noop, 0), (there.Action, there.AutoScalingQuestions.Count));
    }

    [TestMethod]
    public void A_new_provisioned_table_with_replicas_is_not_created()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.Provisioned + Replica), live: null);

        StringAssert.Contains(plan.Blocker, "the write capacity of table/orders, table/orders/index/status-index, which this sync creates, would not be");
        Assert.IsNull(TablePlanner.Plan(Yaml.Table(Tables.Users + Replica), live: null).Blocker, "an on-demand one is");
    }

    // The live table without the replica, as Application Auto Scaling answered for these targets (1-100).
    private static TablePlan Plan(params (ScalableResource Resource, bool Read)[] targets)
    {
        var scaling = new AutoScaledCapacity(targets.ToDictionary(t => (t.Resource.ResourceId, t.Resource.Dimension(t.Read)), _ => new CapacityRange(1, 100)));
        return TablePlanner.Plan(Yaml.Table(Tables.Provisioned + Replica), AwsShapes.LiveFrom(Yaml.Table(Tables.Provisioned)) with { AutoScaling = scaling });
    }
}
