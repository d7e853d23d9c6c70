using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// Provisioned capacity under Application Auto Scaling: the live table has moved where auto scaling put it (the
/// live YAML), the definition still says 5/5 and 2/2 (<see cref="Tables.Provisioned"/>).
/// </summary>
[TestClass]
public sealed class AutoScalingTests
{
    private static readonly ScalableResource Orders = ScalableResource.Table("orders");
    private static readonly ScalableResource StatusIndex = ScalableResource.Index("orders", "status-index");

    // The table's read capacity scaled out to 37; the write capacity and the index's are as declared.
    private static readonly string ReadScaledOut = Tables.Provisioned.Replace(("ReadCapacityUnits: 5", "ReadCapacityUnits: 37"));

    [TestMethod]
    public void A_differing_capacity_is_planned_as_an_update_that_asks_Application_Auto_Scaling_first()
    {
        var plan = Tables.Plan(ReadScaledOut, Tables.Provisioned);
        Assert.AreEqual(TableAction.Update, plan.Action);
        CollectionAssert.AreEqual(new[] { "table/orders" }, plan.AutoScalingQuestions.ToArray(), "only the table differs: its index is not asked about");
    }

    [TestMethod]
    public void Equal_capacities_ask_Application_Auto_Scaling_nothing()
    {
        var plan = Tables.Plan(Tables.Provisioned, Tables.Provisioned);
        Assert.AreEqual(TableAction.Noop, plan.Action);
        Assert.IsEmpty(plan.AutoScalingQuestions);
        Assert.IsEmpty(plan.Notes);
    }

    [TestMethod]
    public void A_scaled_read_capacity_within_its_bounds_is_in_sync_and_the_plan_says_it_is_managed_by_auto_scaling()
    {
        var plan = Plan(ReadScaledOut, Tables.Provisioned, (Orders, true, new CapacityRange(5, 100)));
        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes));
        Assert.IsEmpty(plan.Steps);
        CollectionAssert.AreEqual(new[] { "ProvisionedThroughput read 37: managed by auto scaling (5-100); the definition's 5 is left to it" }, plan.Notes.ToArray());
        Assert.IsEmpty(plan.AutoScalingQuestions, "the answer is known");
    }

    [TestMethod]
    public void A_scaled_capacity_outside_its_bounds_is_set_to_the_definition()
    {
        var plan = Plan(ReadScaledOut, Tables.Provisioned, (Orders, true, new CapacityRange(5, 20)));
        var request = Steps.SingleUpdate(plan);
        Assert.AreEqual(5, request.ProvisionedThroughput.ReadCapacityUnits);
        Assert.AreEqual(5, request.ProvisionedThroughput.WriteCapacityUnits);
        CollectionAssert.AreEqual(new[] { "ProvisionedThroughput: 37 read / 5 write -> 5 read / 5 write" }, plan.Changes.ToArray());
        CollectionAssert.AreEqual(new[] { "ProvisionedThroughput read 37: outside auto scaling's 5-20, set to the definition's 5" }, plan.Notes.ToArray());
    }

    [TestMethod]
    public void A_capacity_whose_other_side_is_scaled_is_sent_with_the_scaled_side_left_where_auto_scaling_put_it()
    {
        var live = ReadScaledOut;
        var desired = Tables.Provisioned.Replace(("WriteCapacityUnits: 5", "WriteCapacityUnits: 8"));
        var request = Steps.SingleUpdate(Plan(live, desired, (Orders, true, new CapacityRange(5, 100))));
        Assert.AreEqual(37, request.ProvisionedThroughput.ReadCapacityUnits, "the scaled read side is not pulled back to 5");
        Assert.AreEqual(8, request.ProvisionedThroughput.WriteCapacityUnits);
    }

    [TestMethod]
    public void A_target_on_the_other_dimension_leaves_a_differing_capacity_to_the_definition()
    {
        var plan = Plan(ReadScaledOut, Tables.Provisioned, (Orders, false, new CapacityRange(1, 1000)));
        Assert.AreEqual(5, Steps.SingleUpdate(plan).ProvisionedThroughput.ReadCapacityUnits);
        Assert.IsEmpty(plan.Notes);
    }

    [TestMethod]
    public void A_scaled_GSI_within_its_bounds_is_in_sync_and_is_asked_about_by_its_own_resource_id()
    {
        var live = Tables.Provisioned.Replace(("ReadCapacityUnits: 2", "ReadCapacityUnits: 12"), ("WriteCapacityUnits: 2", "WriteCapacityUnits: 9"));
        CollectionAssert.AreEqual(new[] { "table/orders/index/status-index" }, Tables.Plan(live, Tables.Provisioned).AutoScalingQuestions.ToArray());

        var plan = Plan(live, Tables.Provisioned, (StatusIndex, true, new CapacityRange(2, 40)), (StatusIndex, false, new CapacityRange(2, 40)));
        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes));
        CollectionAssert.AreEqual(
            new[]
            {
                "GSI status-index ProvisionedThroughput read 12: managed by auto scaling (2-40); the definition's 2 is left to it",
                "GSI status-index ProvisionedThroughput write 9: managed by auto scaling (2-40); the definition's 2 is left to it",
            },
            plan.Notes.ToArray());
    }

    [TestMethod]
    public void A_GSI_outside_its_bounds_is_updated_with_the_index_throughput_only()
    {
        var live = Tables.Provisioned.Replace(("ReadCapacityUnits: 2", "ReadCapacityUnits: 60"));
        var request = Steps.SingleUpdate(Plan(live, Tables.Provisioned, (StatusIndex, true, new CapacityRange(2, 40))));
        Assert.IsNull(request.ProvisionedThroughput);
        var index = request.GlobalSecondaryIndexUpdates.Single().Update;
        Assert.AreEqual(2, index.ProvisionedThroughput.ReadCapacityUnits);
    }

    [TestMethod]
    public void A_switch_from_on_demand_sends_the_declared_capacity_without_asking_Application_Auto_Scaling()
    {
        var onDemand = Tables.Provisioned.Replace(
            ("ProvisionedThroughput:\n  ReadCapacityUnits: 5\n  WriteCapacityUnits: 5\n", "BillingMode: PAY_PER_REQUEST\n"),
            ("    ProvisionedThroughput:\n      ReadCapacityUnits: 2\n      WriteCapacityUnits: 2\n", string.Empty));
        var plan = Tables.Plan(onDemand, Tables.Provisioned);
        Assert.AreEqual(5, Steps.SingleUpdate(plan).ProvisionedThroughput.ReadCapacityUnits);
        Assert.IsEmpty(plan.AutoScalingQuestions);
    }

    private static TablePlan Plan(string liveYaml, string desiredYaml, params (ScalableResource Resource, bool Read, CapacityRange Range)[] targets)
    {
        var scaling = new AutoScaledCapacity(targets.ToDictionary(t => (t.Resource.ResourceId, t.Resource.Dimension(t.Read)), t => t.Range));
        var live = AwsShapes.LiveFrom(Yaml.Table(liveYaml)) with { AutoScaling = scaling };
        return TablePlanner.Plan(Yaml.Table(desiredYaml), live);
    }
}
