using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

[TestClass]
public sealed class SafetyTests
{
    [TestMethod]
    public async Task A_key_change_is_refused_without_permission_and_leaves_table_and_items_untouched()
    {
        var name = Names.Unique("keys");
        using var client = Server.Local.CreateClient();
        var folder = Definitions.Folder(Definitions.OnDemand(name), Definitions.OnDemand(name + "-other"));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        await Items.PutAsync(client, name, 40);
        var before = await Items.ReadAllAsync(client, name);
        var created = (await client.DescribeTableAsync(name)).Table.CreationDateTime;

        Definitions.Rewrite(folder, 1, Definitions.WithEmailIndex(name + "-other"));
        Definitions.Rewrite(folder, 0, Definitions.OnDemandKeyedBy(name, "user_id"));
        var result = await TableSync.SyncAsync(client, folder);

        Assert.IsFalse(result.Succeeded);
        var refused = result.Tables[0];
        Assert.AreEqual(TableAction.Recreate, refused.Action);
        Assert.AreEqual(SyncErrorCodes.RecreateRefused, refused.Error!.Code);
        StringAssert.Contains(refused.Error.Message, "key schema");
        StringAssert.Contains(refused.Error.Message, "ALL its items");
        StringAssert.Contains(refused.Error.Message, "AllowRecreate");
        Assert.IsTrue(result.Tables[1].Succeeded, "the other tables still sync");
        Assert.AreEqual(created, (await client.DescribeTableAsync(name)).Table.CreationDateTime);
        CollectionAssert.AreEqual(before, await Items.ReadAllAsync(client, name));
    }

    [TestMethod]
    public async Task A_key_change_is_carried_out_when_allowed()
    {
        var name = Names.Unique("recreate");
        using var client = Server.Local.CreateClient();
        var folder = Definitions.Folder(Definitions.OnDemand(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        await Items.PutAsync(client, name, 5);

        var result = await TableSync.SyncAsync(client, Definitions.Rewrite(folder, 0, Definitions.OnDemandKeyedBy(name, "user_id")), new SyncOptions { AllowRecreate = true });
        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(TableAction.Recreate, result.Tables.Single().Action);
        Assert.AreEqual("recreate: delete the table with ALL its items, then create it", result.Tables.Single().Changes[^1]);
        var table = (await client.DescribeTableAsync(name)).Table;
        Assert.AreEqual("user_id", table.KeySchema.Single().AttributeName);
        Assert.IsEmpty(await Items.ReadAllAsync(client, name), "a recreate deletes the items, which is why it must be allowed");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(client, folder)).Tables.Single().Action);
    }

    [TestMethod]
    public async Task A_dry_run_changes_nothing_and_lists_unmanaged_tables()
    {
        var name = Names.Unique("dry");
        using var client = Server.Local.CreateClient();
        var unmanaged = Names.Unique("unmanaged");
        Assert.IsTrue((await TableSync.SyncAsync(client, Definitions.Folder(Definitions.OnDemand(unmanaged)))).Succeeded);

        var result = await TableSync.SyncAsync(client, Definitions.Folder(Definitions.OnDemand(name)), new SyncOptions { DryRun = true });
        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(TableAction.Create, result.Tables.Single().Action);
        CollectionAssert.Contains(result.UnmanagedTables.ToList(), unmanaged);
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.DescribeTableAsync(name));
    }

    [TestMethod]
    public async Task A_dry_run_with_a_table_prefix_lists_only_the_unmanaged_tables_under_that_prefix()
    {
        using var client = Server.Local.CreateClient();
        var prefix = Names.Unique("pfx") + "-";
        var ours = Names.Unique("ours");
        var others = Names.Unique("others");
        Assert.IsTrue((await TableSync.SyncAsync(client, Definitions.Folder(Definitions.OnDemand(ours)), new SyncOptions { TablePrefix = prefix })).Succeeded);
        Assert.IsTrue((await TableSync.SyncAsync(client, Definitions.Folder(Definitions.OnDemand(others)))).Succeeded);

        var result = await TableSync.SyncAsync(client, Definitions.Folder(Definitions.OnDemand(Names.Unique("dry"))), new SyncOptions { DryRun = true, TablePrefix = prefix });

        Assert.IsTrue(result.Succeeded, result.Error);
        CollectionAssert.AreEqual(new[] { prefix + ours }, result.UnmanagedTables.ToList());
    }
}
