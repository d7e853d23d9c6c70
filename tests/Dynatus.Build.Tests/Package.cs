using Dynatus.Testing;

namespace Dynatus.Build.Tests;

/// <summary>The Dynatus package, packed once per test run into a folder feed, and the run's private packages folder.</summary>
[TestClass]
public static class Package
{
    public static string Feed { get; private set; } = null!;

    public static string PackagesFolder { get; private set; } = null!;

    /// <summary>A version no cache has seen, so no stale copy can be restored.</summary>
    public static string Version { get; } = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";

    /// <summary>The run's DynamoDB: a local server, or the account of an AWS run.</summary>
    public static SharedDynamoDb Server { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task PackAsync(TestContext context)
    {
        var root = Path.Combine(Path.GetTempPath(), "dynatus-e2e", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(root, "feed");
        PackagesFolder = Path.Combine(root, "packages");
        var project = Path.Combine(RepositoryRoot.Path, "src", "Dynatus.Build", "Dynatus.Build.csproj");
        var pack = await DotNet.RunAsync(RepositoryRoot.Path, "pack", project, "-c", "Release", "-o", Feed, $"-p:MinVerVersionOverride={Version}", "-nodeReuse:false");
        Assert.AreEqual(0, pack.ExitCode, pack.Output);
        Server = await SharedDynamoDb.StartAsync(typeof(Package).Assembly);
    }

    [AssemblyCleanup]
    public static async Task StopAsync() => await Server.DisposeAsync();

    public static string NupkgPath => Path.Combine(Feed, $"Dynatus.{Version}.nupkg");
}
