using Dynatus.Testing;

namespace Dynatus.Tool.Tests;

[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    public async Task An_unknown_verb_or_option_is_exit_1_with_the_usage_and_nothing_is_sent()
    {
        var before = await InstalledTool.Server.RequestCountsAsync();

        var verb = await InstalledTool.RunAsync("frobnicate");
        Assert.AreEqual(1, verb.ExitCode);
        StringAssert.Contains(verb.Error, "Unrecognized command or argument 'frobnicate'");

        var option = await InstalledTool.RunAsync("plan", ".", "--endpiont", InstalledTool.Server.Endpoint);
        Assert.AreEqual(1, option.ExitCode);
        StringAssert.Contains(option.Error, "--endpiont");
        CollectionAssert.AreEquivalent(before.ToList(), (await InstalledTool.Server.RequestCountsAsync()).ToList());
    }

    [TestMethod]
    public async Task A_path_that_does_not_exist_or_a_bad_var_is_a_coded_error_before_any_request()
    {
        var missing = await InstalledTool.RunAsync("plan", "no/such/folder", "--endpoint", "http://127.0.0.1:9");
        Assert.AreEqual(1, missing.ExitCode);
        StringAssert.Contains(missing.Error, "error DYN007: The path 'no/such/folder' does not exist.");

        var folder = Folder(TableYaml.OnDemand(Names.Unique("var")));
        var badVar = await InstalledTool.RunAsync("plan", folder, "--var", "Stage", "--endpoint", "http://127.0.0.1:9");
        Assert.AreEqual(1, badVar.ExitCode);
        StringAssert.Contains(badVar.Error, "error DYN006: --var 'Stage': write Name=Value.");
    }

    [TestMethod]
    public async Task An_invalid_definition_is_reported_at_its_place_and_nothing_is_sent()
    {
        var folder = Folder("TableName: ab\nKeySchema: [{ AttributeName: id, KeyType: HASH }]\nAttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\nBillingMode: PAY_PER_REQUEST\n");
        var before = await InstalledTool.Server.RequestCountsAsync();

        var plan = await InstalledTool.RunAsync("plan", folder, "--endpoint", InstalledTool.Server.Endpoint);
        Assert.AreEqual(1, plan.ExitCode);
        StringAssert.Contains(plan.Error, $"{Path.Combine(folder, "t.yaml")}(1,12): error DYN106: The table name 'ab'");
        CollectionAssert.AreEquivalent(before.ToList(), (await InstalledTool.Server.RequestCountsAsync()).ToList());
    }

    [TestMethod]
    public async Task The_auto_scaling_endpoint_is_checked_like_the_endpoint_and_asked_only_when_a_capacity_differs()
    {
        var name = Names.Unique("scaled");
        var folder = Folder(TableYaml.OnDemand(name).Replace("BillingMode: PAY_PER_REQUEST", "ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }", StringComparison.Ordinal));
        var notUrl = await InstalledTool.RunAsync("plan", folder, "--endpoint", InstalledTool.Server.Endpoint, "--auto-scaling-endpoint", "localhost:8001");
        Assert.AreEqual(1, notUrl.ExitCode);
        StringAssert.Contains(notUrl.Error, "error DYN002: The Application Auto Scaling endpoint 'localhost:8001' (--auto-scaling-endpoint) is not an http:// or https:// URL.");

        Assert.AreEqual(0, (await InstalledTool.RunAsync("sync", folder, "--endpoint", InstalledTool.Server.Endpoint)).ExitCode);
        var inSync = await InstalledTool.RunAsync("plan", folder, "--endpoint", InstalledTool.Server.Endpoint, "--auto-scaling-endpoint", "http://127.0.0.1:9");
        Assert.AreEqual(0, inSync.ExitCode, inSync.Error);

        using var client = InstalledTool.Server.CreateClient();
        await client.UpdateTableAsync(new() { TableName = name, ProvisionedThroughput = new(30, 30) });
        for (var wait = 0; wait < 300 && (await client.DescribeTableAsync(name)).Table.TableStatus != "ACTIVE"; wait++)
        {
            await Task.Delay(100);
        }

        var moved = await InstalledTool.RunAsync("plan", folder, "--endpoint", InstalledTool.Server.Endpoint, "--auto-scaling-endpoint", "http://127.0.0.1:9");
        Assert.AreEqual(1, moved.ExitCode);
        StringAssert.Contains(moved.Error, $"error DYN210: Table {name}: what Application Auto Scaling scales of its provisioned capacity could not be read at http://127.0.0.1:9/");
    }

    [TestMethod]
    public async Task An_unreachable_endpoint_is_one_DYN201_naming_the_tables()
    {
        var name = Names.Unique("gone");
        var sync = await InstalledTool.RunAsync("sync", Folder(TableYaml.OnDemand(name)), "--endpoint", "http://127.0.0.1:9");
        Assert.AreEqual(1, sync.ExitCode);
        StringAssert.Contains(sync.Error, "error DYN201:");
        StringAssert.Contains(sync.Error, name);
    }

    [TestMethod]
    public async Task Exporting_a_missing_table_or_over_an_existing_file_writes_nothing()
    {
        var prefix = Names.Unique("exbad") + "-";
        using var client = InstalledTool.Server.CreateClient();
        await SdkTables.CreateAsync(client, [.. SdkTables.All(prefix).Take(1)]);
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"));

        var missing = await InstalledTool.RunAsync("export", prefix + "plain", prefix + "nowhere", "--endpoint", InstalledTool.Server.Endpoint, "--out", folder);
        Assert.AreEqual(1, missing.ExitCode);
        StringAssert.Contains(missing.Error, $"error DYN207: Table {prefix}nowhere does not exist");
        Assert.IsFalse(Directory.Exists(folder));

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, prefix + "plain.yaml"), "# mine\n");
        var existing = await InstalledTool.RunAsync("export", prefix + "plain", "--endpoint", InstalledTool.Server.Endpoint, "--out", folder);
        Assert.AreEqual(1, existing.ExitCode);
        StringAssert.Contains(existing.Error, "error DYN208:");
        StringAssert.Contains(existing.Error, "overwrite it (--force)");
        Assert.AreEqual("# mine\n", File.ReadAllText(Path.Combine(folder, prefix + "plain.yaml")));

        var forced = await InstalledTool.RunAsync("export", prefix + "plain", "--endpoint", InstalledTool.Server.Endpoint, "--out", folder, "--force");
        Assert.AreEqual(0, forced.ExitCode, forced.Error);
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, prefix + "plain.yaml")), $"TableName: {prefix}plain");
    }

    private static string Folder(string yaml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "t.yaml"), yaml);
        return folder;
    }
}
