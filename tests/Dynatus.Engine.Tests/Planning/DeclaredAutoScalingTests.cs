using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// Auto scaling a definition declares (<see cref="Tables.AutoScaled"/>): registered after the table or index exists and
/// before replicas are added, compared with what Application Auto Scaling answers, and left alone where not declared.
/// </summary>
[TestClass]
public sealed class DeclaredAutoScalingTests
{
    private const string Replica = "Replicas:\n  - RegionName: eu-west-1\n";

    private const string ReplicaReadScaled = Replica + "    ReadProvisionedThroughputSettings:\n      ReadCapacityAutoScalingSettings: { MinCapacity: 3, MaxCapacity: 30, TargetTrackingScalingPolicyConfiguration: { TargetValue: 65 } }\n";

    private static readonly ScalableResource Orders = ScalableResource.Table("orders");

    private static readonly ScalableResource StatusIndex = ScalableResource.Index("orders", "status-index");

    // What Application Auto Scaling answers when it has exactly what Tables.AutoScaled declares.
    private static readonly (ScalableResource, bool, CapacityRange, TargetTrackingPolicy?)[] AsDeclared =
    [
        (Orders, false, new(5, 50), new("custom-write", 70, 0, 0, false)),
        (Orders, true, new(5, 100), new("custom-read", 75.5, 60, 30, true)),
        (StatusIndex, false, new(2, 20), new("index-write", 70, 300, 300, false)),
    ];

