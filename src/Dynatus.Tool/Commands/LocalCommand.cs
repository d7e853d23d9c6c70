using System.CommandLine;
using System.Diagnostics;
using Dynatus.Tool.Local;

namespace Dynatus.Tool.Commands;

/// <summary><c>dynatus local</c>: the local DynamoDB the repository's tests use, for the packages' users, in one command.</summary>
internal sealed class LocalCommand(TextWriter error)
{
    /// <summary>Node.js is not there, or its packages could not be installed.</summary>
    public const string NodeMissing = "DYN009";

    private readonly Option<int> port = new("--port") { Description = "The port to listen on, on this machine only; 0 picks a free one.", DefaultValueFactory = _ => 8000 };

    private readonly Option<string?> path = new("--path") { Description = "Keep the tables in this folder; by default they live in memory and go when it stops." };

    public Command Create()
    {
        var command = new Command("local", "Run a local DynamoDB (dynalite with AWS's control-plane rules) until Ctrl+C. Needs Node.js 20 or later.") { port, path };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (Find("node") is not { } node || Find("npm") is not { } npm)
        {
            error.WriteLine($"error {NodeMissing}: dynatus local needs Node.js 20 or later with npm on the PATH (https://nodejs.org, or your package manager: apt-get install nodejs npm); neither node nor npm was found.");
            return ExitCodes.Error;
        }

        if (await LocalServerInstall.EnsureAsync(npm, error, cancellationToken).ConfigureAwait(false) is not { } folder)
        {
            return ExitCodes.Error;
        }

        List<string> arguments = [Path.Combine(folder, "server.js"), "--port", parse.GetValue(port).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (parse.GetValue(path) is { } data)
        {
            arguments.AddRange(["--path", Path.GetFullPath(data)]);
        }

        // The server writes its endpoint on standard output; the tool's own output is the server's.
        using var server = Process.Start(new ProcessStartInfo(node, arguments) { WorkingDirectory = folder })!;
        try
        {
            await server.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return server.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            server.Kill(entireProcessTree: true);
            return ExitCodes.Success;
        }
    }

    // On Windows node is node.exe and npm is npm.cmd.
    private static string? Find(string program)
    {
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd"] : [program];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
