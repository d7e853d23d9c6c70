using System.Diagnostics;
using Dynatus.Testing;

namespace Dynatus.Tool.Tests;

/// <summary>What the tool printed, on each stream, and how it exited.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error);

/// <summary>The Dynatus.Tool package, packed once per run and installed with <c>dotnet tool install --tool-path</c>; and a local DynamoDB.</summary>
[TestClass]
public static class InstalledTool
{
    private static string command = null!;

    /// <summary>A version no cache has seen, so no stale copy can be installed.</summary>
    public static string Version { get; } = $"0.0.0-tool.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public static LocalDynamoDb Server { get; private set; } = null!;

    /// <summary>The folder feed the package was packed into.</summary>
    public static string Feed { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task InstallAsync(TestContext context)
    {
        var root = Path.Combine(Path.GetTempPath(), "dynatus-tool-tests", Guid.NewGuid().ToString("N"));
        var feed = Feed = Path.Combine(root, "feed");
        var project = Path.Combine(RepositoryRoot.Path, "src", "Dynatus.Tool", "Dynatus.Tool.csproj");
        var pack = await DotNet.RunAsync(RepositoryRoot.Path, "pack", project, "-c", "Release", "-o", feed, $"-p:MinVerVersionOverride={Version}", "-nodeReuse:false");
        Assert.AreEqual(0, pack.ExitCode, pack.Output);
        var tools = Path.Combine(root, "tools");
        var install = await DotNet.RunAsync(root, "tool", "install", "Dynatus.Tool", "--tool-path", tools, "--add-source", feed, "--version", Version);
        Assert.AreEqual(0, install.ExitCode, install.Output);
        command = Path.Combine(tools, OperatingSystem.IsWindows() ? "dynatus.exe" : "dynatus");
        Server = await LocalDynamoDb.StartAsync();
    }

    [AssemblyCleanup]
    public static async Task StopAsync() => await Server.DisposeAsync();

    /// <summary>Runs <c>dynatus</c> with <paramref name="arguments"/>, as a user's shell would, with no AWS set up.</summary>
    public static async Task<ToolResult> RunAsync(params string[] arguments)
    {
        using var process = Start(new Dictionary<string, string>(), arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ToolResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>dynatus</c> with its streams redirected, for a command that keeps running (<c>dynatus local</c>).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var name in new[] { "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
