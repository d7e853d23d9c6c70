using Dynatus.Testing;

namespace Dynatus.Build.Tests;

[TestClass]
public sealed class ExportTargetTests
{
    [LocalServerOnly("provisioned capacity: the AWS run makes on-demand tables only")]
    [TestMethod]
    public async Task DynatusExport_writes_the_named_tables_into_dynamo_and_the_next_build_finds_them_in_sync()
    {
        var prefix = Names.Unique("msx") + "-";
        using var client = Package.Server.CreateClient();
        var tables = SdkTables.All(prefix).Where(t => t.Create.TableName.EndsWith("-everything", StringComparison.Ordinal) || t.Create.TableName.EndsWith("-many-gsi", StringComparison.Ordinal)).ToList();
        await SdkTables.CreateAsync(client, tables);
        var consumer = Consumer.Create(properties: $"<DynatusTablePrefix>{prefix}</DynatusTablePrefix>");
        var names = "\"" + string.Join(";", tables.Select(t => t.Create.TableName)) + "\"";

        var export = await consumer.BuildAsync("-t:DynatusExport", $"-p:DynatusExportTables={names}");
        Assert.AreEqual(0, export.ExitCode, export.Output);
        CollectionAssert.AreEquivalent(new[] { "everything.yaml", "many-gsi.yaml" }, Directory.GetFiles(Path.Combine(consumer.Folder, "dynamo")).Select(Path.GetFileName).ToList());

        var again = await consumer.BuildAsync("-t:DynatusExport", $"-p:DynatusExportTables={names}");
        Assert.AreNotEqual(0, again.ExitCode);
        StringAssert.Contains(again.Output, "error DYN208:");
        StringAssert.Contains(again.Output, "overwrite it (-p:DynatusExportOverwrite=true)", "advice in MSBuild's words");

        var build = await consumer.BuildAsync();
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, ": 2 noop");
    }
}
