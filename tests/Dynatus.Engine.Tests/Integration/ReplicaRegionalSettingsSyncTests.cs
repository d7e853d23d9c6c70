using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// What a replica's region keeps for itself (deletion protection, point-in-time recovery, contributor insights, tags,
/// resource policies, a Kinesis destination) is set on the replica's table there, read back there, exported and planned
/// noop; the table's own region keeps its own.
/// </summary>
[LocalServerOnly("tables in a second region: an AWS run keeps to one region and on-demand tables it deletes at the end")]
[TestClass]
public sealed class ReplicaRegionalSettingsSyncTests
{
    private const string Protected = "Replicas:\n  - RegionName: eu-west-1\n    DeletionProtectionEnabled: true\n    PointInTimeRecoverySpecification:\n      PointInTimeRecoveryEnabled: true\n      RecoveryPeriodInDays: 7\n    ContributorInsightsSpecification:\n      Enabled: true\n      Mode: THROTTLED_KEYS\n    Tags:\n      - Key: team\n        Value: payments\n";

    [TestMethod]
    public async Task A_replica_gets_its_own_settings_in_its_region_and_keeps_them_until_the_definition_changes_them()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("regional");
        var folder = Definitions.Folder(Definitions.OnDemand(name, Protected));

        var created = await TableSync.SyncAsync(east, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        Assert.IsTrue((await west.DescribeTableAsync(name)).Table.DeletionProtectionEnabled, "protected in eu-west-1");
        var recovery = (await west.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = name })).ContinuousBackupsDescription.PointInTimeRecoveryDescription;
        Assert.AreEqual((PointInTimeRecoveryStatus.ENABLED, 7), (recovery.PointInTimeRecoveryStatus, recovery.RecoveryPeriodInDays));
        var insights = await west.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = name });
        Assert.AreEqual((ContributorInsightsStatus.ENABLED, ContributorInsightsMode.THROTTLED_KEYS), (insights.ContributorInsightsStatus, insights.ContributorInsightsMode));
        var westArn = (await west.DescribeTableAsync(name)).Table.TableArn;
        Assert.AreEqual("team=payments", string.Join(",", (await west.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = westArn })).Tags.Select(t => $"{t.Key}={t.Value}")));
        Assert.IsFalse((await east.DescribeTableAsync(name)).Table.DeletionProtectionEnabled, "the table's own region keeps its own: not declared, not protected");
        Assert.IsEmpty((await east.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = (await east.DescribeTableAsync(name)).Table.TableArn })).Tags);
        Assert.AreEqual(PointInTimeRecoveryStatus.DISABLED, (await east.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = name })).ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus);

        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);
        await ExportCheck.PlansNoopAsync(east, name, Protected["Replicas:\n".Length..]);

        var removal = Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "Replicas: []"));
        var refused = await TableSync.SyncAsync(east, removal, new SyncOptions { AllowReplicaRemoval = true });
        Assert.IsFalse(refused.Succeeded, "AWS refuses to remove a protected replica, and the sync says so");
        StringAssert.Contains(refused.Error, "protected against deletion");
        Assert.AreEqual(TableStatus.ACTIVE, (await west.DescribeTableAsync(name)).Table.TableStatus);

        var unprotected = await TableSync.SyncAsync(east, Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "Replicas:\n  - RegionName: eu-west-1\n    DeletionProtectionEnabled: false\n")));
        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: DeletionProtectionEnabled: on -> off" }, unprotected.Tables.Single().Changes.ToList(), "recovery and insights are no longer declared: left as they are");
        Assert.IsFalse((await west.DescribeTableAsync(name)).Table.DeletionProtectionEnabled);
        Assert.IsTrue((await TableSync.SyncAsync(east, removal, new SyncOptions { AllowReplicaRemoval = true })).Succeeded, "then the replica can go");
    }

    [TestMethod]
    public async Task A_replicas_index_gets_its_own_contributor_insights_in_its_region_and_an_export_plans_noop()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("regional-index");
        const string Indexed = "Replicas:\n  - RegionName: eu-west-1\n    GlobalSecondaryIndexes:\n      - IndexName: email-index\n        ContributorInsightsSpecification:\n          Enabled: true\n";
        var folder = Definitions.Folder(Definitions.WithEmailIndex(name, Indexed));

        var created = await TableSync.SyncAsync(east, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        var insights = await west.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = name, IndexName = "email-index" });
        CollectionAssert.Contains(new[] { ContributorInsightsStatus.ENABLING, ContributorInsightsStatus.ENABLED }, insights.ContributorInsightsStatus, "on the replica's index, in its region (AWS turns it on in the background)");
        Assert.AreEqual(ContributorInsightsStatus.DISABLED, (await east.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = name, IndexName = "email-index" })).ContributorInsightsStatus, "the table's own index keeps its own");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);
        await ExportCheck.PlansNoopAsync(east, name, Indexed["Replicas:\n".Length..]);
    }

    [TestMethod]
    public async Task A_replicas_policies_and_Kinesis_destination_are_set_on_its_resources_in_its_region_and_an_export_plans_noop()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("regional-policy");
        const string Declared = "Replicas:\n  - RegionName: eu-west-1\n    ResourcePolicy:\n      PolicyDocument: { Statement: [{ Sid: ReadInIreland, Effect: Allow, Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'dynamodb:GetItem', Resource: '*' }] }\n"
            + "    ReplicaStreamSpecification:\n      ResourcePolicy:\n        PolicyDocument: { Statement: [{ Sid: ReadStreamInIreland, Effect: Allow, Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'dynamodb:GetRecords', Resource: '*' }] }\n"
            + "    KinesisStreamSpecification:\n      StreamArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu\n";
        var folder = Definitions.Folder(Definitions.OnDemand(name, Declared));

        var created = await TableSync.SyncAsync(east, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        var replica = (await west.DescribeTableAsync(name)).Table;
        StringAssert.Contains((await west.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = replica.TableArn })).Policy, "ReadInIreland", "on the replica's table, in its region");
        StringAssert.Contains((await west.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = replica.LatestStreamArn })).Policy, "ReadStreamInIreland", "on the replica's stream");
        var destination = (await west.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = name })).KinesisDataStreamDestinations.Single();
        Assert.AreEqual(("arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu", DestinationStatus.ACTIVE), (destination.StreamArn, destination.DestinationStatus));
        var own = (await east.DescribeTableAsync(name)).Table;
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => east.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = own.TableArn }), "the table's own region keeps its own: none declared");
        Assert.IsEmpty((await east.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = name })).KinesisDataStreamDestinations);

        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);
        await ExportCheck.PlansNoopAsync(east, name, "    ResourcePolicy:\n      PolicyDocument: '{\"Statement\":[{\"Sid\":\"ReadInIreland\"", "    ReplicaStreamSpecification:\n      ResourcePolicy:\n        PolicyDocument: '{\"Statement\":[{\"Sid\":\"ReadStreamInIreland\"", "    KinesisStreamSpecification:\n      StreamArn: \"arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu\"\n");

        var removed = await TableSync.SyncAsync(east, Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "Replicas:\n  - RegionName: eu-west-1\n    ResourcePolicy: {}\n    KinesisStreamSpecification: {}\n")));
        Assert.IsTrue(removed.Succeeded, removed.Error?.ToString());
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => west.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = replica.TableArn }), "deleted in the replica's region");
        Assert.AreEqual(DestinationStatus.DISABLED, (await west.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = name })).KinesisDataStreamDestinations.Single().DestinationStatus);
        StringAssert.Contains((await west.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = replica.LatestStreamArn })).Policy, "ReadStreamInIreland", "not declared any more: left as it is");
    }
}
