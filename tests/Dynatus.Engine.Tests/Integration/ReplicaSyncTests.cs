using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// A global table's replicas, synced and waited for, read back in their regions, exported and planned, and removed
/// only when allowed.
/// </summary>
[LocalServerOnly("tables in a second region: an AWS run keeps to one region and on-demand tables it deletes at the end")]
[TestClass]
public sealed class ReplicaSyncTests
{
    [TestMethod]
    public async Task A_table_gets_its_replica_which_receives_its_items_and_the_next_sync_and_an_export_are_a_noop()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--create-ms", "300", "--update-ms", "300");
        using var east = local.CreateClient();
        using var west = local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("replicas");
        var folder = Definitions.Folder(Definitions.OnDemand(name, "Replicas:\n  - RegionName: eu-west-1\n    TableClassOverride: STANDARD_INFREQUENT_ACCESS"));

        var created = await TableSync.SyncAsync(east, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        Assert.AreEqual(ReplicaStatus.ACTIVE, (await east.DescribeTableAsync(name)).Table.Replicas.Single().ReplicaStatus, "the sync waits until the replica is ACTIVE");
        Assert.AreEqual(TableStatus.ACTIVE, (await west.DescribeTableAsync(name)).Table.TableStatus);
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);

        await east.PutItemAsync(name, new() { ["id"] = new AttributeValue("1") });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await west.GetItemAsync(name, new() { ["id"] = new AttributeValue("1") })).Item is not { Count: > 0 })
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "the item reaches the replica");
            await Task.Delay(50);
        }

        var changed = await TableSync.SyncAsync(east, Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "Replicas:\n  - RegionName: eu-west-1\n    TableClassOverride: STANDARD_INFREQUENT_ACCESS\n    OnDemandThroughputOverride:\n      MaxReadRequestUnits: 200")));
        Assert.IsTrue(changed.Succeeded, changed.Error?.ToString());
        var replica = (await west.DescribeTableAsync(name)).Table;
        Assert.AreEqual(("STANDARD_INFREQUENT_ACCESS", 200L), (replica.TableClassSummary.TableClass.Value, replica.OnDemandThroughput.MaxReadRequestUnits), "the replica's own class and read maximum");
        await ExportCheck.PlansNoopAsync(east, name, "Replicas:\n  - RegionName: eu-west-1\n    TableClassOverride: STANDARD_INFREQUENT_ACCESS\n    OnDemandThroughputOverride:\n      MaxReadRequestUnits: 200\n");
    }

    [TestMethod]
    public async Task A_replicas_index_gets_its_own_read_maximum_there_and_an_export_plans_noop()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("replica-index");
        const string Replica = "Replicas:\n  - RegionName: eu-west-1\n    GlobalSecondaryIndexes:\n      - IndexName: email-index\n        OnDemandThroughputOverride:\n          MaxReadRequestUnits: 50\n";
        var folder = Definitions.Folder(Definitions.WithEmailIndex(name, Replica));

        var created = await TableSync.SyncAsync(east, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        Assert.AreEqual(50L, (await west.DescribeTableAsync(name)).Table.GlobalSecondaryIndexes.Single().OnDemandThroughput.MaxReadRequestUnits, "the replica's index reads at most 50 units");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);
        await ExportCheck.PlansNoopAsync(east, name, Replica["Replicas:\n".Length..]);

        var changed = await TableSync.SyncAsync(east, Definitions.Rewrite(folder, 0, Definitions.WithEmailIndex(name, Replica.Replace("50", "80", StringComparison.Ordinal))));
        CollectionAssert.AreEqual(new[] { "Replicas eu-west-1: GSI email-index MaxReadRequestUnits 50 -> 80" }, changed.Tables.Single().Changes.ToList());
        Assert.AreEqual(80L, (await west.DescribeTableAsync(name)).Table.GlobalSecondaryIndexes.Single().OnDemandThroughput.MaxReadRequestUnits);
    }

    [TestMethod]
    public async Task A_KMS_encrypted_tables_replica_gets_its_regions_key_and_an_export_plans_noop()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("replica-key");
        var folder = Definitions.Folder(Definitions.OnDemand(name, "SSESpecification:\n  Enabled: true\n  SSEType: KMS\n  KMSMasterKeyId: table-key\nReplicas:\n  - RegionName: eu-west-1\n    KMSMasterKeyId: eu-key"));

        var created = await TableSync.SyncAsync(east, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        StringAssert.EndsWith((await west.DescribeTableAsync(name)).Table.SSEDescription.KMSMasterKeyArn, ":key/eu-key", "the replica is encrypted under its region's key");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);
        await ExportCheck.PlansNoopAsync(east, name, "    KMSMasterKeyId: \"arn:aws:kms:eu-west-1:000000000000:key/eu-key\"");
    }

    [TestMethod]
    public async Task A_replica_dropped_from_the_definition_is_removed_only_when_allowed()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("replicas");
        var folder = Definitions.Folder(Definitions.OnDemand(name, "Replicas:\n  - RegionName: eu-west-1"));
        Assert.IsTrue((await TableSync.SyncAsync(east, folder)).Succeeded);
        var regional = Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "Replicas: []"));

        var refused = await TableSync.SyncAsync(east, regional);
        Assert.AreEqual(SyncErrorCodes.ReplicaRemovalRefused, refused.Tables.Single().Error?.Code);
        StringAssert.Contains(refused.Tables.Single().Error!.Message, "deletes the table there with ALL its items");
        Assert.AreEqual(TableStatus.ACTIVE, (await west.DescribeTableAsync(name)).Table.TableStatus, "nothing was deleted");

        var removed = await TableSync.SyncAsync(east, regional, new SyncOptions { AllowReplicaRemoval = true });
        Assert.IsTrue(removed.Succeeded, removed.Error?.ToString());
        Assert.IsNull((await east.DescribeTableAsync(name)).Table.Replicas, "the sync waits until the replica is gone");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, regional)).Tables.Single().Action);
    }
}
