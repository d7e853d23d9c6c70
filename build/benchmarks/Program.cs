// Dynatus benchmarks: build/benchmark [--runs N] [--only B1,B2,B3,B4,B5,B6,B7,B8] [--output FILE]
// Each case starts its own local DynamoDB and reports medians, each figure beside its baseline from the same run.
using System.Globalization;
using System.Runtime.InteropServices;
using Dynatus.Benchmarks;
using Dynatus.Testing;

var runs = 3;
var only = new[] { "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8" };
var output = Path.Combine(RepositoryRoot.Path, "docs", "benchmarks.md");
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--only": only = args[i + 1].Split(','); break;
        case "--output": output = Path.GetFullPath(args[i + 1]); break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
    }
}

var report = new Report();
var cases = new (string Id, Func<Report, int, Task> Run)[]
{
    ("B1", CreateTablesBenchmark.RunAsync),
    ("B2", NoopSyncBenchmark.RunAsync),
    ("B3", BuildOverheadBenchmark.RunAsync),
    ("B4", GrowthBenchmark.RunAsync),
    ("B5", SeedBenchmark.RunAsync),
    ("B6", TemplateLoadBenchmark.RunAsync),
    ("B7", AspireStartupBenchmark.RunAsync),
    ("B8", ItemWriteBenchmark.RunAsync),
};
foreach (var (id, run) in cases.Where(c => only.Contains(c.Id)))
{
    Console.WriteLine($"{id}...");
    await run(report, runs);
}

var node = await DotNet.RunProcessAsync("node", "--version");
var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Node {node.Trim()}";
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
if (!cases.All(c => only.Contains(c.Id)) && File.Exists(output))
{
    // Some cases into an existing report: their sections are replaced, each saying when and how it was measured, and
    // every other section stays as it was, with what was written beside its figures.
    var measured = $"Measured {DateTime.UtcNow:yyyy-MM-dd} in a run of its own (`build/benchmark --only {{0}}`), on {machine}.";
    await File.WriteAllTextAsync(output, Report.Merge(await File.ReadAllTextAsync(output), report.ToString(), id => string.Format(CultureInfo.InvariantCulture, measured, id)));
    Console.WriteLine($"Updated {string.Join(", ", only)} in {output}");
    return 0;
}

await File.WriteAllTextAsync(output, $"""
    # Benchmarks

    Measured {DateTime.UtcNow:yyyy-MM-dd} on {machine}, a shared machine: read the ratios, which compare figures from the same run, rather than the absolute times.
    Medians of {runs} runs (B3: at least 5). Reproduce with `build/benchmark` (options: `--runs N`, `--only B1,B3`, `--output FILE`);
    it starts its own local DynamoDB (`build/local-dynamodb`) for each case and rewrites this file; with `--only`, only those cases' sections.
    {report}
    """);
Console.WriteLine($"Wrote {output}");
return 0;
