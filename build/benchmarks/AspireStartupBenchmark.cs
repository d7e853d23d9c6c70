using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Dynatus.Benchmarks;

/// <summary>B7: an AppHost's start to its local DynamoDB healthy with 20 tables synced, beside the same AppHost with a bare executable.</summary>
internal static class AspireStartupBenchmark
{
    public static async Task RunAsync(Report report, int runs)
    {
        var folder = Tables.WriteFolder("b7", 20);
        report.Section(
            "B7: Aspire start-up",
            "From `StartAsync` of an AppHost (Aspire.Hosting.Testing, the orchestrator DCP, no dashboard) to its one resource healthy: `AddDynatusDynamoDBLocal` with 20 tables (each with a GSI) synced, against the baseline of the same AppHost with a bare executable (`sleep`) that does nothing.",
            "AppHost with", "to healthy", "vs bare executable");
        // Taken in turns after one start thrown away, so neither pays for the orchestrator's first start in this process.
        var times = (Bare: new List<TimeSpan>(), Dynatus: new List<TimeSpan>());
        await StartAsync(Bare);
        for (var run = 0; run < runs; run++)
        {
            times.Bare.Add(await StartAsync(Bare));
            times.Dynatus.Add(await StartAsync(builder => builder.AddDynatusDynamoDBLocal("dynamodb").WithTables(folder)));
        }

        var bare = Measure.Median(times.Bare);
        var dynatus = Measure.Median(times.Dynatus);
        report.Row("a bare executable", Measure.Seconds(bare), "1.0x");
        report.Row("the local DynamoDB, 20 tables", Measure.Seconds(dynatus), $"{dynatus / bare:0.0}x");
    }

    private static IResourceBuilder<IResource> Bare(IDistributedApplicationTestingBuilder builder) =>
        builder.AddExecutable("bare", "sleep", Path.GetTempPath(), "600");

    private static async Task<TimeSpan> StartAsync(Func<IDistributedApplicationTestingBuilder, IResourceBuilder<IResource>> add)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = DistributedApplicationTestingBuilder.Create();
        var resource = add(builder).Resource.Name;
        await using var app = builder.Build();
        var watch = Stopwatch.StartNew();
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        return watch.Elapsed;
    }
}
