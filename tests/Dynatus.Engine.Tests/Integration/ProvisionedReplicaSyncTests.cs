using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// A replica added to a provisioned table: refused before any call while its writes are not auto scaled (the local
/// DynamoDB refuses the replica then, as AWS does), in a dry run as in the sync, and added once they are.
/// </summary>
[LocalServerOnly("a second region and Application Auto Scaling's targets on the local server")]
[TestClass]
public sealed class ProvisionedReplicaSyncTests
{
    [TestMethod]
    public async Task A_replica_is_refused_until_the_writes_are_auto_scaled_then_added()
    {
        var endpoint = Server.Local.Endpoint!; // a local server's: LocalServerOnly
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: "eu-west-1");
        var name = Names.Unique("provisioned-replica");
        var folder = Definitions.Folder(Definitions.ProvisionedWithEmailIndex(name));
        Assert.IsTrue((await TableSync.SyncAsync(east, folder)).Succeeded);
        var withReplica = Definitions.Rewrite(folder, 0, Definitions.ProvisionedWithEmailIndex(name, "Replicas:\n  - RegionName: eu-west-1\n"));
        await ScalableTargets.RegisterAsync(endpoint, $"table/{name}", read: false, 1, 100);

        var planned = (await TableSync.SyncAsync(east, withReplica, new SyncOptions { DryRun = true })).Tables.Single();
        var refused = (await TableSync.SyncAsync(east, withReplica)).Tables.Single();

        Assert.AreEqual((SyncErrorCodes.PlanBlocked, "Replicas: add eu-west-1"), (planned.Error?.Code, planned.Changes.Single()), "the plan says so too, with its change");
        Assert.AreEqual(SyncErrorCodes.PlanBlocked, refused.Error?.Code);
        StringAssert.Contains(refused.Error!.Message, $"the write capacity of table/{name}/index/email-index is not");
        Assert.IsNull((await east.DescribeTableAsync(name)).Table.Replicas, "nothing was sent");
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => west.DescribeTableAsync(name));

        await ScalableTargets.RegisterAsync(endpoint, $"table/{name}/index/email-index", read: false, 1, 100);
        var added = await TableSync.SyncAsync(east, withReplica);

        Assert.IsTrue(added.Succeeded, added.Error + string.Join("\n", added.Tables.Select(t => t.Error)));
        Assert.AreEqual(ReplicaStatus.ACTIVE, (await east.DescribeTableAsync(name)).Table.Replicas.Single().ReplicaStatus);
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, withReplica)).Tables.Single().Action);
    }
}
