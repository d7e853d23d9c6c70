using System.Text.Json;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reports;

[TestClass]
public sealed class PlanReportTests
{
    [TestMethod]
    public async Task The_plan_is_written_as_Markdown_and_JSON_and_appended_to_the_GitHub_step_summary()
    {
        var (kept, added, undeclared) = (Names.Unique("kept"), Names.Unique("added"), Names.Unique("undeclared"));
        var consumer = Consumer.Create().WithTable("kept.yaml", Yaml.Table(kept)).WithTable("undeclared.yaml", Yaml.Table(undeclared));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        File.Delete(Path.Combine(consumer.Folder, "dynamo", "undeclared.yaml"));
        consumer.WithTable("added.yaml", Yaml.Table(added)).WithTable("kept.yaml", Yaml.Table(kept, extra: "TableClass: STANDARD_INFREQUENT_ACCESS"));
        var summary = Path.Combine(consumer.Folder, "step-summary.md");
        File.WriteAllText(summary, "earlier steps\n");
        var report = Path.Combine(consumer.Folder, "out", "plan.md");

        var plan = await consumer.RunAsync(new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary }, "build", "-t:DynatusPlan", $"-p:DynatusPlanReport={report}");
        Assert.AreEqual(0, plan.ExitCode, plan.Output);

        var markdown = File.ReadAllText(report);
        StringAssert.Contains(markdown, $"### Dynatus plan against {Package.Server.Description}");
        StringAssert.Contains(markdown, $"| {added} | would create | KeySchema [id HASH]; PAY_PER_REQUEST |");
        StringAssert.Contains(markdown, $"| {kept} | would update | TableClass");
        StringAssert.Contains(markdown, undeclared);
        Assert.AreEqual("earlier steps\n" + markdown + Environment.NewLine, File.ReadAllText(summary));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(report, ".json")));
        Assert.AreEqual("plan", json.RootElement.GetProperty("kind").GetString());
        var tables = json.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!);
        Assert.AreEqual("create", tables[added].GetProperty("action").GetString());
        Assert.AreEqual("update", tables[kept].GetProperty("action").GetString());
        Assert.AreEqual(1, tables[kept].GetProperty("line").GetInt32());
        CollectionAssert.Contains(json.RootElement.GetProperty("unmanaged").EnumerateArray().Select(u => u.GetString()).ToList(), undeclared);
    }
}
