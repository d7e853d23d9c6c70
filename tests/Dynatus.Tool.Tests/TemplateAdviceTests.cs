using Dynatus.Testing;

namespace Dynatus.Tool.Tests;

/// <summary>A template problem's advice names the tool's own options (--var, --source-prefix), not MSBuild items.</summary>
[TestClass]
public sealed class TemplateAdviceTests
{
    private const string Orders = """
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              BillingMode: PAY_PER_REQUEST
        """;

    [TestMethod]
    public async Task Two_templates_with_the_same_logical_id_are_told_of_source_prefix_and_sync_with_it()
    {
        var folder = Folder(("a.yaml", Orders), ("b.yaml", Orders));
        var prefix = Names.Unique("tpl") + "-";

        var clash = await InstalledTool.RunAsync("plan", folder, "--prefix", prefix, "--endpoint", InstalledTool.Server.Endpoint);
        Assert.AreEqual(1, clash.ExitCode);
        StringAssert.Contains(clash.Error, $"error DYN104: Two templates declare '{prefix}Orders' without a TableName, so both tables would be named after the logical id. Give one template its own prefix (--source-prefix template.yaml=orders-), or a TableName.");
        Assert.DoesNotContain("metadata", clash.Error);

        var sync = await InstalledTool.RunAsync("sync", folder, "--prefix", prefix, "--source-prefix", Path.Combine(folder, "b.yaml") + "=b-", "--endpoint", InstalledTool.Server.Endpoint);
        Assert.AreEqual(0, sync.ExitCode, sync.Output + sync.Error);
        StringAssert.Contains(sync.Output, $"{prefix}Orders: create");
        StringAssert.Contains(sync.Output, $"{prefix}b-Orders: create");
    }

    [TestMethod]
    public async Task A_parameter_without_a_value_is_told_of_var()
    {
        var folder = Folder(("t.yaml", "Parameters:\n  Env: { Type: String }\n" + Orders.Replace("Properties:\n", "Properties:\n      TableName: !Sub '${Env}-orders'\n", StringComparison.Ordinal)));

        var plan = await InstalledTool.RunAsync("plan", folder, "--endpoint", InstalledTool.Server.Endpoint);

        Assert.AreEqual(1, plan.ExitCode);
        StringAssert.Contains(plan.Error, "error DYN143: The parameter 'Env' is used by a table property but has no value and has no Default. Give it one: --var Env=value.");
        Assert.DoesNotContain("DynatusVariable", plan.Error);
    }

    [TestMethod]
    public async Task A_source_prefix_for_a_file_not_given_is_a_coded_error()
    {
        var folder = Folder(("a.yaml", Orders));

        var plan = await InstalledTool.RunAsync("plan", folder, "--source-prefix", "elsewhere.yaml=x-", "--endpoint", "http://127.0.0.1:9");

        Assert.AreEqual(1, plan.ExitCode);
        StringAssert.Contains(plan.Error, "error DYN007: --source-prefix 'elsewhere.yaml': that file is not among the definitions given.");
    }

    private static string Folder(params (string Name, string Yaml)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, yaml) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), yaml);
        }

        return folder;
    }
}
