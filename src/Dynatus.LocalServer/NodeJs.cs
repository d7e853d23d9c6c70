namespace Dynatus.LocalServer;

/// <summary>Node.js and npm on the PATH, under the names each operating system gives them.</summary>
internal static class NodeJs
{
    /// <summary>The full path of <paramref name="program"/>, or null when it is not on the PATH.</summary>
    /// <remarks>
    /// On Windows node is node.exe and npm is npm.cmd, a batch file that CreateProcess runs through cmd.exe when it is
    /// named with its extension; without it, Process.Start finds no "npm" at all.
    /// </remarks>
    public static string? Find(string program)
    {
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd"] : [program];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
