using System.Diagnostics;
using Dynatus.Testing;

namespace Dynatus.Benchmarks;

/// <summary>B3: what Dynatus adds to an incremental dotnet build of a project with 20 tables in sync.</summary>
internal static class BuildOverheadBenchmark
{
    public static async Task RunAsync(Report report, int runs)
    {
        runs = Math.Max(runs, 5);
        await using var local = await LocalDynamoDb.StartAsync();
        var work = Path.Combine(Path.GetTempPath(), "dynatus-bench", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        var pack = await DotNet.RunAsync(RepositoryRoot.Path, "pack", Path.Combine("src", "Dynatus.Build"), "-c", "Release", "-o", feed, "-p:MinVerVersionOverride=0.0.0-bench", "-nodeReuse:false");
        Check(pack, "pack");
        var project = Path.Combine(work, "app");
        Tables.WriteFolder("b3", 20, Path.Combine(project, "dynamo"));
        File.WriteAllText(Path.Combine(project, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><DynatusEndpoint>{local.Endpoint}</DynatusEndpoint></PropertyGroup>
              <ItemGroup><PackageReference Include="Dynatus" Version="0.0.0-bench" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Class1.cs"), "namespace App; public static class Class1 { }\n");
        File.WriteAllText(Path.Combine(project, "NuGet.Config"), $"<configuration><packageSources><clear /><add key=\"bench\" value=\"{feed}\" /></packageSources></configuration>");
        Check(await DotNet.RunAsync(project, "build", "-nodeReuse:false", "--packages", Path.Combine(work, "packages"), "-tl:off", "-v:m"), "first build");

        // Two ways to build: the default dotnet build, and a fresh process (-nodeReuse:false). A single project builds in
        // the entry process either way; both are measured, each Dynatus on against off, as alternating pairs.
        var cases = new[] { (Name: "default `dotnet build`", Fresh: false), (Name: "fresh process (`-nodeReuse:false`)", Fresh: true) };
        var times = cases.ToDictionary(c => c.Fresh, _ => (On: new List<TimeSpan>(), Off: new List<TimeSpan>()));
        for (var i = 0; i < runs + 1; i++)
        {
            foreach (var (_, fresh) in cases)
            {
                // Alternated, so that a slow patch of the shared machine falls on both; the first round warms up.
                var on = await BuildAsync(project, "-p:DynatusEnabled=true", fresh);
                var off = await BuildAsync(project, "-p:DynatusEnabled=false", fresh);
                if (i > 0)
                {
                    times[fresh].On.Add(on);
                    times[fresh].Off.Add(off);
                }
            }
        }

        report.Section(
            "B3: cost in an incremental build",
            $"An incremental build of a project with 20 tables in sync, `DynatusEnabled=true` against `false`, alternated, {runs} runs each (medians).",
            "measure", "default `dotnet build`", "fresh process (`-nodeReuse:false`)");
        var medians = cases.ToDictionary(c => c.Fresh, c => (On: Measure.Median(times[c.Fresh].On), Off: Measure.Median(times[c.Fresh].Off)));
        report.Row("build, DynatusEnabled=false (baseline)", Measure.Seconds(medians[false].Off), Measure.Seconds(medians[true].Off));
        report.Row("build, DynatusEnabled=true", Measure.Seconds(medians[false].On), Measure.Seconds(medians[true].On));
        report.Row("added by Dynatus", Measure.Seconds(medians[false].On - medians[false].Off), Measure.Seconds(medians[true].On - medians[true].Off));
        var (added, addedFresh) = (medians[false].On - medians[false].Off, medians[true].On - medians[true].Off);
        report.Goal("at most 0.10 s added to the default `dotnet build`", added.TotalSeconds <= 0.10, Measure.Seconds(added));
        report.Goal("at most 0.15 s added in a fresh process", addedFresh.TotalSeconds <= 0.15, Measure.Seconds(addedFresh));
        report.Note("Every build here starts the task, YamlDotNet and the AWS SDK anew: compare the warm no-op of B2. The project is as small as a project gets, so the build's own targets leave the warm-up (DynatusWarmUp) the least time to run beside them.");
    }

    private static async Task<TimeSpan> BuildAsync(string project, string property, bool fresh)
    {
        string[] arguments = fresh ? ["build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:m", property] : ["build", "--no-restore", "-tl:off", "-v:m", property];
        var watch = Stopwatch.StartNew();
        var result = await DotNet.RunAsync(project, arguments);
        var time = watch.Elapsed;
        Check(result, "build " + property);
        return time;
    }

    private static void Check(DotNetResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"B3 {what} failed:{Environment.NewLine}{result.Output}");
        }
    }
}
