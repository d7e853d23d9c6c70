using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// A global table's replicas: each region added or removed is one UpdateTable of its own (AWS takes one replica action
/// a call, alone in its request), removals first, additions last, and a removal is named as the deletion it is.
/// </summary>
[TestClass]
public sealed class ReplicaTests
{
    private static readonly string TwoReplicas = Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n  - Region: ap-south-1\n";

    [TestMethod]
    public void A_new_table_is_created_then_given_its_replicas_one_at_a_time()
    {
        var plan = TablePlanner.Plan(Yaml.Table(TwoReplicas), live: null);

        Assert.IsInstanceOfType<CreateTableStep>(plan.Steps[0]);
        CollectionAssert.AreEqual(new[] { "eu-west-1", "ap-south-1" }, plan.Steps.OfType<ReplicaStep>().Select(s => s.RegionNames.Single()).ToList(), "in the order declared, after everything else");
        Assert.IsInstanceOfType<ReplicaStep>(plan.Steps[^1]);
        Assert.IsTrue(plan.Steps.OfType<ReplicaStep>().All(s => s.Adds && s.Request.ReplicaUpdates.Single().Create is not null), "one Create a call");
        CollectionAssert.IsSubsetOf(new[] { "replica eu-west-1", "replica ap-south-1" }, plan.Changes.ToList());
    }

    [TestMethod]
    public void Listed_replicas_that_are_live_are_a_noop_and_any_order_is_the_same()
    {
        Assert.AreEqual(TableAction.Noop, Plan(TwoReplicas, "eu-west-1", "ap-south-1").Action);
        Assert.AreEqual(TableAction.Noop, Plan(TwoReplicas, "ap-south-1", "eu-west-1").Action);
        Assert.AreEqual(TableAction.Noop, Plan(Tables.Users, "eu-west-1").Action, "not declared: left alone");
    }

