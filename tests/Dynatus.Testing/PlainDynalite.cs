using System.Diagnostics;

namespace Dynatus.Testing;

/// <summary>
/// dynalite alone, as `npx dynalite` runs it, without the control-plane operations the local DynamoDB adds (no
/// Application Auto Scaling, among others): a real local DynamoDB of the kind a user may already run.
/// </summary>
public sealed class PlainDynalite : IDisposable
{
    private readonly Process process;

    private PlainDynalite(Process process, string endpoint) => (this.process, Endpoint) = (process, endpoint);

    public string Endpoint { get; }

    /// <summary>Starts it on a free loopback port, from the local DynamoDB's installed packages.</summary>
    public static async Task<PlainDynalite> StartAsync()
    {
        if (TestTarget.IsAws)
        {
            throw new InvalidOperationException("This test starts dynalite, but the run targets AWS (DYNATUS_TEST_AWS=1): mark it [LocalServerOnly(\"what it needs\")].");
        }

        const string script = "require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })";
        var start = new ProcessStartInfo("node", ["-e", script]) { WorkingDirectory = await LocalDynamoDb.InstalledFolderAsync(), RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        var port = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return port is { Length: > 0 } ? new PlainDynalite(process, $"http://127.0.0.1:{port}")
            : throw new InvalidOperationException($"dynalite did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
