using Dynatus.Testing;

namespace Dynatus.Tool.Tests;

[TestClass]
public sealed class ToolManifestTests
{
    [TestMethod]
    public async Task As_a_local_tool_in_a_manifest_it_runs_as_dotnet_dynatus()
    {
        var repository = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(repository);
        Assert.AreEqual(0, (await DotNet.RunAsync(repository, "new", "tool-manifest")).ExitCode);

        var install = await DotNet.RunAsync(repository, "tool", "install", "Dynatus.Tool", "--add-source", InstalledTool.Feed, "--version", InstalledTool.Version);
        Assert.AreEqual(0, install.ExitCode, install.Output);

        var help = await DotNet.RunAsync(repository, "dynatus", "--help");
        Assert.AreEqual(0, help.ExitCode, help.Output);
        StringAssert.Contains(help.Output, "dynatus [command] [options]");
        StringAssert.Contains(help.Output, "export <table>");
    }
}
