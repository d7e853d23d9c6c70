using System.Diagnostics;

namespace Dynatus.Benchmarks;

/// <summary>Times repeated runs and reports medians, so one noisy run on a shared machine does not decide a figure.</summary>
internal static class Measure
{
    public static async Task<TimeSpan> MedianAsync(int runs, Func<int, Task> run)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run(i);
            times.Add(watch.Elapsed);
        }

        return Median(times);
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.00} s";
}
