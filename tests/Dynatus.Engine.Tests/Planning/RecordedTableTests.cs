using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Exporting;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// Tables as AWS returned them (the AWS CLI's create-table and describe-table examples, tests/Recorded), not as a fixture
/// here describes them: the definition of each example's command plans noop against the table AWS made of it, and so
/// does that table's export; so do a table's recorded TTL, recovery, insights and tags. What DescribeTable does not show
/// (example 1's tags) is left out of the definition.
/// </summary>
[TestClass]
public sealed class RecordedTableTests
{
    private const string Music = """
        TableName: MusicCollection
        KeySchema:
          - { AttributeName: Artist, KeyType: HASH }
          - { AttributeName: SongTitle, KeyType: RANGE }
        AttributeDefinitions:
          - { AttributeName: Artist, AttributeType: S }
          - { AttributeName: SongTitle, AttributeType: S }

        """;

    private const string Scores = """
        TableName: GameScores
        KeySchema:
          - { AttributeName: UserId, KeyType: HASH }
          - { AttributeName: GameTitle, KeyType: RANGE }
        AttributeDefinitions:
          - { AttributeName: UserId, AttributeType: S }
          - { AttributeName: GameTitle, AttributeType: S }

        """;

    private static readonly string[] Pages = ["aws-cli/create-table.rst", "aws-cli/describe-table.rst"];

    private const string Provisioned = "ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }\n";

    public static IEnumerable<object[]> Examples() =>
    [
        ["aws-cli/create-table.rst", "Example 1: To create a table with tags", Music + "ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }\n"],
        ["aws-cli/create-table.rst", "Example 2: To create a table in On-Demand Mode", Music + "BillingMode: PAY_PER_REQUEST\n"],
        ["aws-cli/create-table.rst", "Example 3: To create a table and encrypt it with a Customer Managed CMK", Music
            + "ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }\nSSESpecification: { Enabled: true, SSEType: KMS, KMSMasterKeyId: abcd1234-abcd-1234-a123-ab1234a1b234 }\n"],
        ["aws-cli/create-table.rst", "Example 4: To create a table with a Local Secondary Index", Music.Replace("AttributeDefinitions:\n", "AttributeDefinitions:\n  - { AttributeName: AlbumTitle, AttributeType: S }\n", StringComparison.Ordinal)
            + "ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }\n"
            + "LocalSecondaryIndexes:\n  - IndexName: AlbumTitleIndex\n    KeySchema: [{ AttributeName: Artist, KeyType: HASH }, { AttributeName: AlbumTitle, KeyType: RANGE }]\n    Projection: { ProjectionType: INCLUDE, NonKeyAttributes: [Genre, Year] }\n"],
        ["aws-cli/create-table.rst", "Example 5: To create a table with a Global Secondary Index", Scores.Replace("AttributeDefinitions:\n", "AttributeDefinitions:\n  - { AttributeName: TopScore, AttributeType: N }\n", StringComparison.Ordinal)
            + Provisioned
            + "GlobalSecondaryIndexes:\n  - IndexName: GameTitleIndex\n    KeySchema: [{ AttributeName: GameTitle, KeyType: HASH }, { AttributeName: TopScore, KeyType: RANGE }]\n    Projection: { ProjectionType: INCLUDE, NonKeyAttributes: [UserId] }\n"
            + "    ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }\n"],
        ["aws-cli/create-table.rst", "Example 6: To create a table with multiple Global Secondary Indexes at once", Scores.Replace("AttributeDefinitions:\n", "AttributeDefinitions:\n  - { AttributeName: TopScore, AttributeType: N }\n  - { AttributeName: Date, AttributeType: S }\n", StringComparison.Ordinal)
            + Provisioned
            + "GlobalSecondaryIndexes:\n  - IndexName: GameTitleIndex\n    KeySchema: [{ AttributeName: GameTitle, KeyType: HASH }, { AttributeName: TopScore, KeyType: RANGE }]\n    Projection: { ProjectionType: ALL }\n    ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }\n"
            + "  - IndexName: GameDateIndex\n    KeySchema: [{ AttributeName: GameTitle, KeyType: HASH }, { AttributeName: Date, KeyType: RANGE }]\n    Projection: { ProjectionType: ALL }\n    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }\n"],
        ["aws-cli/create-table.rst", "Example 7: To create a table with Streams enabled", Scores + Provisioned + "StreamSpecification: { StreamEnabled: true, StreamViewType: NEW_AND_OLD_IMAGES }\n"],
        ["aws-cli/create-table.rst", "Example 8: To create a table with Keys-Only Stream enabled", Scores + Provisioned + "StreamSpecification: { StreamEnabled: true, StreamViewType: KEYS_ONLY }\n"],
        ["aws-cli/create-table.rst", "Example 9: To create a table with the Standard Infrequent Access class", Scores + Provisioned + "TableClass: STANDARD_INFREQUENT_ACCESS\n"],
        ["aws-cli/create-table.rst", "Example 10: To Create a table with Delete Protection enabled", Scores + Provisioned + "DeletionProtectionEnabled: true\n"],
        ["aws-cli/describe-table.rst", "To describe a table", Music + "ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }\n"],
    ];

