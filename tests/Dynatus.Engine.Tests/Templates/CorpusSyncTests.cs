using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Templates;

[LocalServerOnly("the template corpus declares provisioned tables; the AWS run makes on-demand tables only")]
[TestClass]
public sealed class CorpusSyncTests
{
    [TestMethod]
    public async Task Every_template_table_is_created_as_declared_and_the_next_sync_is_all_noop()
    {
        var prefix = Names.Unique("tpl") + "-";
        using var client = Server.Local.CreateClient();

        var first = await TableSync.SyncSourcesAsync(client, Corpus.Sources(prefix));
        Assert.IsTrue(first.Succeeded, first.Error + string.Join("\n", first.Problems));
        Assert.HasCount(19, first.Tables);
        Assert.IsTrue(first.Tables.All(m => m.Action == TableAction.Create), string.Join("\n", first.Tables.Select(m => $"{m.Table}: {m.Action}")));
        var global = (await client.DescribeTableAsync(prefix + "my-global-table")).Table;
        CollectionAssert.AreEquivalent(new[] { "us-east-2", "us-west-2" }, global.Replicas.Select(r => r.RegionName).ToList(), "the provisioned global table's other replicas");
        var targets = await ScalableTargets.DescribeAsync(Server.Local.Endpoint!, $"table/{prefix}my-global-table", $"table/{prefix}my-global-table/index/gsi2"); // a local server's: LocalServerOnly
        CollectionAssert.AreEquivalent(new[] { (1L, 20L), (1L, 30L) }, targets.Select(t => (t.Min, t.Max)).ToList(), "its write auto scaling, registered before the replicas were added");
        var ohio = await ScalableTargets.DescribeInAsync(Server.Local.Endpoint!, "us-east-2", $"table/{prefix}my-global-table");
        Assert.AreEqual(($"table/{prefix}my-global-table", "dynamodb:table:ReadCapacityUnits", 5L, 25L), ohio.Single(), "the us-east-2 replica's read auto scaling, registered in its region");

        var second = await TableSync.SyncSourcesAsync(client, Corpus.Sources(prefix));
        Assert.IsTrue(second.Succeeded, second.Error);
        Assert.IsTrue(second.Tables.All(m => m.Action == TableAction.Noop), string.Join("\n", second.Tables.Where(m => m.Action != TableAction.Noop).Select(m => $"{m.Table}: {string.Join("; ", m.Changes)}")));
    }

    [TestMethod]
    public async Task A_sync_that_leaves_CloudFormation_tables_alone_sends_nothing_for_them_unless_the_template_opts_in()
    {
        var prefix = Names.Unique("cfn") + "-";
        using var client = Server.Local.CreateClient();
        var sources = Corpus.Sources(prefix).Where(s => s.Path.EndsWith("DynamoDB_Table.yaml", StringComparison.Ordinal) || s.Path.EndsWith("globals_for_simpletable.yaml", StringComparison.Ordinal)).ToList();

        var left = await TableSync.SyncSourcesAsync(client, sources, new SyncOptions { LeaveCloudFormationTables = true });
        Assert.IsTrue(left.Succeeded);
        Assert.IsEmpty(left.Tables);
        CollectionAssert.AreEquivalent(new[] { prefix + "myDynamoDBTable", prefix + "MinimalTable" }, left.LeftToCloudFormation.ToList());
        var names = await client.ListTablesAsync();
        Assert.IsFalse(names.TableNames.Any(n => n.StartsWith(prefix, StringComparison.Ordinal)));

        var optedIn = await TableSync.SyncSourcesAsync(client, [sources[0] with { SyncOnPublish = true }, sources[1]], new SyncOptions { LeaveCloudFormationTables = true });
        Assert.AreEqual(prefix + "myDynamoDBTable", optedIn.Tables.Single().Table);
        Assert.AreEqual(TableAction.Create, optedIn.Tables.Single().Action);
        CollectionAssert.AreEqual(new[] { prefix + "MinimalTable" }, optedIn.LeftToCloudFormation.ToList());
    }
}
