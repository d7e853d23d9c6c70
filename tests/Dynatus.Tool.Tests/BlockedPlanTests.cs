using Dynatus.Testing;

namespace Dynatus.Tool.Tests;

/// <summary>
/// A plan that no sync could carry out (a key change of a table with deletion protection on): <c>dynatus plan</c> says
/// what it would change and that it cannot, and fails, as the sync would.
/// </summary>
[TestClass]
public sealed class BlockedPlanTests
{
    [TestMethod]
    public async Task The_plan_of_a_blocked_recreate_names_the_change_and_fails_with_DYN205()
    {
        var name = Names.Unique("blocked");
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "table.yaml");
        var endpoint = InstalledTool.Server.Endpoint;
        File.WriteAllText(file, TableYaml.OnDemand(name, "DeletionProtectionEnabled: true\n"));
        var created = await InstalledTool.RunAsync("sync", folder, "--endpoint", endpoint);
        Assert.AreEqual(0, created.ExitCode, created.Output + created.Error);

        File.WriteAllText(file, TableYaml.OnDemand(name, "DeletionProtectionEnabled: true\n").Replace("AttributeName: id", "AttributeName: pk", StringComparison.Ordinal));
        var plan = await InstalledTool.RunAsync("plan", folder, "--endpoint", endpoint, "--detailed-exitcode");

        Assert.AreEqual(1, plan.ExitCode, plan.Output + plan.Error);
        StringAssert.Contains(plan.Output + plan.Error, "KeySchema: [id HASH] -> [pk HASH]");
        StringAssert.Contains(plan.Error, $"error DYN205: Table {name} cannot be synced: deletion protection is on for this table");
    }
}
