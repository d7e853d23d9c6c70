using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// Contributor insights on a table and its global secondary indexes, per the DynamoDB API reference
/// (UpdateContributorInsights, DescribeContributorInsights, ListContributorInsights): kept and described, not measured.
/// </summary>
[TestClass]
public sealed class ContributorInsightsTests
{
    [TestMethod]
    public async Task Enabling_is_ENABLING_then_ENABLED_with_its_mode_and_disabling_is_DISABLING_then_DISABLED()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--update-ms", "300");
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client);
        Assert.AreEqual(ContributorInsightsStatus.DISABLED, (await client.DescribeContributorInsightsAsync(new() { TableName = table })).ContributorInsightsStatus);

        var enabling = await client.UpdateContributorInsightsAsync(new() { TableName = table, ContributorInsightsAction = ContributorInsightsAction.ENABLE, ContributorInsightsMode = ContributorInsightsMode.THROTTLED_KEYS });
        Assert.AreEqual(ContributorInsightsStatus.ENABLING, enabling.ContributorInsightsStatus);
        var enabled = await UntilAsync(client, table, null, ContributorInsightsStatus.ENABLED);
        Assert.AreEqual(ContributorInsightsMode.THROTTLED_KEYS, enabled.ContributorInsightsMode);
        CollectionAssert.AreEqual(new[] { "PKT" }, enabled.ContributorInsightsRuleList.Select(r => r.Split('-')[1]).ToList(), "a table without a sort key has no sort key rule");

        var disabling = await client.UpdateContributorInsightsAsync(new() { TableName = table, ContributorInsightsAction = ContributorInsightsAction.DISABLE });
        Assert.AreEqual(ContributorInsightsStatus.DISABLING, disabling.ContributorInsightsStatus);
        await UntilAsync(client, table, null, ContributorInsightsStatus.DISABLED);
    }

    [TestMethod]
    public async Task An_index_has_its_own_setting_listed_beside_the_table_and_an_unknown_index_is_not_found()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r =>
        {
            r.AttributeDefinitions.Add(new AttributeDefinition("email", ScalarAttributeType.S));
            r.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "email-index", KeySchema = [new KeySchemaElement("email", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
        });

        await client.UpdateContributorInsightsAsync(new() { TableName = table, IndexName = "email-index", ContributorInsightsAction = ContributorInsightsAction.ENABLE });
        var index = await UntilAsync(client, table, "email-index", ContributorInsightsStatus.ENABLED);
        Assert.AreEqual((ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS, "email-index"), (index.ContributorInsightsMode, index.IndexName), "the mode AWS takes when none is given");
        Assert.AreEqual(ContributorInsightsStatus.DISABLED, (await client.DescribeContributorInsightsAsync(new() { TableName = table })).ContributorInsightsStatus, "the table's own is apart");

        var listed = (await client.ListContributorInsightsAsync(new() { TableName = table })).ContributorInsightsSummaries.Single();
        Assert.AreEqual(("email-index", ContributorInsightsStatus.ENABLED), (listed.IndexName, listed.ContributorInsightsStatus));
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.DescribeContributorInsightsAsync(new() { TableName = table, IndexName = "missing" }));
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.UpdateContributorInsightsAsync(new() { TableName = table + "-missing", ContributorInsightsAction = ContributorInsightsAction.ENABLE }));
    }

    [TestMethod]
    public async Task An_unknown_action_or_mode_is_refused_with_the_values_AWS_takes()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);

        var refused = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateContributorInsightsAsync(new() { TableName = table, ContributorInsightsAction = ContributorInsightsAction.ENABLE, ContributorInsightsMode = "ALL_KEYS" }));
        StringAssert.Contains(refused.Message, "Member must satisfy enum value set: [ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS]");
    }

    private static async Task<DescribeContributorInsightsResponse> UntilAsync(AmazonDynamoDBClient client, string table, string? index, ContributorInsightsStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var described = await client.DescribeContributorInsightsAsync(new() { TableName = table, IndexName = index });
            if (described.ContributorInsightsStatus == status || DateTime.UtcNow > deadline)
            {
                Assert.AreEqual(status, described.ContributorInsightsStatus);
                return described;
            }

            await Task.Delay(25);
        }
    }
}
