using System.Diagnostics;
using System.Text.RegularExpressions;
using Dynatus.Testing;

namespace Dynatus.Tool.Tests;

[TestClass]
public sealed partial class LocalCommandTests
{
    [GeneratedRegex(@"listening on (?<endpoint>http://\S+)")]
    private static partial Regex Listening();

    [TestMethod]
    public async Task Three_first_starts_at_once_install_the_packages_once_and_each_serves_a_sync()
    {
        // A machine where the tool's local DynamoDB was never installed: an empty home and an empty npm cache.
        var root = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["DYNATUS_LOCAL_DYNAMODB_HOME"] = Path.Combine(root, "home"),
            ["npm_config_cache"] = Path.Combine(root, "npm-cache"),
        };
        var servers = Enumerable.Range(0, 3).Select(_ => InstalledTool.Start(environment, "local", "--port", "0")).ToList();
        try
        {
            var endpoints = await Task.WhenAll(servers.Select(EndpointAsync));
            Assert.HasCount(3, endpoints.Distinct().ToList());
            Assert.HasCount(1, Directory.GetDirectories(Path.Combine(root, "home")), "one install, named after the server's files");

            var name = Names.Unique("local");
            var folder = Path.Combine(root, "dynamo");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "t.yaml"), TableYaml.OnDemand(name));
            var sync = await InstalledTool.RunAsync("sync", folder, "--endpoint", endpoints[1]);
            Assert.AreEqual(0, sync.ExitCode, sync.Output + sync.Error);
            StringAssert.Contains(sync.Output, $"{name}: create");
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                server.Dispose();
            }
        }
    }

    [TestMethod]
    public async Task Without_Nodejs_on_the_PATH_it_says_what_is_missing()
    {
        using var process = InstalledTool.Start(new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(Environment.ProcessPath)! }, "local");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.AreEqual(1, process.ExitCode);
        StringAssert.Contains(error, "error DYN009: dynatus local: the local DynamoDB needs Node.js 20 or later with npm on the PATH");
    }

    private static async Task<string> EndpointAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                return match.Groups["endpoint"].Value;
            }
        }

        throw new AssertFailedException("dynatus local exited without listening: " + await server.StandardError.ReadToEndAsync());
    }
}
