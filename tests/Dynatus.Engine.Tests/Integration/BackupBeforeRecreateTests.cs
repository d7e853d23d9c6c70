using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

[TestClass]
public sealed class BackupBeforeRecreateTests
{
    [TestMethod]
    public async Task A_recreate_backs_the_table_up_first_and_a_restore_of_that_backup_gives_back_every_item()
    {
        var name = Names.Unique("bak");
        using var client = Server.Local.CreateClient();
        var folder = Definitions.Folder(Definitions.OnDemand(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        await Items.PutAsync(client, name, 40);
        var before = await Items.ReadAllAsync(client, name);

        Definitions.Rewrite(folder, 0, Definitions.OnDemandKeyedBy(name, "user_id"));
        var plan = await TableSync.SyncAsync(client, folder, new SyncOptions { DryRun = true, BackupBeforeRecreate = true });
        Assert.AreEqual("recreate: back the table up (CreateBackup), then delete it with ALL its items and create it", plan.Tables.Single().Changes[^1], "the plan says so first");

        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { AllowRecreate = true, BackupBeforeRecreate = true });
        var outcome = result.Tables.Single();
        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(TableAction.Recreate, outcome.Action);
        StringAssert.StartsWith(outcome.Backup, (await client.DescribeTableAsync(name)).Table.TableArn + "/backup/");
        Assert.IsEmpty(await Items.ReadAllAsync(client, name), "the recreated table starts empty");

        CollectionAssert.AreEquivalent(before, await Items.RestoreAsync(client, outcome.Backup!, name + "-restored", before.Count));
    }

    [LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
    [TestMethod]
    public async Task When_the_backup_fails_the_table_is_not_recreated_and_keeps_its_items()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        var name = Names.Unique("bakfail");
        using var client = local.CreateClient();
        var folder = Definitions.Folder(Definitions.OnDemand(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        await Items.PutAsync(client, name, 10);
        await local.InjectFaultAsync("CreateBackup", "ContinuousBackupsUnavailableException", count: 10, message: "Backups are being enabled for the table");

        Definitions.Rewrite(folder, 0, Definitions.OnDemandKeyedBy(name, "user_id"));
        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { AllowRecreate = true, BackupBeforeRecreate = true, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

        var failed = result.Tables.Single();
        Assert.AreEqual(SyncErrorCodes.BackupFailed, failed.Error?.Code);
        StringAssert.Contains(failed.Error!.Message, "was not recreated and keeps its items");
        Assert.HasCount(10, await Items.ReadAllAsync(client, name));
        Assert.AreEqual("id", (await client.DescribeTableAsync(name)).Table.KeySchema.Single().AttributeName);
    }
}
