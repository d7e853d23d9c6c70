using System.Diagnostics;
using Dynatus.LocalServer;

namespace Dynatus.Testing;

/// <summary>node or npm, found on the PATH as the tool finds them, run in a folder.</summary>
public static class NodeJsProgram
{
    public static Task<DotNetResult> RunAsync(string folder, string program, params string[] arguments) =>
        DotNet.RunCapturedAsync(new ProcessStartInfo(NodeJs.Find(program) ?? throw new InvalidOperationException($"{program} is not on the PATH"), arguments) { WorkingDirectory = folder });
}
