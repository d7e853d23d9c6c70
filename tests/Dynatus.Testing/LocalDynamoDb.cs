using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Dynatus.Testing;

/// <summary>
/// A local DynamoDB (build/local-dynamodb: dynalite plus Dynatus's control-plane additions) on a free
/// loopback port, in memory, with instant transitions and its admin routes on, for one test run or one test.
/// </summary>
public sealed class LocalDynamoDb : IAsyncDisposable
{
    private readonly Process? process;
    private readonly HttpClient http;

    private LocalDynamoDb(Process? process, string endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
        http = new HttpClient { BaseAddress = new Uri(endpoint) };
    }

    public string Endpoint { get; }

    /// <summary>The repository's local DynamoDB folder.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "build", "local-dynamodb");

    public static Task<LocalDynamoDb> StartAsync(params string[] arguments) =>
        StartAsync(Folder, new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>start</c> in <paramref name="folder"/>, as a user would, with extra environment variables.</summary>
    public static async Task<LocalDynamoDb> StartAsync(string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        // An AWS run must skip, by name, every test that needs a server of its own: one that does not is a mistake.
        if (TestTarget.IsAws)
        {
            throw new InvalidOperationException("This test starts a local DynamoDB, but the run targets AWS (DYNATUS_TEST_AWS=1): mark it [LocalServerOnly(\"what it needs\")].");
        }

        var ready = Path.Combine(Path.GetTempPath(), $"dynatus-local-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("bash", [Path.Combine(folder, "start"), "--port", "0", "--profile", "instant", "--admin", "--ready-file", ready, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!File.Exists(ready) || new FileInfo(ready).Length == 0)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await Task.Delay(100); // the last lines of output
                lock (output)
                {
                    throw new InvalidOperationException($"The local DynamoDB did not start (exit code {(process.HasExited ? process.ExitCode : "none")}):{Environment.NewLine}{output}");
                }
            }

            await Task.Delay(50);
        }

        var endpoint = await File.ReadAllTextAsync(ready);
        File.Delete(ready);
        return new LocalDynamoDb(process, endpoint);
    }

    public AmazonDynamoDBClient CreateClient(int maxErrorRetry = 2) => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = maxErrorRetry });

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
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        http.Dispose();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
