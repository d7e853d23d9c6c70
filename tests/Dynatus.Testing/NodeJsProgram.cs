using System.Diagnostics;
using System.Text;
using Dynatus.LocalServer;

namespace Dynatus.Testing;

/// <summary>node or npm, found on the PATH as the tool finds them, run in a folder.</summary>
public static class NodeJsProgram
{
    public static async Task<DotNetResult> RunAsync(string folder, string program, params string[] arguments)
    {
        var path = NodeJs.Find(program) ?? throw new InvalidOperationException($"{program} is not on the PATH");
        using var process = Process.Start(new ProcessStartInfo(path, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        return new DotNetResult(process.ExitCode, output.ToString());
    }
}