    [TestMethod]
    public void The_tables_own_region_is_never_a_replica_to_add_or_remove()
    {
        var plan = Plan(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n", "us-east-1", "eu-west-1");
        Assert.AreEqual(TableAction.Noop, plan.Action, "a live table in us-east-1 (its ARN) listing itself is not drift");

        var own = Plan(Tables.Users + "Replicas:\n  - RegionName: us-east-1\n");
        StringAssert.Contains(own.Blocker, "us-east-1, the table's own region");
        Assert.IsFalse(own.Steps.OfType<ReplicaStep>().Any(), "AWS refuses ReplicaUpdates for the local region");
    }

    [TestMethod]
    public void A_region_added_and_one_dropped_are_two_calls_the_removal_first()
    {
        var plan = Plan(TwoReplicas, "eu-west-1", "us-west-2");

        CollectionAssert.AreEqual(new[] { "Replicas: remove us-west-2 (deletes the table in us-west-2 with ALL its items there)", "Replicas: add ap-south-1" }, plan.Changes.ToList());
        var steps = plan.Steps.Cast<ReplicaStep>().ToList();
        Assert.AreEqual(("us-west-2", false, "us-west-2"), (steps[0].RegionNames.Single(), steps[0].Adds, steps[0].Request.ReplicaUpdates.Single().Delete.RegionName));
        Assert.AreEqual(("ap-south-1", true, "ap-south-1"), (steps[1].RegionNames.Single(), steps[1].Adds, steps[1].Request.ReplicaUpdates.Single().Create.RegionName));
        CollectionAssert.AreEqual(new[] { "us-west-2" }, plan.RemovedReplicas.ToList(), "what the sync refuses unless allowed");
    }

    [TestMethod]
    public void A_new_replica_is_created_with_its_own_table_class_and_read_maximum()
    {
        var plan = Plan(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n    TableClassOverride: STANDARD_INFREQUENT_ACCESS\n    OnDemandThroughputOverride:\n      MaxReadRequestUnits: 200\n");

        var create = ((ReplicaStep)plan.Steps.Single()).Request.ReplicaUpdates.Single().Create;
        Assert.AreEqual(("eu-west-1", "STANDARD_INFREQUENT_ACCESS", 200L), (create.RegionName, create.TableClassOverride.Value, create.OnDemandThroughputOverride.MaxReadRequestUnits));
        Assert.IsNull(create.ProvisionedThroughputOverride);
    }

    [TestMethod]
    public void A_replica_whose_own_settings_differ_is_one_update_and_one_that_has_the_tables_values_is_a_noop()
    {
        const string Declared = "Replicas:\n  - RegionName: eu-west-1\n    TableClassOverride: STANDARD_INFREQUENT_ACCESS\n    OnDemandThroughputOverride:\n      MaxReadRequestUnits: 200\n";
        var plan = Plan(Tables.Users + Declared, "eu-west-1");

        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: TableClassOverride STANDARD -> STANDARD_INFREQUENT_ACCESS, MaxReadRequestUnits -1 -> 200" }, plan.Changes.ToList());
        var update = ((ReplicaStep)plan.Steps.Single()).Request.ReplicaUpdates.Single().Update;
        Assert.AreEqual(("eu-west-1", "STANDARD_INFREQUENT_ACCESS", 200L), (update.RegionName, update.TableClassOverride.Value, update.OnDemandThroughputOverride.MaxReadRequestUnits));

        Assert.AreEqual(TableAction.Noop, NoDrift(Tables.Users + Declared).Action, "the replica as DescribeTable lists it with these overrides");
        Assert.AreEqual(TableAction.Noop, NoDrift(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n    TableClassOverride: STANDARD\n    OnDemandThroughputOverride:\n      MaxReadRequestUnits: -1\n").Action, "the table's own values: AWS lists no override");
        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n"), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Declared))).Action, "overrides not declared are left alone");
    }

    [TestMethod]
    public void A_replicas_KMS_key_in_its_region_is_given_at_create_updated_when_it_differs_and_its_ARN_is_no_drift()
    {
        const string Encrypted = "SSESpecification:\n  Enabled: true\n  SSEType: KMS\n  KMSMasterKeyId: table-key\n";
        const string Declared = "Replicas:\n  - RegionName: eu-west-1\n    KMSMasterKeyId: eu-key\n";

        var created = TablePlanner.Plan(Yaml.Table(Tables.Users + Encrypted + Declared), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Encrypted)));
        Assert.AreEqual("eu-key", ((ReplicaStep)created.Steps.Single()).Request.ReplicaUpdates.Single().Create.KMSMasterKeyId);

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Encrypted + Declared), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Encrypted + Declared.Replace("eu-key", "old-key", StringComparison.Ordinal))));
        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: KMSMasterKeyId arn:aws:kms:eu-west-1:123456789012:key/old-key -> eu-key" }, plan.Changes.ToList());
        Assert.AreEqual("eu-key", ((ReplicaStep)plan.Steps.Single()).Request.ReplicaUpdates.Single().Update.KMSMasterKeyId);
        Assert.AreEqual(TableAction.Noop, NoDrift(Tables.Users + Encrypted + Declared).Action, "DescribeTable lists the key's ARN");
    }

    [TestMethod]
    public void A_replicas_index_read_maximum_is_created_with_it_updated_when_it_differs_and_the_indexs_own_is_no_drift()
    {
        const string Declared = "Replicas:\n  - RegionName: eu-west-1\n    GlobalSecondaryIndexes:\n      - IndexName: email-index\n        OnDemandThroughputOverride:\n          MaxReadRequestUnits: 50\n";

        var create = ((ReplicaStep)Plan(Tables.Users + Declared).Steps.Single()).Request.ReplicaUpdates.Single().Create;
        Assert.AreEqual(("email-index", 50L), (create.GlobalSecondaryIndexes.Single().IndexName, create.GlobalSecondaryIndexes.Single().OnDemandThroughputOverride.MaxReadRequestUnits));

        var plan = Plan(Tables.Users + Declared, "eu-west-1");
        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: GSI email-index MaxReadRequestUnits -1 -> 50" }, plan.Changes.ToList());
        var update = ((ReplicaStep)plan.Steps.Single()).Request.ReplicaUpdates.Single().Update;
        Assert.AreEqual(("email-index", 50L), (update.GlobalSecondaryIndexes.Single().IndexName, update.GlobalSecondaryIndexes.Single().OnDemandThroughputOverride.MaxReadRequestUnits));

        Assert.AreEqual(TableAction.Noop, NoDrift(Tables.Users + Declared).Action, "the entry as DescribeTable lists it with the override");
        Assert.AreEqual(TableAction.Noop, NoDrift(Tables.Users + Declared.Replace("50", "-1", StringComparison.Ordinal)).Action, "the index's own value: AWS lists no override");
    }

    [TestMethod]
    public void An_empty_list_removes_every_replica_before_the_stream_changes()
    {
        var plan = Plan(Tables.Users.Replace("NEW_AND_OLD_IMAGES", "KEYS_ONLY", StringComparison.Ordinal) + "Replicas: []\n", "eu-west-1");

        Assert.IsNull(plan.Blocker);
        Assert.AreEqual(("eu-west-1", false), (((ReplicaStep)plan.Steps[0]).RegionNames.Single(), ((ReplicaStep)plan.Steps[0]).Adds), "the replica goes first: the stream of a table with replicas cannot change");
        Assert.IsTrue(plan.Steps.Skip(1).OfType<UpdateTableStep>().Any(s => s.Request.StreamSpecification is not null));
    }

    [TestMethod]
    public void A_stream_change_while_replicas_stay_is_blocked()
    {
        var plan = Plan(TwoReplicas.Replace("NEW_AND_OLD_IMAGES", "KEYS_ONLY", StringComparison.Ordinal), "eu-west-1", "ap-south-1");

        StringAssert.Contains(plan.Blocker, "stream cannot change while it has replicas");
        Assert.AreEqual(TableAction.Update, plan.Action);
        Assert.IsNotNull(Plan(Tables.Users.Replace("NEW_AND_OLD_IMAGES", "KEYS_ONLY", StringComparison.Ordinal), "eu-west-1").Blocker, "replicas not declared stay, so the stream cannot change either");
    }

    [TestMethod]
    public void A_table_with_replicas_is_not_recreated_until_they_are_removed()
    {
        var rekeyed = TwoReplicas.Replace("AttributeName: user_id\n    AttributeType: S", "AttributeName: user_id\n    AttributeType: N", StringComparison.Ordinal);

        var plan = Plan(rekeyed, "eu-west-1", "ap-south-1");

        Assert.AreEqual(TableAction.Recreate, plan.Action);
        StringAssert.Contains(plan.Blocker, "it has replicas in eu-west-1, ap-south-1");
    }

    // Planned against the live table DescribeTable would show for the same definition.
    private static TablePlan NoDrift(string yaml) => TablePlanner.Plan(Yaml.Table(yaml), AwsShapes.LiveFrom(Yaml.Table(yaml)));

    private static TablePlan Plan(string desired, params string[] liveRegions)
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users));
        live.Table.Replicas = liveRegions.Length == 0 ? null : [.. liveRegions.Select(r => new ReplicaDescription { RegionName = r, ReplicaStatus = ReplicaStatus.ACTIVE })];
        return TablePlanner.Plan(Yaml.Table(desired), live);
    }
}
