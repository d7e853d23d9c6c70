using Dynatus.Engine.Definitions;
using Dynatus.Engine.Exporting;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Exporting;

[LocalServerOnly("provisioned capacity: the AWS run makes on-demand tables only")]
[TestClass]
public sealed class ExportRoundTripTests
{
    [TestMethod]
    public async Task Tables_made_with_the_SDK_export_to_definitions_whose_plan_is_noop_and_an_edit_plans_exactly_that_edit()
    {
        var prefix = Names.Unique("exp") + "-";
        using var client = Server.Local.CreateClient();
        var tables = SdkTables.All(prefix);
        Assert.IsGreaterThanOrEqualTo(20, tables.Count);
        await SdkTables.CreateAsync(client, tables);
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));

        var export = await TableExport.ExportAsync(client, folder, new ExportOptions { TablePrefix = prefix });
        Assert.IsNull(export.Error, export.Error?.ToString());
        CollectionAssert.AreEquivalent(tables.Select(t => Path.Combine(folder, t.Create.TableName[prefix.Length..] + ".yaml")).ToList(), export.Files.Select(f => f.Path).ToList());
        StringAssert.StartsWith(File.ReadAllText(Path.Combine(folder, "plain.yaml")), $"# Exported by Dynatus from arn:aws:dynamodb:");
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "plain.yaml")), "TableName: plain\n");

        var plan = await TableSync.SyncAsync(client, folder, new SyncOptions { DryRun = true, TablePrefix = prefix });
        Assert.IsTrue(plan.Succeeded, string.Join("\n", plan.Problems) + plan.Error);
        Assert.HasCount(tables.Count, plan.Tables);
        var drift = plan.Tables.Where(m => m.Action != TableAction.Noop).Select(m => $"{m.Table}: {string.Join("; ", m.Changes)}").ToList();
        Assert.IsEmpty(drift, string.Join("\n", drift));

        // One edit a table: a tag added, in a file that has tags or in one that has none.
        foreach (var file in export.Files.Select(f => f.Path))
        {
            var yaml = File.ReadAllText(file);
            yaml = yaml.Contains("\nTags:\n", StringComparison.Ordinal)
                ? yaml.Replace("\nTags:\n", "\nTags:\n  - Key: edited\n    Value: by-hand\n", StringComparison.Ordinal)
                : yaml + "Tags:\n  - Key: edited\n    Value: by-hand\n";
            File.WriteAllText(file, yaml);
        }

        var edited = await TableSync.SyncAsync(client, folder, new SyncOptions { DryRun = true, TablePrefix = prefix });
        Assert.IsTrue(edited.Succeeded, edited.Error);
        foreach (var outcome in edited.Tables)
        {
            Assert.AreEqual(TableAction.Update, outcome.Action, outcome.Table);
            CollectionAssert.AreEqual(new[] { "Tags: +edited=by-hand" }, outcome.Changes.ToList(), outcome.Table);
        }
    }

    [TestMethod]
    public async Task An_export_that_would_overwrite_a_file_or_names_a_missing_table_writes_nothing()
    {
        var prefix = Names.Unique("exq") + "-";
        using var client = Server.Local.CreateClient();
        var tables = SdkTables.All(prefix).Take(2).ToList();
        await SdkTables.CreateAsync(client, tables);
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "provisioned.yaml"), "# mine\n");

        var refused = await TableExport.ExportAsync(client, folder, new ExportOptions { TablePrefix = prefix });
        Assert.AreEqual(SyncErrorCodes.FileExists, refused.Error?.Code);
        CollectionAssert.AreEqual(new[] { "provisioned.yaml" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToList());
        Assert.AreEqual("# mine\n", File.ReadAllText(Path.Combine(folder, "provisioned.yaml")));

        var missing = await TableExport.ExportAsync(client, folder, new ExportOptions { TableNames = [prefix + "plain", prefix + "nowhere"], TablePrefix = prefix, Overwrite = true });
        Assert.AreEqual(SyncErrorCodes.TableNotFound, missing.Error?.Code);
        StringAssert.Contains(missing.Error!.Message, prefix + "nowhere");
        Assert.HasCount(1, Directory.GetFiles(folder));

        var forced = await TableExport.ExportAsync(client, folder, new ExportOptions { TablePrefix = prefix, Overwrite = true });
        Assert.IsNull(forced.Error);
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "provisioned.yaml")), "ReadCapacityUnits: 10");
        _ = TableDefinitionLoader.Load(forced.Files.Select(f => f.Path)).Problems is { Count: 0 } ? 0 : throw new AssertFailedException("the overwritten files load");
    }
}
