using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

/// <summary>
/// build/local-dynamodb/start on a folder that has never been installed, as in a fresh clone: a copy of the
/// server's files without node_modules, and an empty npm cache so that npm ci downloads from the registry.
/// </summary>
[TestClass]
public sealed class FirstStartTests
{
    [TestMethod]
    public async Task Servers_started_at_once_on_a_fresh_folder_all_come_up_after_one_complete_install()
    {
        var folder = FreshCopy();
        var environment = new Dictionary<string, string> { ["npm_config_cache"] = Folder("npm-cache") };

        // Staggered, so that later starts arrive while the first one's npm ci is under way (and has already
        // created node_modules), as the test assemblies of one dotnet test run do.
        var starts = Enumerable.Range(0, 8).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(150 * i));
            return await Dynatus.Testing.LocalDynamoDb.StartAsync(folder, environment);
        }).ToList();
        await Task.WhenAll(starts.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        var servers = starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result).ToList();
        try
        {
            var failures = starts.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException!.Message).ToList();
            Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
            foreach (var server in servers)
            {
                using var client = server.CreateClient();
                Assert.AreEqual(0, (await client.ListTablesAsync()).TableNames.Count);
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [TestMethod]
    public async Task An_install_that_fails_is_reported_as_a_failed_install()
    {
        // Port 9 on loopback refuses at once: the registry cannot be reached, and no request leaves this machine.
        var environment = new Dictionary<string, string>
        {
            ["npm_config_cache"] = Folder("npm-cache"),
            ["npm_config_registry"] = "http://127.0.0.1:9/",
            ["npm_config_fetch_retries"] = "0",
        };

        var failed = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => Dynatus.Testing.LocalDynamoDb.StartAsync(FreshCopy(), environment));
        StringAssert.Contains(failed.Message, "installing its npm packages failed (npm ci, above); the local DynamoDB was not started");
        Assert.IsFalse(failed.Message.Contains("Cannot find module", StringComparison.Ordinal), failed.Message);
    }

    private static string FreshCopy()
    {
        var copy = Folder("local-dynamodb");
        foreach (var file in Directory.EnumerateFiles(Dynatus.Testing.LocalDynamoDb.Folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Dynatus.Testing.LocalDynamoDb.Folder, file);
            if (relative.StartsWith("node_modules", StringComparison.Ordinal) || relative == ".install.lock")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        return copy;
    }

    private static string Folder(string name) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dynatus-first-start", Names.Unique(name))).FullName;
}
