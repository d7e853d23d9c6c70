using System.Diagnostics;
using System.Text;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

/// <summary>dotnet watch as the .NET 10 SDK runs it by default, hot reload on, resyncs a table whose definition is edited.</summary>
[TestClass]
public sealed class HotReloadWatchTests
{
    [TestMethod]
    public async Task An_edited_definition_is_synced_while_dotnet_watch_runs_the_app_with_hot_reload_on()
    {
        var name = Names.Unique("hotwatch");
        var consumer = Consumer.Create(properties: "<OutputType>Exe</OutputType>").WithTable("t.yaml", Yaml.Table(name));
        File.WriteAllText(Path.Combine(consumer.Folder, "Program.cs"), "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);\n");

        // --non-interactive: what a user answers "Always" to when asked whether to restart the app.
        using var watch = Process.Start(new ProcessStartInfo("dotnet", ["watch", "--non-interactive"])
        {
            WorkingDirectory = consumer.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NUGET_PACKAGES"] = Package.PackagesFolder, ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        })!;
        var output = new StringBuilder();
        var waiting = new SemaphoreSlim(0);
        // dotnet watch writes its own lines to standard error, the builds' to standard output.
        void Received(object sender, DataReceivedEventArgs e)
        {
            lock (output) { output.AppendLine(e.Data); }
            if (e.Data?.Contains("Waiting for changes", StringComparison.Ordinal) == true)
            {
                waiting.Release();
            }
        }

        watch.OutputDataReceived += Received;
        watch.ErrorDataReceived += Received;
        watch.BeginOutputReadLine();
        watch.BeginErrorReadLine();
        try
        {
            Assert.IsTrue(await waiting.WaitAsync(TimeSpan.FromMinutes(3)), Output());
            StringAssert.Contains(Output(), "Hot reload enabled");
            using var client = Package.Server.CreateClient();
            Assert.AreEqual(0, (await client.ListTagsOfResourceAsync(new() { ResourceArn = (await client.DescribeTableAsync(name)).Table.TableArn })).Tags.Count, Output());

            consumer.WithTable("t.yaml", Yaml.Table(name, extra: "Tags: [{ Key: team, Value: watch }]"));

            Assert.IsTrue(await waiting.WaitAsync(TimeSpan.FromMinutes(3)), Output());
            var tags = (await client.ListTagsOfResourceAsync(new() { ResourceArn = (await client.DescribeTableAsync(name)).Table.TableArn })).Tags;
            Assert.AreEqual("team=watch", string.Join(",", tags.Select(t => $"{t.Key}={t.Value}")), Output());
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync();
        }

        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
