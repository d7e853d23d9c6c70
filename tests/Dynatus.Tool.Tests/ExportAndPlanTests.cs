using Dynatus.Testing;

namespace Dynatus.Tool.Tests;

[TestClass]
public sealed class ExportAndPlanTests
{
    [TestMethod]
    public async Task Tables_made_with_the_SDK_are_exported_planned_noop_then_each_edit_is_planned_and_synced()
    {
        var prefix = Names.Unique("tool") + "-";
        using var client = InstalledTool.Server.CreateClient();
        var tables = SdkTables.All(prefix);
        await SdkTables.CreateAsync(client, tables);
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"), "dynamo");
        var endpoint = InstalledTool.Server.Endpoint;

        var export = await InstalledTool.RunAsync("export", "--endpoint", endpoint, "--prefix", prefix, "--out", folder);
        Assert.AreEqual(0, export.ExitCode, export.Error);
        StringAssert.Contains(export.Output, $"Exported {tables.Count} table(s).");
        Assert.HasCount(tables.Count, Directory.GetFiles(folder, "*.yaml"));

        var inSync = await InstalledTool.RunAsync("plan", folder, "--endpoint", endpoint, "--prefix", prefix, "--detailed-exitcode");
        Assert.AreEqual(0, inSync.ExitCode, inSync.Output + inSync.Error);
        StringAssert.Contains(inSync.Output, $": {tables.Count} noop");

        // One edit a table: a tag added, in a file that has tags or in one that has none.
        foreach (var file in Directory.GetFiles(folder, "*.yaml"))
        {
            var yaml = File.ReadAllText(file);
            File.WriteAllText(file, yaml.Contains("\nTags:\n", StringComparison.Ordinal)
                ? yaml.Replace("\nTags:\n", "\nTags:\n  - Key: edited\n    Value: by-hand\n", StringComparison.Ordinal)
                : yaml + "Tags:\n  - Key: edited\n    Value: by-hand\n");
        }

        var changed = await InstalledTool.RunAsync("plan", folder, "--endpoint", endpoint, "--prefix", prefix, "--detailed-exitcode");
        Assert.AreEqual(2, changed.ExitCode, changed.Output + changed.Error);
        foreach (var (create, _, _) in tables)
        {
            StringAssert.Contains(changed.Output, $"{create.TableName}: would update: Tags: +edited=by-hand\n");
        }

        var sync = await InstalledTool.RunAsync("sync", folder, "--endpoint", endpoint, "--prefix", prefix);
        Assert.AreEqual(0, sync.ExitCode, sync.Output + sync.Error);
        var after = await InstalledTool.RunAsync("plan", folder, "--endpoint", endpoint, "--prefix", prefix, "--detailed-exitcode", "--output", "json");
        Assert.AreEqual(0, after.ExitCode, after.Output + after.Error);
        using var json = System.Text.Json.JsonDocument.Parse(after.Output);
        Assert.AreEqual("plan", json.RootElement.GetProperty("kind").GetString());
        Assert.IsTrue(json.RootElement.GetProperty("tables").EnumerateArray().All(t => t.GetProperty("action").GetString() == "noop"));
    }
}
