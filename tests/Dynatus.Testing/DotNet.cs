using System.Diagnostics;
using System.Text;

namespace Dynatus.Testing;

public sealed record DotNetResult(int ExitCode, string Output);

/// <summary>Runs the dotnet CLI as a user would, without the test host's MSBuild settings leaking in.</summary>
public static class DotNet
{
    /// <summary>Runs another program and returns what it printed.</summary>
    public static async Task<string> RunProcessAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    public static async Task<DotNetResult> RunAsync(string workingDirectory, params string[] arguments) =>
        await RunAsync(workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs dotnet with extra environment variables; a null value removes the variable.</summary>
    public static async Task<DotNetResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_HOST_PATH" or "DYNAMODB_LOCAL_ENDPOINT" or "AWS_ENDPOINT_URL" or "AWS_ENDPOINT_URL_DYNAMODB" or "GITHUB_STEP_SUMMARY").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return await RunCapturedAsync(start);
    }

    /// <summary>Runs a program to its end and returns its exit code and what it wrote to both outputs, interleaved.</summary>
    internal static async Task<DotNetResult> RunCapturedAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        return new DotNetResult(process.ExitCode, output.ToString());
    }
}
