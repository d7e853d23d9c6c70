using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class PlanInTerminalTests
{
    [TestMethod]
    public async Task The_plan_is_visible_under_the_terminal_logger_at_its_default_verbosity()
    {
        var (existing, added) = (Names.Unique("tlp"), Names.Unique("tlp"));
        var consumer = Consumer.Create().WithTable("a.yaml", Yaml.Table(existing));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        consumer.WithTable("a.yaml", Yaml.Table(existing, extra: "TableClass: STANDARD_INFREQUENT_ACCESS")).WithTable("b.yaml", Yaml.Table(added));

        var result = await consumer.RunInTerminalAsync("build", "-t:DynatusPlan");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var screen = BuildOutput.Screen(result.Output);
        StringAssert.Contains(screen, $"warning DYN012: {existing}: would update: TableClass");
        StringAssert.Contains(screen, $"warning DYN012: {added}: would create");
        StringAssert.Contains(screen, $"warning DYN012: Dynatus: planned 2 table(s) against {Package.Server.Description}: 1 create, 1 update");
    }
}
