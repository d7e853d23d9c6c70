using System.Diagnostics;
using System.Text;

namespace Dynatus.LocalServer;

/// <summary>A running local DynamoDB, started from .NET on any OS: installed if need be, listening, its endpoint known.</summary>
internal sealed class LocalServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private LocalServerProcess(Process process, string endpoint) => (this.process, Endpoint) = (process, endpoint);

    /// <summary>The address it listens on (http://127.0.0.1:port).</summary>
    public string Endpoint { get; }

    /// <summary>Installs the server's packages if need be, starts it and waits until it listens.</summary>
    /// <exception cref="InvalidOperationException">It could not be installed or did not start; the message holds what it printed.</exception>
    public static async Task<LocalServerProcess> StartAsync(LocalServerStart start, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var log = TextWriter.Synchronized(output);
        if (await LocalServerInstall.EnsureAsync(start, log, cancellationToken).ConfigureAwait(false) is not { } folder)
        {
            throw new InvalidOperationException($"{LocalServerInstall.InstallFailed}{Environment.NewLine}{output}");
        }

        // The server writes its endpoint to this file once it listens: no parsing of its output, which is the user's.
        var ready = Path.Combine(Path.GetTempPath(), $"dynatus-local-{Guid.NewGuid():N}");
        // It stops with this process, even one killed before it could stop it (start.Arguments may name another parent).
        var parent = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var server = new ProcessStartInfo(start.Node, [Path.Combine(folder, "server.js"), "--parent-pid", parent, .. start.Arguments, "--ready-file", ready]) { WorkingDirectory = folder };
        var process = Run(server, start.Environment, log);
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(ready) || new FileInfo(ready).Length == 0)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var exitCode = process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none: still running after " + timeout;
                Stop(process);
                throw new InvalidOperationException($"The local DynamoDB did not start (exit code {exitCode}):{Environment.NewLine}{output}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        var endpoint = await File.ReadAllTextAsync(ready, cancellationToken).ConfigureAwait(false);
        File.Delete(ready);
        return new LocalServerProcess(process, endpoint);
    }

    /// <summary>Starts <paramref name="start"/> with its output and errors written, line by line, to <paramref name="log"/>.</summary>
    public static Process Run(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment, TextWriter log)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.StandardOutputEncoding = start.StandardErrorEncoding = Encoding.UTF8;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(TextWriter log, string? line)
    {
        if (line is not null)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>Stops it at once, as a crash would.</summary>
    public void Kill() => Stop(process);

    public ValueTask DisposeAsync()
    {
        Stop(process);
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        // Also waits for the end of its redirected output, so that a failure's message holds its last lines.
        process.WaitForExit();
    }
}
