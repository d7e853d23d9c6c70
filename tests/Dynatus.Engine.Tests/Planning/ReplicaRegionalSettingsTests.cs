using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// What each replica's region keeps for itself (deletion protection, point-in-time recovery, contributor insights, as
/// CloudFormation's ReplicaSpecification declares them): compared with the replica's table read in its region, and
/// changed there by the calls any table would get, after the replicas are added.
/// </summary>
[TestClass]
public sealed class ReplicaRegionalSettingsTests
{
    private const string PoliciesAndKinesis = """
        Replicas:
          - RegionName: eu-west-1
            ResourcePolicy:
              PolicyDocument:
                Statement:
                  - Sid: ReadInIreland
                    Effect: Allow
                    Principal: { AWS: "arn:aws:iam::111122223333:root" }
                    Action: dynamodb:GetItem
                    Resource: "*"
            ReplicaStreamSpecification:
              ResourcePolicy:
                PolicyDocument:
                  Statement:
                    - Sid: ReadStreamInIreland
                      Effect: Allow
                      Principal: { AWS: "arn:aws:iam::111122223333:root" }
                      Action: dynamodb:GetRecords
                      Resource: "*"
            KinesisStreamSpecification:
              StreamArn: arn:aws:kinesis:eu-west-1:123456789012:stream/users-eu
              ApproximateCreationDateTimePrecision: MICROSECOND

        """;

    private const string Regional = "Replicas:\n  - RegionName: eu-west-1\n    DeletionProtectionEnabled: true\n    PointInTimeRecoverySpecification:\n      PointInTimeRecoveryEnabled: true\n    ContributorInsightsSpecification:\n      Enabled: true\n";

