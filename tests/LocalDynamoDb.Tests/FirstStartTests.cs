using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

/// <summary>
/// The local DynamoDB started as dynatus local starts it, on a machine where it was never installed: an empty
/// install home (DYNATUS_LOCAL_DYNAMODB_HOME) and an empty npm cache, so that npm ci downloads from the registry.
/// </summary>
[TestClass]
public sealed class FirstStartTests
{
    [TestMethod]
    public async Task Servers_started_at_once_on_a_fresh_folder_all_come_up_after_one_complete_install()
    {
        var environment = new Dictionary<string, string> { ["npm_config_cache"] = Folder("npm-cache"), ["DYNATUS_LOCAL_DYNAMODB_HOME"] = Folder("home") };

        // Staggered, so that later starts arrive while the first one's npm ci is under way (and has already
        // created node_modules), as the test assemblies of one dotnet test run do.
        var starts = Enumerable.Range(0, 8).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(150 * i));
            return await Dynatus.Testing.LocalDynamoDb.StartAsync(Dynatus.Testing.LocalDynamoDb.Folder, environment);
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
            ["DYNATUS_LOCAL_DYNAMODB_HOME"] = Folder("home"),
            ["npm_config_registry"] = "http://127.0.0.1:9/",
            ["npm_config_fetch_retries"] = "0",
        };

        var failed = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => Dynatus.Testing.LocalDynamoDb.StartAsync(Dynatus.Testing.LocalDynamoDb.Folder, environment));
        StringAssert.Contains(failed.Message, "installing the local DynamoDB's npm packages failed (npm ci, above); it was not started");
        Assert.IsFalse(failed.Message.Contains("Cannot find module", StringComparison.Ordinal), failed.Message);
    }

    private static string Folder(string name) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dynatus-first-start", Names.Unique(name))).FullName;
}
