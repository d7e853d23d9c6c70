using System.Diagnostics;
using System.Text;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reliability;

/// <summary>Ctrl+C while the build waits for an index that never builds (a local-server addition: --index-ms=-1).</summary>
[LocalServerOnly("an index the local server never finishes")]
[TestClass]
public sealed class CancelBuildTests
{
    // Ctrl+C is sent as SIGINT with kill; Windows has no signal to send to one process of another console.
    [TestMethod]
    [OSCondition(OperatingSystems.Linux | OperatingSystems.OSX, IgnoreMessage = "sends Ctrl+C as SIGINT, which Windows has no way to send to another console's process")]
    public async Task Ctrl_C_during_a_wait_stops_the_build_promptly_and_names_what_was_left_unfinished()
    {
        await using var local = await LocalDynamoDb.StartAsync("--index-ms=-1");
        var name = Names.Unique("cancel");
        var consumer = Consumer.Create(endpoint: local.Endpoint).WithTable("t.yaml", Yaml.Table(name));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        consumer.WithTable("t.yaml", Yaml.Table(name, extra: "GlobalSecondaryIndexes:\n  - IndexName: by-id\n    KeySchema:\n      - AttributeName: id\n        KeyType: HASH\n    Projection:\n      ProjectionType: ALL"));

        string[] dotnetBuild = ["dotnet", "build", "-nodeReuse:false", "--packages", Package.PackagesFolder, "-tl:off", "-v:n"];

        // A test run started as a background job (`dotnet test &` in a script) ignores SIGINT and every process it
        // starts inherits that, so the signal would never reach MSBuild: GNU env restores it (macOS's env cannot).
        string[] command = OperatingSystem.IsLinux() ? ["env", "--default-signal=INT", .. dotnetBuild] : dotnetBuild;
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = consumer.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = Process.Start(start)!;
        var output = new StringBuilder();
        var waiting = new TaskCompletionSource();
        build.OutputDataReceived += (_, e) =>
        {
            lock (output) { output.AppendLine(e.Data); }
            if (e.Data?.Contains("waiting to become ACTIVE", StringComparison.Ordinal) == true)
            {
                waiting.TrySetResult();
            }
        };
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        await WithinAsync(waiting.Task, build, output, "the build never logged its wait for the index");

        var watch = Stopwatch.StartNew();
        using (var interrupt = Process.Start("kill", ["-INT", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        // Without cancellation the wait would run to its 20-minute default.
        await WithinAsync(build.WaitForExitAsync(), build, output, "the build was still running 2 minutes after Ctrl+C");
        Assert.IsLessThan(60, watch.Elapsed.TotalSeconds);
        Assert.AreNotEqual(0, build.ExitCode);
        lock (output)
        {
            StringAssert.Contains(output.ToString(), $"error DYN204: Cancelled; 1 table(s) not finished: {name}");
        }
    }

    // A build that does not get there is killed, so that it does not wait out its 20 minutes after the test, and the
    // failure shows what it logged.
    private static async Task WithinAsync(Task task, Process build, StringBuilder output, string failure)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            build.Kill(entireProcessTree: true);
            lock (output)
            {
                Assert.Fail($"{failure}:\n{output}");
            }
        }
    }
}