    [TestMethod]
    public void A_live_replica_without_them_gets_each_in_its_region()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n"));

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Regional), live);

        CollectionAssert.AreEqual(
            new[] { "Replicas eu-west-1: DeletionProtectionEnabled: off -> on; PointInTimeRecovery: off -> on (35 days); ContributorInsights: off -> on (ACCESSED_AND_THROTTLED_KEYS)" },
            plan.Changes.ToList());
        var steps = plan.Steps.Cast<RegionalStep>().ToList();
        Assert.IsTrue(steps.All(s => s.RegionName == "eu-west-1"), "made in the replica's region");
        Assert.IsTrue(steps.Select(s => s.Step).OfType<UpdateTableStep>().Single().Request.DeletionProtectionEnabled);
        Assert.IsTrue(steps.Select(s => s.Step).OfType<UpdateContinuousBackupsStep>().Single().Request.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled);
        Assert.AreEqual(ContributorInsightsAction.ENABLE, steps.Select(s => s.Step).OfType<UpdateContributorInsightsStep>().Single().Request.ContributorInsightsAction);
        Assert.IsNull(steps.Select(s => s.Step).OfType<UpdateTableStep>().Single().Request.ReplicaUpdates, "the replica's own table, not the global table's replica list");
    }

    [TestMethod]
    public void A_replica_that_has_them_is_a_noop_and_the_tables_own_settings_stay_its_own()
    {
        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(Tables.Users + Regional), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Regional))).Action);

        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Regional));
        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + "DeletionProtectionEnabled: true\n" + Regional), live);
        CollectionAssert.AreEqual(new[] { "DeletionProtectionEnabled: off -> on" }, plan.Changes.ToList(), "the table's own region only");
        Assert.IsFalse(plan.Steps.OfType<RegionalStep>().Any());
    }

    [TestMethod]
    public void A_replica_turned_off_in_its_region_is_one_call_there_and_undeclared_settings_are_left_alone()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Regional));

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n    DeletionProtectionEnabled: false\n"), live);

        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: DeletionProtectionEnabled: on -> off" }, plan.Changes.ToList());
        var step = (RegionalStep)plan.Steps.Single();
        Assert.IsFalse(((UpdateTableStep)step.Step).Request.DeletionProtectionEnabled);
    }

    [TestMethod]
    public void A_replica_added_in_this_sync_gets_them_once_it_exists()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Regional), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)));

        Assert.IsInstanceOfType<ReplicaStep>(plan.Steps[0], "the replica first");
        Assert.AreEqual(3, plan.Steps.Skip(1).OfType<RegionalStep>().Count(s => s.RegionName == "eu-west-1"), "then protection, recovery and insights there, as on a table AWS makes with all three off");
        CollectionAssert.AreEqual(
            new[] { "Replicas: add eu-west-1", "Replicas eu-west-1: DeletionProtectionEnabled: off -> on; PointInTimeRecovery: off -> on (35 days); ContributorInsights: off -> on (ACCESSED_AND_THROTTLED_KEYS)" },
            plan.Changes.ToList());
    }

    [TestMethod]
    public void A_new_table_is_created_then_replicated_then_given_them_in_the_replicas_region()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Regional), live: null);

        var replica = plan.Steps.ToList().FindIndex(s => s is ReplicaStep);
        Assert.IsTrue(replica > 0);
        Assert.AreEqual(3, plan.Steps.Skip(replica + 1).OfType<RegionalStep>().Count(), "after the replica exists");
        Assert.IsFalse(plan.Steps.Take(replica).OfType<RegionalStep>().Any());
        CollectionAssert.Contains(plan.Changes.ToList(), "enable point-in-time recovery (35 days) in eu-west-1");
    }

    [TestMethod]
    public void A_replicas_tags_are_its_regions_own_and_are_set_on_its_ARN_there()
    {
        const string Tagged = "Replicas:\n  - RegionName: eu-west-1\n    Tags:\n      - Key: team\n        Value: payments\n";
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n    Tags: []\n"));

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Tagged), live);

        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: Tags: +team=payments" }, plan.Changes.ToList());
        var tag = (TagResourceStep)((RegionalStep)plan.Steps.Single()).Step;
        Assert.AreEqual("arn:aws:dynamodb:eu-west-1:123456789012:table/users", tag.Request.ResourceArn, "the replica's own table");
        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(Tables.Users + Tagged), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Tagged))).Action);

        var added = TablePlanner.Plan(Yaml.Table(Tables.Users + Tagged), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)));
        Assert.IsNull(added.Steps.OfType<RegionalStep>().Select(s => s.Step).OfType<TagResourceStep>().Single().Request.ResourceArn, "a replica made in this sync: its ARN is read once it exists");
    }

    [TestMethod]
    public void A_replicas_index_insights_are_its_regions_own_and_never_part_of_its_replica_updates()
    {
        const string Indexed = "Replicas:\n  - RegionName: eu-west-1\n    GlobalSecondaryIndexes:\n      - IndexName: email-index\n        ContributorInsightsSpecification:\n          Enabled: true\n          Mode: THROTTLED_KEYS\n";

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Indexed), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n")));

        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: GSI email-index ContributorInsights: off -> on (THROTTLED_KEYS)" }, plan.Changes.ToList());
        var insights = (UpdateContributorInsightsStep)((RegionalStep)plan.Steps.Single()).Step;
        Assert.AreEqual(("email-index", ContributorInsightsMode.THROTTLED_KEYS), (insights.Request.IndexName, insights.Request.ContributorInsightsMode));
        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(Tables.Users + Indexed), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + Indexed))).Action);

        var added = TablePlanner.Plan(Yaml.Table(Tables.Users + Indexed), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)));
        Assert.IsNull(added.Steps.OfType<ReplicaStep>().Single().Request.ReplicaUpdates.Single().Create.GlobalSecondaryIndexes, "no read override to send with the replica");
        Assert.AreEqual("email-index", added.Steps.OfType<RegionalStep>().Select(s => s.Step).OfType<UpdateContributorInsightsStep>().Single().Request.IndexName, "set there once the replica exists");
    }

    [TestMethod]
    public void A_replicas_policies_and_Kinesis_destination_are_its_regions_own_and_set_on_its_resources_there()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n"));

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + PoliciesAndKinesis), live);

        CollectionAssert.AreEqual(
            new[] { "Replicas eu-west-1: ResourcePolicy: none -> [ReadInIreland]; StreamSpecification.ResourcePolicy: none -> [ReadStreamInIreland]; KinesisStreamSpecification: arn:aws:kinesis:eu-west-1:123456789012:stream/users-eu (MICROSECOND): enable" },
            plan.Changes.ToList());
        var steps = plan.Steps.Cast<RegionalStep>().Select(s => s.Step).ToList();
        Assert.AreEqual("arn:aws:dynamodb:eu-west-1:123456789012:table/users", steps.OfType<PutResourcePolicyStep>().Single().Request.ResourceArn, "the replica's own table");
        StringAssert.Contains(steps.OfType<StreamResourcePolicyStep>().Single().Policy, "ReadStreamInIreland");
        var kinesis = steps.OfType<EnableKinesisStreamingStep>().Single().Request;
        Assert.AreEqual(("users", ApproximateCreationDateTimePrecision.MICROSECOND), (kinesis.TableName, kinesis.EnableKinesisStreamingConfiguration.ApproximateCreationDateTimePrecision));
        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(Tables.Users + PoliciesAndKinesis), AwsShapes.LiveFrom(Yaml.Table(Tables.Users + PoliciesAndKinesis))).Action);

        var added = TablePlanner.Plan(Yaml.Table(Tables.Users + PoliciesAndKinesis), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)));
        Assert.IsInstanceOfType<ReplicaStep>(added.Steps[0], "the replica first");
        Assert.AreEqual(3, added.Steps.Skip(1).OfType<RegionalStep>().Count(), "then its policies and destination there");
        Assert.IsNull(added.Steps.OfType<RegionalStep>().Select(s => s.Step).OfType<PutResourcePolicyStep>().Single().Request.ResourceArn, "a replica made in this sync: its ARN is read once it exists");

        var created = TablePlanner.Plan(Yaml.Table(Tables.Users + PoliciesAndKinesis), live: null);
        CollectionAssert.IsSubsetOf(
            new[] { "replica eu-west-1", "PutResourcePolicy [ReadInIreland] in eu-west-1", "PutResourcePolicy (stream) [ReadStreamInIreland] in eu-west-1", "EnableKinesisStreamingDestination arn:aws:kinesis:eu-west-1:123456789012:stream/users-eu in eu-west-1" },
            created.Changes.ToList(),
            "a new table's summary names each policy by its statements");
    }

    [TestMethod]
    public void A_replicas_policy_removed_is_deleted_in_its_region_and_the_tables_own_is_left_alone()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + PoliciesAndKinesis));

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n    ResourcePolicy: {}\n"), live);

        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: ResourcePolicy: [ReadInIreland] -> none" }, plan.Changes.ToList(), "its stream policy and destination, not declared, are left alone");
        Assert.AreEqual("arn:aws:dynamodb:eu-west-1:123456789012:table/users", ((DeleteResourcePolicyStep)((RegionalStep)plan.Steps.Single()).Step).Request.ResourceArn);
    }

    [TestMethod]
    public void A_replica_not_yet_active_is_compared_in_a_later_sync()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n")) with { Replicas = null };
        live.Table.Replicas.Single().ReplicaStatus = ReplicaStatus.CREATING;

        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Regional), live);

        Assert.AreEqual(TableAction.Noop, plan.Action);
        StringAssert.Contains(plan.Notes.Single(), "eu-west-1: CREATING");
    }

    [TestMethod]
    public void A_replicas_stream_policy_is_compared_on_the_stream_its_region_has_whatever_its_view()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users + PoliciesAndKinesis));
        live.Replicas!["eu-west-1"].Table.StreamSpecification.StreamViewType = StreamViewType.KEYS_ONLY;

        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(Tables.Users + PoliciesAndKinesis), live).Action, "not put again on every sync");
    }
}
