using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class OutputProportionTests
{
    [TestMethod]
    public async Task Many_created_tables_are_one_warning_and_many_unmanaged_tables_one_line()
    {
        var names = Enumerable.Range(0, 12).Select(_ => Names.Unique("many")).ToList();
        var consumer = Consumer.Create();
        foreach (var name in names)
        {
            consumer.WithTable(name + ".yaml", Yaml.Table(name));
        }

        var build = await consumer.BuildAsync();
        Assert.AreEqual(0, build.ExitCode, build.Output);
        var warnings = BuildOutput.LinesWith(build.Output, "warning DYN010");
        Assert.HasCount(1, warnings, build.Output);
        StringAssert.Contains(warnings[0], "12 tables changed (12 create): ");
        StringAssert.Contains(warnings[0], " and 2 more");
        foreach (var name in names)
        {
            Assert.HasCount(1, BuildOutput.LinesWith(build.Output, $"Dynatus: {name}: create"), "each table keeps its line in the build log");
        }

        // Now declare one of them, changed: the other eleven (and any other test's tables) exist undeclared.
        foreach (var name in names.Skip(1))
        {
            File.Delete(Path.Combine(consumer.Folder, "dynamo", name + ".yaml"));
        }

        consumer.WithTable(names[0] + ".yaml", Yaml.Table(names[0], extra: "TableClass: STANDARD_INFREQUENT_ACCESS"));
        var plan = await consumer.BuildAsync("-t:DynatusPlan");
        Assert.AreEqual(0, plan.ExitCode, plan.Output);
        StringAssert.Contains(plan.Output, $"warning DYN012: {names[0]}: would update");
        var unmanaged = BuildOutput.LinesWith(plan.Output, "exist but are not declared");
        Assert.HasCount(1, unmanaged, plan.Output);
        StringAssert.Matches(unmanaged[0], new System.Text.RegularExpressions.Regex(@"Dynatus: \d+ table\(s\) exist but are not declared \(unmanaged, never touched\): (\S+, ){9}\S+ and \d+ more"));
    }
}
