using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Dynatus.LocalServer;

namespace Dynatus.Testing;

/// <summary>
/// A local DynamoDB (build/local-dynamodb: dynalite plus Dynatus's control-plane additions) on a free
/// loopback port, in memory, with instant transitions and its admin routes on, for one test run or one test.
/// </summary>
public sealed class LocalDynamoDb : IAsyncDisposable
{
    private readonly LocalServerProcess server;
    private readonly HttpClient http;

    private LocalDynamoDb(LocalServerProcess server)
    {
        this.server = server;
        http = new HttpClient { BaseAddress = new Uri(Endpoint) };
    }

    public string Endpoint => server.Endpoint;

    /// <summary>The repository's local DynamoDB folder.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "build", "local-dynamodb");

    public static Task<LocalDynamoDb> StartAsync(params string[] arguments) =>
        StartAsync(Folder, new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Starts the server from <paramref name="folder"/>'s files as <c>dynatus local</c> does (the same .NET launcher, on
    /// every OS: installed once per set of files under a lock, then run with node), with extra environment variables.
    /// </summary>
    public static Task<LocalDynamoDb> StartAsync(string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartServerAsync(folder, environment, ["--port", "0", "--profile", "instant", "--admin", .. arguments]);

    /// <summary>The server as the quick start and <c>dynatus local</c> run it: realistic delays, no test controls.</summary>
    public static Task<LocalDynamoDb> StartAsQuickStartAsync() => StartServerAsync(Folder, new Dictionary<string, string>(), ["--port", "0"]);

    private static async Task<LocalDynamoDb> StartServerAsync(string folder, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        // An AWS run must skip, by name, every test that needs a server of its own: one that does not is a mistake.
        if (TestTarget.IsAws)
        {
            throw new InvalidOperationException("This test starts a local DynamoDB, but the run targets AWS (DYNATUS_TEST_AWS=1): mark it [LocalServerOnly(\"what it needs\")].");
        }

        var start = Programs with
        {
            Files = folder,
            Arguments = arguments,
            Environment = environment,
        };
        return new LocalDynamoDb(await LocalServerProcess.StartAsync(start, TimeSpan.FromSeconds(90)));
    }

    /// <summary>The folder the server's packages are installed in (installing them if need be), for dynalite alone.</summary>
    internal static async Task<string> InstalledFolderAsync() =>
        await LocalServerInstall.EnsureAsync(Programs with { Files = Folder }, TextWriter.Null, CancellationToken.None)
        ?? throw new InvalidOperationException(LocalServerInstall.InstallFailed);

    /// <summary>Node.js, as the tool finds it.</summary>
    public static string Node => Programs.Node;

    /// <summary>node and npm, as the tool finds them.</summary>
    private static LocalServerStart Programs =>
        LocalServerStart.FromPath() ?? throw new InvalidOperationException("The tests start a local DynamoDB: " + LocalServerStart.NodeMissing);

    /// <summary>A client of the server; it answers each region (the one the client signs for) with that region's tables.</summary>
    public AmazonDynamoDBClient CreateClient(int maxErrorRetry = 2, string region = "us-east-1") => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = region, MaxErrorRetry = maxErrorRetry });

    /// <summary>Requests received, by operation, since the last reset.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RequestCountsAsync() =>
        (await http.GetFromJsonAsync<Dictionary<string, int>>("/__admin/requests"))!;

    public Task ResetRequestCountsAsync() => http.DeleteAsync("/__admin/requests");

    /// <summary>The next <paramref name="count"/> requests of an operation ("*" for any) fail with this AWS error.</summary>
    public Task InjectFaultAsync(string operation, string error, int count = 1, string? message = null) =>
        PostAsync("/__admin/faults", new { operation, error, count, message });

    /// <summary>Every request (or every request of one operation) waits this long before it is handled.</summary>
    public Task SetLatencyAsync(int milliseconds, string operation = "*") => PostAsync("/__admin/latency", new { operation, ms = milliseconds });

    /// <summary>The next <paramref name="calls"/> BatchWriteItem calls of two or more writes each leave their last one unprocessed.</summary>
    public Task LeaveUnprocessedAsync(int calls) => PostAsync("/__admin/unprocessed", new { count = calls });

    public Task AdvanceClockAsync(TimeSpan by) => PostAsync("/__admin/clock", new { advanceSeconds = by.TotalSeconds });

    private async Task PostAsync(string path, object body)
    {
        using var response = await http.PostAsync(path, new StringContent(JsonSerializer.Serialize(body)));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Stops the server at once, as a crash would.</summary>
    public void Kill() => server.Kill();

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return server.DisposeAsync();
    }
}
