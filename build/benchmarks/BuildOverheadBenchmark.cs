using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dynatus.Testing;

namespace Dynatus.Benchmarks;

/// <summary>B3: what Dynatus adds to an incremental dotnet build of a project with 20 tables in sync.</summary>
internal static partial class BuildOverheadBenchmark
{
    [GeneratedRegex(@"Dynatus: synced \d+ table\(s\) against \S+: \d+ noop \((?<seconds>[0-9.]+) s\)")]
    private static partial Regex Summary();

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

        var enabled = new List<TimeSpan>();
        var disabled = new List<TimeSpan>();
        var syncs = new List<TimeSpan>();
        for (var i = 0; i < runs + 1; i++)
        {
            // Alternated, so that a slow patch of the shared machine falls on both; the first pair warms up.
            var (on, output) = await BuildAsync(project, "-p:DynatusEnabled=true");
            var (off, _) = await BuildAsync(project, "-p:DynatusEnabled=false");
            if (i == 0)
            {
                continue;
            }

            enabled.Add(on);
            disabled.Add(off);
            syncs.Add(TimeSpan.FromSeconds(double.Parse(Summary().Match(output).Groups["seconds"].Value, CultureInfo.InvariantCulture)));
        }

        var (withDynatus, without, sync) = (Measure.Median(enabled), Measure.Median(disabled), Measure.Median(syncs));
        var added = withDynatus - without;
        report.Section(
            "B3: cost in an incremental build",
            $"An incremental `dotnet build` of a project with 20 tables in sync, `DynatusEnabled=true` against `false`, alternated, {runs} runs each (medians).",
            "measure", "time");
        report.Row("build, DynatusEnabled=false (baseline)", Measure.Seconds(without));
        report.Row("build, DynatusEnabled=true", Measure.Seconds(withDynatus));
        report.Row("added by Dynatus", Measure.Seconds(added));
        report.Row("of which the sync itself (20 DescribeTable, as the task reports it)", Measure.Seconds(sync));
        report.Row("of which loading the task, the engine and AWSSDK, and the target", Measure.Seconds(added - sync));
        report.Goal("the median added time is at most 0.5 s", added.TotalSeconds <= 0.5, Measure.Seconds(added));
        report.Note("Each `dotnet build` here is a fresh process (`-nodeReuse:false`), so the task, YamlDotNet and the AWS SDK are loaded and JIT-compiled every time: compare the warm no-op of B2. The sync's own figure includes reading and validating the YAML and the SDK's first request.");
    }

    private static async Task<(TimeSpan Time, string Output)> BuildAsync(string project, string property)
    {
        var watch = Stopwatch.StartNew();
        var result = await DotNet.RunAsync(project, "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:m", property);
        var time = watch.Elapsed;
        Check(result, "build " + property);
        return (time, result.Output);
    }

    private static void Check(DotNetResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"B3 {what} failed:{Environment.NewLine}{result.Output}");
        }
    }
}
