using Dynatus.Testing;

namespace Dynatus.Build.Tests;

[TestClass]
public sealed class CustomTargetTests
{
    [TestMethod]
    public async Task A_custom_target_calls_the_task_and_reads_its_Actions()
    {
        var name = Names.Unique("custom");
        var consumer = Consumer.Create(
            properties: "<DynatusSyncOnBuild>false</DynatusSyncOnBuild>",
            targets: $"""
                <Target Name="SyncMyTables">
                  <DynatusSync Tables="@(DynamoTable)" Endpoint="{Package.Server.Endpoint}" MaxParallelism="4" TimeoutSeconds="60">
                    <Output TaskParameter="Actions" ItemName="SyncedTable" />
                  </DynatusSync>
                  <Message Importance="high" Text="ACTION %(SyncedTable.Identity)=%(SyncedTable.Action)" />
                </Target>
                """).WithTable("t.yaml", Yaml.Table(name));

        var first = await consumer.BuildAsync("-t:SyncMyTables");
        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.Contains(first.Output, $"ACTION {name}=create");
        StringAssert.Contains((await consumer.BuildAsync("-t:SyncMyTables")).Output, $"ACTION {name}=noop");
    }

    [TestMethod]
    public async Task A_solution_of_two_projects_declaring_the_same_tables_builds_with_m_and_creates_each_table_once()
    {
        var tables = Enumerable.Range(0, 3).Select(i => Names.Unique($"shared{i}")).ToList();
        var solution = Path.Combine(Path.GetTempPath(), "dynatus-e2e", "solutions", Names.Unique("sln"));
        var projects = new[] { "one", "two" }.Select(p => Consumer.Create(folder: Path.Combine(solution, p))).ToList();
        foreach (var project in projects)
        {
            tables.ForEach(t => project.WithTable(t + ".yaml", Yaml.Table(t)));
        }

        var result = await BuildInParallelAsync(solution);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        foreach (var table in tables)
        {
            var creates = result.Output.Split('\n').Where(l => l.Contains($"warning DYN010: {table}: create", StringComparison.Ordinal)).Select(l => l[(l.IndexOf('[', StringComparison.Ordinal) + 1)..]).Distinct().Count();
            Assert.AreEqual(1, creates, $"{table} must be reported created by exactly one project:\n{result.Output}");
        }
    }

    [TestMethod]
    public async Task A_solution_of_two_projects_sharing_table_and_seed_files_seeds_every_new_table_once_build_after_build()
    {
        // The race of issue 24: one build creates a table with TTL, the other enables its TTL first. Repeated, since
        // which build wins varies from run to run; each round's tables are new.
        for (var round = 0; round < 3; round++)
        {
            var solution = Path.Combine(Path.GetTempPath(), "dynatus-e2e", "solutions", Names.Unique("shared"));
            var tables = Enumerable.Range(0, 3).Select(i => Names.Unique($"ttl{i}")).ToList();
            Directory.CreateDirectory(Path.Combine(solution, "shared", "seed"));
            foreach (var table in tables)
            {
                File.WriteAllText(Path.Combine(solution, "shared", table + ".yaml"), Yaml.Table(table, extra: "TimeToLiveSpecification: { AttributeName: expires, Enabled: true }"));
                File.WriteAllText(Path.Combine(solution, "shared", "seed", table + ".json"), """[{ "id": "a" }, { "id": "b" }]""");
            }

            foreach (var project in new[] { "one", "two" })
            {
                Consumer.Create(folder: Path.Combine(solution, project), items: """
                    <DynamoTable Include="../shared/*.yaml" />
                    <DynamoSeed Include="../shared/seed/*.json" />
                    """);
            }

            var result = await BuildInParallelAsync(solution);

            Assert.AreEqual(0, result.ExitCode, result.Output);
            using var client = Package.Server.CreateClient();
            foreach (var table in tables)
            {
                var creates = result.Output.Split('\n').Where(l => l.Contains($"warning DYN010: {table}: create", StringComparison.Ordinal) && l.Contains("seeded 2 item(s)", StringComparison.Ordinal))
                    .Select(l => l[(l.IndexOf('[', StringComparison.Ordinal) + 1)..]).Distinct().Count();
                Assert.AreEqual(1, creates, $"round {round}: {table} must be reported created and seeded by exactly one project:\n{result.Output}");
                Assert.HasCount(2, await Items.ReadAllAsync(client, table), $"round {round}: {table}");
            }
        }
    }

    // Two projects, one and two, in a solution built with -m: each project's build syncs in a node of its own.
    private static async Task<DotNetResult> BuildInParallelAsync(string solution)
    {
        Consumer.WriteNuGetConfig(solution);
        Consumer.TargetTheRunsDynamoDb(solution);
        Assert.AreEqual(0, (await DotNet.RunAsync(solution, "new", "sln", "-n", "both", "--format", "sln")).ExitCode);
        Assert.AreEqual(0, (await DotNet.RunAsync(solution, "sln", "both.sln", "add", "one", "two")).ExitCode);
        return await DotNet.RunAsync(solution, "build", "both.sln", "-m", "-nodeReuse:false", "--packages", Package.PackagesFolder, "-tl:off", "-v:n");
    }
}
