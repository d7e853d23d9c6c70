using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>Contributor insights on the table and on each global index: one UpdateContributorInsights each, planned and said.</summary>
[TestClass]
public sealed class ContributorInsightsTests
{
    private static readonly string Declared = Tables.Users.Replace(
        ("    ProjectionType: ALL\n", "    ProjectionType: ALL\n    ContributorInsightsSpecification:\n      Enabled: true\n      Mode: THROTTLED_KEYS\n"),
        ("Tags:", "ContributorInsightsSpecification:\n  Enabled: true\nTags:"));

    [TestMethod]
    public void Insights_off_live_are_turned_on_for_the_table_and_the_index_each_with_its_mode()
    {
        var plan = Plan(Declared, Off(), Off("email-index"));

        CollectionAssert.AreEqual(
            new[] { "ContributorInsights: off -> on (ACCESSED_AND_THROTTLED_KEYS)", "GSI email-index ContributorInsights: off -> on (THROTTLED_KEYS)" },
            plan.Changes.ToList());
        var requests = Requests(plan);
        Assert.AreEqual((null, "ENABLE", "ACCESSED_AND_THROTTLED_KEYS"), (requests[0].IndexName, requests[0].ContributorInsightsAction.Value, requests[0].ContributorInsightsMode.Value));
        Assert.AreEqual(("email-index", "THROTTLED_KEYS"), (requests[1].IndexName, requests[1].ContributorInsightsMode.Value));
    }

    [TestMethod]
    public void Insights_as_declared_are_a_noop_and_ENABLING_counts_as_on()
    {
        Assert.AreEqual(TableAction.Noop, Plan(Declared, On(ContributorInsightsStatus.ENABLING), On(ContributorInsightsStatus.ENABLED, "email-index", "THROTTLED_KEYS")).Action);
    }

    [TestMethod]
    public void A_mode_change_is_one_ENABLE_with_the_new_mode_and_off_is_one_DISABLE()
    {
        var plan = Plan(Declared.Replace(("  Enabled: true\nTags:", "  Enabled: false\nTags:")), On(ContributorInsightsStatus.ENABLED), On(ContributorInsightsStatus.ENABLED, "email-index"));

        CollectionAssert.AreEqual(
            new[] { "ContributorInsights: on (ACCESSED_AND_THROTTLED_KEYS) -> off", "GSI email-index ContributorInsights: on (ACCESSED_AND_THROTTLED_KEYS) -> on (THROTTLED_KEYS)" },
            plan.Changes.ToList());
        Assert.AreEqual(("DISABLE", null), (Requests(plan)[0].ContributorInsightsAction.Value, Requests(plan)[0].ContributorInsightsMode));
    }

    [TestMethod]
    public void Insights_not_declared_are_left_alone_whatever_they_are_live()
    {
        Assert.AreEqual(TableAction.Noop, Plan(Tables.Users, On(ContributorInsightsStatus.ENABLED), On(ContributorInsightsStatus.ENABLED, "email-index")).Action);
    }

    [TestMethod]
    public void An_index_created_in_the_same_sync_gets_its_insights_after_it_is_created()
    {
        var withoutIndex = Tables.Users.Replace(
            ("  - AttributeName: email\n    AttributeType: S\n", string.Empty),
            ("GlobalSecondaryIndexes:\n  - IndexName: email-index\n    KeySchema:\n      - AttributeName: email\n        KeyType: HASH\n    Projection:\n      ProjectionType: ALL\n", "GlobalSecondaryIndexes: []\n"));
        var plan = TablePlanner.Plan(Yaml.Table(Declared), AwsShapes.LiveFrom(Yaml.Table(withoutIndex)) with { ContributorInsights = Insights(On(ContributorInsightsStatus.ENABLED)) });

        Assert.IsInstanceOfType<UpdateTableStep>(plan.Steps[0], "the index is created first");
        Assert.AreEqual("email-index", ((UpdateContributorInsightsStep)plan.Steps[1]).Request.IndexName);
    }

    [TestMethod]
    public void An_index_recreated_for_a_new_key_gets_its_insights_again_though_the_old_index_had_them()
    {
        var declaredOnName = Declared.Replace(
            ("  - AttributeName: email\n    AttributeType: S\n", "  - AttributeName: name\n    AttributeType: S\n"),
            ("      - AttributeName: email\n        KeyType: HASH\n", "      - AttributeName: name\n        KeyType: HASH\n"));
        var plan = Plan(declaredOnName, On(ContributorInsightsStatus.ENABLED), On(ContributorInsightsStatus.ENABLED, "email-index", "THROTTLED_KEYS"));

        CollectionAssert.Contains(plan.Changes.ToList(), "GSI email-index ContributorInsights: off -> on (THROTTLED_KEYS)", "the new index starts with them off");
        Assert.IsInstanceOfType<UpdateContributorInsightsStep>(plan.Steps[^1], "after the index is created again");
    }

    [TestMethod]
    public void A_new_table_is_created_then_given_its_insights()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Declared), live: null);

        Assert.IsInstanceOfType<CreateTableStep>(plan.Steps[0]);
        CollectionAssert.AreEqual(new[] { null, "email-index" }, plan.Steps.OfType<UpdateContributorInsightsStep>().Select(s => s.Request.IndexName).ToList());
        CollectionAssert.Contains(plan.Changes.ToList(), "contributor insights on GSI email-index");
    }

    private static TablePlan Plan(string desired, params DescribeContributorInsightsResponse[] live) =>
        TablePlanner.Plan(Yaml.Table(desired), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)) with { ContributorInsights = Insights(live) });

    private static Dictionary<string, DescribeContributorInsightsResponse> Insights(params DescribeContributorInsightsResponse[] live) =>
        live.ToDictionary(i => i.IndexName ?? LiveTable.TableInsights, StringComparer.Ordinal);

    private static List<UpdateContributorInsightsRequest> Requests(TablePlan plan) =>
        plan.Steps.OfType<UpdateContributorInsightsStep>().Select(s => s.Request).ToList();

    // DescribeContributorInsights as the API reference shows it: a status, and a mode once enabled.
    private static DescribeContributorInsightsResponse Off(string? index = null) =>
        new() { TableName = "users", IndexName = index, ContributorInsightsStatus = ContributorInsightsStatus.DISABLED, ContributorInsightsRuleList = [] };

    private static DescribeContributorInsightsResponse On(ContributorInsightsStatus status, string? index = null, string mode = "ACCESSED_AND_THROTTLED_KEYS") =>
        new() { TableName = "users", IndexName = index, ContributorInsightsStatus = status, ContributorInsightsMode = mode };
}
