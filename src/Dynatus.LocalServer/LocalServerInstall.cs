using System.Diagnostics;
using System.Security.Cryptography;

namespace Dynatus.LocalServer;

/// <summary>
/// The local DynamoDB's files (build/local-dynamodb: dynalite with AWS's control-plane rules), installed on first use
/// into a per-user folder named after their hash. npm ci runs under a lock file, and a copy of the lock file marks a
/// finished install, so that several first starts at once (the test assemblies of one run) install once and the others
/// wait for it; an exclusive open is the lock, so the same code holds on every operating system.
/// </summary>
internal static class LocalServerInstall
{
    /// <summary>Overrides the per-user folder (CI's fresh machine, tests, shared machines).</summary>
    public const string HomeVariable = "DYNATUS_LOCAL_DYNAMODB_HOME";

    private const string Marker = ".dynatus-installed.json";

    /// <summary>
    /// The server's files as they ship beside this assembly: in the tool's folder, or copied into an AppHost's output,
    /// which need not be the running program's (an AppHost started by a test host).
    /// </summary>
    public static string BundledFiles => Path.Combine(Path.GetDirectoryName(typeof(LocalServerInstall).Assembly.Location) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory, "local-dynamodb");

    /// <summary>
    /// The folder to run the server from, installed; null when npm ci failed, after its output was written to
    /// <paramref name="log"/> (say <see cref="InstallFailed"/> then).
    /// </summary>
    public static async Task<string?> EnsureAsync(LocalServerStart start, TextWriter log, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(start.Files, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(start.Files, file).StartsWith("node_modules", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var home = start.Environment.GetValueOrDefault(HomeVariable) is { Length: > 0 } forRun ? forRun
            : Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } given ? given
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dynatus", "local-dynamodb");
        var folder = Path.Combine(home, await HashAsync(start.Files, files, cancellationToken).ConfigureAwait(false));
        if (File.Exists(Path.Combine(folder, Marker)))
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        using var installLock = await LockAsync(Path.Combine(folder, ".install.lock"), cancellationToken).ConfigureAwait(false);
        if (File.Exists(Path.Combine(folder, Marker)))
        {
            return folder;
        }

        foreach (var file in files)
        {
            var target = Path.Combine(folder, Path.GetRelativePath(start.Files, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        await log.WriteLineAsync($"Installing the local DynamoDB's npm packages into {folder} (once)...").ConfigureAwait(false);
        var npm = new ProcessStartInfo(start.Npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = folder };
        using var install = LocalServerProcess.Run(npm, start.Environment, log);
        await install.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (install.ExitCode != 0)
        {
            return null;
        }

        File.Copy(Path.Combine(folder, "package-lock.json"), Path.Combine(folder, Marker), overwrite: true);
        return folder;
    }

    /// <summary>What a failed install says, after npm's own output.</summary>
    public const string InstallFailed = "installing the local DynamoDB's npm packages failed (npm ci, above); it was not started. Check that the npm registry can be reached, then start it again.";

    private static async Task<string> HashAsync(string root, List<string> files, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            // Separators as on Linux, so that one set of files has one folder name on every OS.
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/')));
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