    [TestMethod]
    public void A_new_table_registers_each_declared_auto_scaling_after_it_is_created_and_before_its_replicas()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.AutoScaled + Replica), live: null);

        Assert.IsNull(plan.Blocker, "every write capacity is declared auto scaled");
        CollectionAssert.AreEqual(
            new[] { "CreateTable", "Write table/orders", "Read table/orders", "Write table/orders/index/status-index", "add replica eu-west-1" },
            plan.Steps.Select(s => s is AutoScalingStep a ? $"{(a.Read ? "Read" : "Write")} {a.Resource.ResourceId}" : s.Description).ToList());
        CollectionAssert.IsSubsetOf(
            new[] { "WriteCapacityAutoScalingSettings 5-50 at 70%", "ReadCapacityAutoScalingSettings 5-100 at 75.5% (scale-in cooldown 60 s, scale-out cooldown 30 s, scale-in disabled)", "GSI status-index WriteCapacityAutoScalingSettings 2-20 at 70%" },
            plan.Changes.ToList());
        Assert.AreEqual("DynamoDBWriteCapacityUtilization:table/orders", plan.Steps.OfType<AutoScalingStep>().First().PolicyName, "the AWS console's name");
    }

    [TestMethod]
    public void A_new_table_with_replicas_and_an_index_whose_writes_are_not_declared_auto_scaled_is_refused()
    {
        var tableOnly = Tables.AutoScaled.Replace(("    WriteProvisionedThroughputSettings:\n      WriteCapacityAutoScalingSettings: { MinCapacity: 2, MaxCapacity: 20, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } }\n", string.Empty));
        var plan = TablePlanner.Plan(Yaml.Table(tableOnly + Replica), live: null);

        StringAssert.Contains(plan.Blocker, "the write capacity of table/orders/index/status-index, which this sync creates, would not be");
    }

    [TestMethod]
    public void An_existing_table_asks_Application_Auto_Scaling_then_registers_what_it_lacks()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Provisioned));
        var asking = TablePlanner.Plan(Yaml.Table(Tables.AutoScaled), live);
        CollectionAssert.AreEquivalent(new[] { "table/orders", "table/orders/index/status-index" }, asking.AutoScalingQuestions.ToList());

        var plan = TablePlanner.Plan(Yaml.Table(Tables.AutoScaled), live with { AutoScaling = AutoScaledCapacity.None });
        CollectionAssert.AreEqual(
            new[] { "WriteCapacityAutoScalingSettings: none -> 5-50 at 70%", "ReadCapacityAutoScalingSettings: none -> 5-100 at 75.5% (scale-in cooldown 60 s, scale-out cooldown 30 s, scale-in disabled)", "GSI status-index WriteCapacityAutoScalingSettings: none -> 2-20 at 70%" },
            plan.Changes.ToList());
        Assert.AreEqual(3, plan.Steps.OfType<AutoScalingStep>().Count());
    }

    [TestMethod]
    public void What_Application_Auto_Scaling_already_has_is_noop_and_undeclared_cooldowns_are_not_drift()
    {
        var plan = Plan(Tables.AutoScaled, AsDeclared);

        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes));
    }

    [TestMethod]
    public void A_changed_bound_target_or_declared_cooldown_updates_the_existing_policy_by_its_name()
    {
        var plan = Plan(Tables.AutoScaled.Replace(("MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 }", "MaxCapacity: 60, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 }"), ("ScaleInCooldown: 60", "ScaleInCooldown: 90")), AsDeclared);

        CollectionAssert.AreEqual(
            new[] { "WriteCapacityAutoScalingSettings: 5-50 at 70% (scale-in cooldown 0 s, scale-out cooldown 0 s) -> 5-60 at 70%", "ReadCapacityAutoScalingSettings: 5-100 at 75.5% (scale-in cooldown 60 s, scale-out cooldown 30 s, scale-in disabled) -> 5-100 at 75.5% (scale-in cooldown 90 s, scale-out cooldown 30 s, scale-in disabled)" },
            plan.Changes.ToList());
        CollectionAssert.AreEqual(new[] { "custom-write", "custom-read" }, plan.Steps.OfType<AutoScalingStep>().Select(s => s.PolicyName).ToList());
    }

    [TestMethod]
    public void A_target_without_a_target_tracking_policy_gets_one()
    {
        var plan = Plan(Tables.AutoScaled, [AsDeclared[0] with { Item4 = null }, AsDeclared[1], AsDeclared[2]]);

        Assert.AreEqual("WriteCapacityAutoScalingSettings: 5-50 without a target tracking policy -> 5-50 at 70%", plan.Changes.Single());
    }

    [TestMethod]
    public void A_capacity_within_the_declared_bounds_is_left_to_auto_scaling_even_before_it_is_registered()
    {
        var scaledOut = Tables.Provisioned.Replace(("WriteCapacityUnits: 5", "WriteCapacityUnits: 40"));
        var plan = TablePlanner.Plan(Yaml.Table(Tables.AutoScaled), AwsShapes.LiveFrom(Yaml.Table(scaledOut)) with { AutoScaling = AutoScaledCapacity.None });

        Assert.IsFalse(plan.Changes.Any(c => c.StartsWith("ProvisionedThroughput", StringComparison.Ordinal)), string.Join("; ", plan.Changes));
        Assert.IsTrue(plan.Notes.Any(n => n.Contains("write 40: managed by auto scaling (5-50)", StringComparison.Ordinal)), string.Join("; ", plan.Notes));
    }

    [TestMethod]
    public void Adding_a_replica_to_an_existing_table_registers_the_declared_writes_first_instead_of_refusing()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.AutoScaled + Replica), AwsShapes.LiveFrom(Yaml.Table(Tables.Provisioned)) with { AutoScaling = AutoScaledCapacity.None });

        Assert.IsNull(plan.Blocker);
        var steps = plan.Steps.ToList();
        Assert.IsTrue(steps.FindLastIndex(s => s is AutoScalingStep) < steps.FindIndex(s => s is ReplicaStep), string.Join(", ", steps.Select(s => s.Description)));
    }

    [TestMethod]
    public void A_replicas_read_auto_scaling_is_asked_and_registered_in_its_region()
    {
        var desired = Yaml.Table(Tables.AutoScaled + ReplicaReadScaled);
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.AutoScaled + Replica)) with { AutoScaling = Scaling(AsDeclared) };

        var asking = TablePlanner.Plan(desired, live);
        CollectionAssert.AreEqual(new[] { "table/orders" }, asking.AutoScalingQuestionsInRegions["eu-west-1"].ToList(), "asked in eu-west-1");
        Assert.IsEmpty(asking.AutoScalingQuestions, "the table's own region has its answer");

        var plan = TablePlanner.Plan(desired, live with { Replicas = live.Replicas!.ToDictionary(r => r.Key, r => r.Value with { AutoScaling = AutoScaledCapacity.None }) });
        Assert.AreEqual("Replicas eu-west-1: ReadCapacityAutoScalingSettings: none -> 3-30 at 65%", plan.Changes.Single());
        var step = (RegionalStep)plan.Steps.Single();
        Assert.AreEqual(("eu-west-1", true, "table/orders"), (step.RegionName, ((AutoScalingStep)step.Step).Read, ((AutoScalingStep)step.Step).Resource.ResourceId));
    }

    [TestMethod]
    public void A_new_replicas_read_auto_scaling_is_registered_in_its_region_once_it_is_added()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.AutoScaled + ReplicaReadScaled), live: null);

        var steps = plan.Steps.Select(s => s is RegionalStep r ? $"{r.RegionName}: {r.Step.GetType().Name}" : s.Description).ToList();
        Assert.AreEqual("eu-west-1: AutoScalingStep", steps[^1], string.Join(", ", steps));
        Assert.AreEqual("add replica eu-west-1", steps[^2]);
        Assert.AreEqual("register ReadCapacityAutoScalingSettings 3-30 at 65% in eu-west-1", plan.Changes[^1], "the new table's summary, in the plan's words");
    }

    private static TablePlan Plan(string desired, (ScalableResource Resource, bool Read, CapacityRange Range, TargetTrackingPolicy? Policy)[] answered) =>
        TablePlanner.Plan(Yaml.Table(desired), AwsShapes.LiveFrom(Yaml.Table(Tables.Provisioned)) with { AutoScaling = Scaling(answered) });

    private static AutoScaledCapacity Scaling((ScalableResource Resource, bool Read, CapacityRange Range, TargetTrackingPolicy? Policy)[] answered) => new(
        answered.ToDictionary(a => (a.Resource.ResourceId, a.Resource.Dimension(a.Read)), a => a.Range),
        answered.Where(a => a.Policy is not null).ToDictionary(a => (a.Resource.ResourceId, a.Resource.Dimension(a.Read)), a => a.Policy!));
}
