using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// A multi-Region strongly consistent (MRSC) global table's regions: added in the one UpdateTable that sets its
/// consistency, removed together, and never changed otherwise; what AWS would refuse is a blocker in the plan.
/// </summary>
[TestClass]
public sealed class StrongConsistencyTests
{
    private static readonly string WithWitness = Tables.Users + "Replicas:\n  - RegionName: us-east-2\nGlobalTableWitnesses:\n  - RegionName: us-west-2\nMultiRegionConsistency: STRONG\n";

    private static readonly string TwoReplicas = Tables.Users + "Replicas:\n  - RegionName: us-east-2\n  - RegionName: us-west-2\nMultiRegionConsistency: STRONG\n";

    [TestMethod]
    public void A_new_table_gets_its_replica_witness_and_consistency_in_one_call_after_it_is_created()
    {
        var plan = TablePlanner.Plan(Yaml.Table(WithWitness), live: null);

        var step = plan.Steps.OfType<ReplicaStep>().Single();
        Assert.IsInstanceOfType<CreateTableStep>(plan.Steps[0]);
        Assert.AreEqual(MultiRegionConsistency.STRONG, step.Request.MultiRegionConsistency);
        Assert.AreEqual(("us-east-2", "us-west-2"), (step.Request.ReplicaUpdates.Single().Create.RegionName, step.Request.GlobalTableWitnessUpdates.Single().Create.RegionName));
        Assert.AreEqual(("us-east-2", "us-west-2", true), (step.RegionNames.Single(), step.WitnessRegionName, step.Adds), "waited for together");
        CollectionAssert.IsSubsetOf(new[] { "replica us-east-2", "witness us-west-2", "MultiRegionConsistency STRONG" }, plan.Changes.ToList());
    }

    [TestMethod]
    public void Two_replicas_are_added_together_to_a_table_without_any()
    {
        var plan = Plan(TwoReplicas, Live(Tables.Users));

        var step = (ReplicaStep)plan.Steps.Single();
        CollectionAssert.AreEqual(new[] { "us-east-2", "us-west-2" }, step.Request.ReplicaUpdates.Select(u => u.Create.RegionName).ToList());
        Assert.IsNull(step.Request.GlobalTableWitnessUpdates);
        Assert.AreEqual("Replicas: add us-east-2, us-west-2 with MultiRegionConsistency STRONG, in one call (the table must be empty)", plan.Changes.Single());
    }

    [TestMethod]
    public void The_same_regions_and_consistency_plan_noop()
    {
        Assert.AreEqual(TableAction.Noop, Plan(WithWitness, Live(WithWitness)).Action);
        Assert.AreEqual(TableAction.Noop, Plan(TwoReplicas, Live(TwoReplicas)).Action);
        Assert.AreEqual(TableAction.Noop, Plan(TwoReplicas.Replace("MultiRegionConsistency: STRONG\n", string.Empty, StringComparison.Ordinal), Live(TwoReplicas)).Action, "an undeclared consistency is not compared");
    }

    [TestMethod]
    public void An_eventually_consistent_global_table_never_becomes_strong_nor_a_strong_one_eventual()
    {
        var eventual = Live(TwoReplicas.Replace("MultiRegionConsistency: STRONG\n", string.Empty, StringComparison.Ordinal));
        var toStrong = Plan(TwoReplicas, eventual);
        StringAssert.StartsWith(toStrong.Blocker, "MultiRegionConsistency EVENTUAL -> STRONG: a global table's consistency is set when its replicas are added");
        Assert.IsFalse(toStrong.Steps.OfType<ReplicaStep>().Any(s => s.Request.MultiRegionConsistency is not null));

        var toEventual = Plan(TwoReplicas.Replace("STRONG", "EVENTUAL", StringComparison.Ordinal), Live(TwoReplicas));
        StringAssert.StartsWith(toEventual.Blocker, "MultiRegionConsistency STRONG -> EVENTUAL");
    }

    [TestMethod]
    public void Its_regions_change_only_all_together()
    {
        var swapped = Plan(WithWitness.Replace("us-west-2", "us-east-1", StringComparison.Ordinal).Replace("  - RegionName: us-east-2", "  - RegionName: us-west-2", StringComparison.Ordinal), Live(WithWitness));
        StringAssert.Contains(swapped.Blocker, "an MRSC global table's regions change only all together: it has us-east-2 and witness us-west-2");

        var removed = Plan(Tables.Users + "Replicas: []\n", Live(WithWitness));
        var step = (ReplicaStep)removed.Steps.Single();
        Assert.IsNull(removed.Blocker);
        Assert.AreEqual(("us-east-2", "us-west-2", false), (step.Request.ReplicaUpdates.Single().Delete.RegionName, step.Request.GlobalTableWitnessUpdates.Single().Delete.RegionName, step.Adds));
        CollectionAssert.AreEqual(new[] { "us-east-2" }, removed.RemovedReplicas.ToList(), "a deletion the sync refuses unless allowed");
        StringAssert.Contains(removed.Changes.Single(), "deletes the table in us-east-2 with ALL its items there");
    }

    [TestMethod]
    public void A_table_outside_its_replicas_region_set_or_a_witness_in_its_own_region_is_blocked()
    {
        var ireland = Live(Tables.Users, "eu-west-1");
        StringAssert.Contains(Plan(TwoReplicas, ireland).Blocker, "this table is in eu-west-1");

        var ohio = Live(Tables.Users, "us-west-2");
        StringAssert.Contains(Plan(WithWitness, ohio).Blocker, "GlobalTableWitnesses lists us-west-2, the table's own region");
    }

    private static TablePlan Plan(string desired, LiveTable live) => TablePlanner.Plan(Yaml.Table(desired), live);

    // The live table DescribeTable shows for a definition, in us-east-1 unless another region is named.
    private static LiveTable Live(string yaml, string region = "us-east-1")
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(yaml));
        live.Table.TableArn = live.Table.TableArn.Replace("us-east-1", region, StringComparison.Ordinal);
        return live;
    }
}
