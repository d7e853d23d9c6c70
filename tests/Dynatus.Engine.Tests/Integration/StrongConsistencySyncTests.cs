using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// A multi-Region strongly consistent global table synced into the local DynamoDB: made with its replica and witness in
/// one call and waited for, read in every region at once, exported and planned, and removed together only when allowed.
/// </summary>
[LocalServerOnly("tables in other regions: an AWS run keeps to one region and on-demand tables it deletes at the end")]
[TestClass]
public sealed class StrongConsistencySyncTests
{
    private const string Strong = "MultiRegionConsistency: STRONG\nReplicas:\n  - RegionName: us-east-2\nGlobalTableWitnesses:\n  - RegionName: us-west-2\n";

    [TestMethod]
    public async Task A_new_table_is_made_strongly_consistent_its_writes_read_at_once_in_the_replica_and_an_export_plans_noop()
    {
        using var east = Server.Local.CreateClient();
        using var ohio = Server.Local.CreateClient(region: "us-east-2");
        var name = Names.Unique("strong");
        var folder = Definitions.Folder(Definitions.OnDemand(name, Strong));

        var created = await TableSync.SyncAsync(east, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        var table = (await east.DescribeTableAsync(name)).Table;
        Assert.AreEqual((MultiRegionConsistency.STRONG, ReplicaStatus.ACTIVE, WitnessStatus.ACTIVE), (table.MultiRegionConsistency, table.Replicas.Single().ReplicaStatus, table.GlobalTableWitnesses.Single().WitnessStatus), "the sync waits for the replica and the witness");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);

        await east.PutItemAsync(name, new() { ["id"] = new AttributeValue("1") });
        var read = await ohio.GetItemAsync(new GetItemRequest(name, new() { ["id"] = new AttributeValue("1") }) { ConsistentRead = true });
        Assert.IsNotEmpty(read.Item, "a strongly consistent read in the replica's region sees the write at once");
        await ExportCheck.PlansNoopAsync(east, name, "MultiRegionConsistency: STRONG\nGlobalTableWitnesses:\n  - RegionName: us-west-2\n");
    }

    [TestMethod]
    public async Task Its_replica_and_witness_are_removed_together_and_only_when_allowed()
    {
        using var east = Server.Local.CreateClient();
        using var ohio = Server.Local.CreateClient(region: "us-east-2");
        var name = Names.Unique("strong");
        var folder = Definitions.Folder(Definitions.OnDemand(name, Strong));
        Assert.IsTrue((await TableSync.SyncAsync(east, folder)).Succeeded);
        var single = Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "Replicas: []"));

        var refused = await TableSync.SyncAsync(east, single);
        Assert.AreEqual(SyncErrorCodes.ReplicaRemovalRefused, refused.Tables.Single().Error?.Code);
        Assert.AreEqual(TableStatus.ACTIVE, (await ohio.DescribeTableAsync(name)).Table.TableStatus, "nothing was deleted");

        var removed = await TableSync.SyncAsync(east, single, new SyncOptions { AllowReplicaRemoval = true });
        Assert.IsTrue(removed.Succeeded, removed.Error?.ToString());
        var table = (await east.DescribeTableAsync(name)).Table;
        Assert.AreEqual((0, 0, null), (table.Replicas?.Count ?? 0, table.GlobalTableWitnesses?.Count ?? 0, table.MultiRegionConsistency?.Value), "a single-region table again");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, single)).Tables.Single().Action);
    }

    [TestMethod]
    public async Task An_eventually_consistent_global_table_declared_strong_fails_and_is_left_as_it_is()
    {
        using var east = Server.Local.CreateClient();
        var name = Names.Unique("strong");
        var folder = Definitions.Folder(Definitions.OnDemand(name, "Replicas:\n  - RegionName: us-east-2\n  - RegionName: us-west-2"));
        Assert.IsTrue((await TableSync.SyncAsync(east, folder)).Succeeded);

        var result = await TableSync.SyncAsync(east, Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "MultiRegionConsistency: STRONG\nReplicas:\n  - RegionName: us-east-2\n  - RegionName: us-west-2")));

        Assert.IsFalse(result.Succeeded);
        StringAssert.Contains(result.Tables.Single().Error!.Message, "a global table's consistency is set when its replicas are added");
        Assert.AreNotEqual(MultiRegionConsistency.STRONG, (await east.DescribeTableAsync(name)).Table.MultiRegionConsistency);
    }
}
