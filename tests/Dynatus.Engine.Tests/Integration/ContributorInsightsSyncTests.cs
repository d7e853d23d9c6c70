using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>Contributor insights declared on a table and its index, synced, read back with the SDK, and exported.</summary>
[TestClass]
public sealed class ContributorInsightsSyncTests
{
    [TestMethod]
    public async Task A_new_table_gets_its_insights_as_declared_the_next_sync_is_noop_and_its_export_plans_noop()
    {
        var name = Names.Unique("insights");
        using var client = Server.Local.CreateClient();
        var yaml = Definitions.WithEmailIndex(name, "ContributorInsightsSpecification:\n  Enabled: true")
            .Replace("      ProjectionType: ALL", "      ProjectionType: ALL\n    ContributorInsightsSpecification:\n      Enabled: true\n      Mode: THROTTLED_KEYS", StringComparison.Ordinal);
        var folder = Definitions.Folder(yaml);

        var created = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        Assert.AreEqual(TableAction.Create, created.Tables.Single().Action);
        var table = await client.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = name });
        var index = await client.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = name, IndexName = "email-index" });
        CollectionAssert.Contains(new[] { ContributorInsightsStatus.ENABLING, ContributorInsightsStatus.ENABLED }, table.ContributorInsightsStatus);
        Assert.AreEqual((ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS, ContributorInsightsMode.THROTTLED_KEYS), (table.ContributorInsightsMode, index.ContributorInsightsMode));

        var again = await TableSync.SyncAsync(client, folder);
        Assert.AreEqual(TableAction.Noop, again.Tables.Single().Action, string.Join("; ", again.Tables.Single().Changes));

        await ExportCheck.PlansNoopAsync(client, name, "    ContributorInsightsSpecification:\n      Enabled: true\n      Mode: THROTTLED_KEYS\n");
    }
}