    [TestMethod]
    public void Every_example_of_the_pages_is_read()
    {
        CollectionAssert.AreEquivalent(
            Examples().Select(e => ((string)e[0], (string)e[1])).ToList(),
            Recorded().Select(r => ((string)r[0], (string)r[1])).ToList(),
            "a test for each recorded table");
    }

    [TestMethod]
    [DynamicData(nameof(Examples))]
    public void The_definition_of_the_command_plans_noop_against_the_table_AWS_made(string page, string example, string yaml)
    {
        var live = new LiveTable(RecordedResponses.Tables(page)[example]);

        var plan = TablePlanner.Plan(Yaml.Table(yaml), live);

        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes.Concat(plan.Notes)));
    }

    [TestMethod]
    [DynamicData(nameof(Recorded))]
    public void The_export_of_the_table_AWS_made_plans_noop_against_it(string page, string example)
    {
        var live = new LiveTable(RecordedResponses.Tables(page)[example]);

        var exported = Yaml.Table(TableYamlWriter.Write(LiveTableModel.From(live, prefix: null), "test"));

        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(exported, live).Action, example);
    }

    [TestMethod]
    public void A_tables_recorded_TTL_recovery_insights_and_tags_plan_noop_against_the_definition_that_declares_them()
    {
        var yaml = Music + "ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }\n"
            + "TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }\nPointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n"
            + "ContributorInsightsSpecification: { Enabled: true }\nTags: [{ Key: Owner, Value: blueTeam }, { Key: Environment, Value: Production }]\n";
        var live = new LiveTable(
            RecordedResponses.Tables("aws-cli/describe-table.rst").Values.Single(),
            RecordedResponses.Responses<DescribeTimeToLiveResponse>("aws-cli/describe-time-to-live.rst").Values.Single().TimeToLiveDescription,
            RecordedResponses.Responses<UpdateContinuousBackupsResponse>("aws-cli/update-continuous-backups.rst").Values.Single().ContinuousBackupsDescription.PointInTimeRecoveryDescription,
            RecordedResponses.Responses<ListTagsOfResourceResponse>("aws-cli/list-tags-of-resource.rst")["Example 1: To list tags of a DynamoDB resource"].Tags,
            // The page's response is an index's; its shape (ENABLED, no mode listed, as AWS answered before modes) stands for the table's here.
            ContributorInsights: new Dictionary<string, DescribeContributorInsightsResponse> { [LiveTable.TableInsights] = RecordedResponses.Responses<DescribeContributorInsightsResponse>("aws-cli/describe-contributor-insights.rst").Values.Single() });

        var plan = TablePlanner.Plan(Yaml.Table(yaml), live);
        Assert.AreEqual(TableAction.Noop, plan.Action, string.Join("; ", plan.Changes));
        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(yaml.Replace("PointInTimeRecoveryEnabled: true", "PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35", StringComparison.Ordinal)), live).Action, "no period listed is AWS's 35 days");
        Assert.AreEqual(TableAction.Noop, TablePlanner.Plan(Yaml.Table(TableYamlWriter.Write(LiveTableModel.From(live, prefix: null), "test")), live).Action, "and the export of it");

        var off = live with { PointInTimeRecovery = RecordedResponses.Responses<DescribeContinuousBackupsResponse>("aws-cli/describe-continuous-backups.rst").Values.Single().ContinuousBackupsDescription.PointInTimeRecoveryDescription };
        CollectionAssert.AreEqual(new[] { "PointInTimeRecovery: off -> on (35 days)" }, TablePlanner.Plan(Yaml.Table(yaml), off).Changes.ToList());
    }

    public static IEnumerable<object[]> Recorded() => Pages.SelectMany(page => RecordedResponses.Tables(page).Keys.Select(title => new object[] { page, title }));
}
