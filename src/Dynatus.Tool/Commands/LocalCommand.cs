using System.CommandLine;
using System.Diagnostics;
using Dynatus.LocalServer;

namespace Dynatus.Tool.Commands;

/// <summary><c>dynatus local</c>: the local DynamoDB the repository's tests use, for the packages' users, in one command.</summary>
internal sealed class LocalCommand(TextWriter output, TextWriter error)
{
    /// <summary>Node.js is not there, or its packages could not be installed.</summary>
    public const string NodeMissing = "DYN009";

    private readonly Option<int> port = new("--port") { Description = "The port to listen on, on this machine only; 0 picks a free one.", DefaultValueFactory = _ => 8000 };

    private readonly Option<string?> path = new("--path") { Description = "Keep the tables in this folder; by default they live in memory and go when it stops." };

    private readonly Option<string?> readyFile = new("--ready-file") { Description = "Write the endpoint to this file once the server listens (for scripts that start it in the background)." };

    public Command Create()
    {
        var command = new Command("local", "Run a local DynamoDB (dynalite with AWS's control-plane rules) until Ctrl+C. Needs Node.js 20 or later. Options it does not know go to the server (--profile instant, --admin).")
        {
            port, path, readyFile,
        };

        // The server's own options (its delay profile, its test routes) pass through unchanged.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (LocalServerStart.FromPath() is not { } start)
        {
            error.WriteLine($"error {NodeMissing}: dynatus local: {LocalServerStart.NodeMissing}");
            return ExitCodes.Error;
        }

        if (await LocalServerInstall.EnsureAsync(start, error, cancellationToken).ConfigureAwait(false) is not { } folder)
        {
            error.WriteLine($"error {NodeMissing}: dynatus local: {LocalServerInstall.InstallFailed}");
            return ExitCodes.Error;
        }

        List<string> arguments = [Path.Combine(folder, "server.js"), "--port", parse.GetValue(port).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (parse.GetValue(path) is { } data)
        {
            arguments.AddRange(["--path", Path.GetFullPath(data)]);
        }

        if (parse.GetValue(readyFile) is { } ready)
        {
            arguments.AddRange(["--ready-file", Path.GetFullPath(ready)]);
        }

        arguments.AddRange(parse.UnmatchedTokens);

        // The server writes its endpoint on standard output; the tool's own output is the server's.
        using var server = LocalServerProcess.Run(new ProcessStartInfo(start.Node, arguments) { WorkingDirectory = folder }, start.Environment, output);
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
}
