using Dynatus.Testing;

namespace Dynatus.Build.Tests;

[TestClass]
public sealed class BuildShapeTests
{
    [TestMethod]
    public async Task A_multi_targeted_project_syncs_once_in_its_outer_build()
    {
        var name = Names.Unique("multi");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name));
        var project = Path.Combine(consumer.Folder, consumer.Name + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0</TargetFrameworks>", StringComparison.Ordinal));

        var result = await consumer.BuildAsync();
        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.AreEqual(1, result.Output.Split('\n').Count(l => l.Contains("Dynatus: synced", StringComparison.Ordinal)), result.Output);
    }

    [TestMethod]
    public async Task A_change_is_visible_under_the_terminal_logger_which_hides_messages()
    {
        var name = Names.Unique("tl");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name));

        var result = await consumer.RunInTerminalAsync("build");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var screen = BuildOutput.Screen(result.Output);
        StringAssert.Contains(screen, $"warning DYN010: {name}: create");
        Assert.DoesNotContain("Dynatus: synced", screen, "the terminal logger hides messages; this test must notice if that changes");
    }
}
