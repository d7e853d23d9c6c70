using System.Diagnostics;
using System.Security.Cryptography;

namespace Dynatus.Tool.Local;

/// <summary>
/// The local DynamoDB the tool carries (build/local-dynamodb: dynalite with AWS's control-plane rules), installed on
/// first use into a per-user folder named after its files' hash. npm ci runs under a lock file, and a copy of the lock
/// file marks a finished install, so that several first starts at once install once and the others wait for it.
/// </summary>
internal static class LocalServerInstall
{
    /// <summary>Overrides the per-user folder (tests, shared machines).</summary>
    public const string HomeVariable = "DYNATUS_LOCAL_DYNAMODB_HOME";

    private const string Marker = ".dynatus-installed.json";

    private static string Source => Path.Combine(AppContext.BaseDirectory, "local-dynamodb");

    /// <summary>The folder to run the server from, installed; null when that failed (said on <paramref name="error"/>).</summary>
    public static async Task<string?> EnsureAsync(string npm, TextWriter error, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(Source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var home = Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } given
            ? given
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dynatus", "local-dynamodb");
        var folder = Path.Combine(home, await HashAsync(files, cancellationToken).ConfigureAwait(false));
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
            var target = Path.Combine(folder, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        error.WriteLine($"dynatus local: installing the local DynamoDB's npm packages into {folder} (once)...");
        var install = Process.Start(new ProcessStartInfo(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = folder })!;
        await install.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (install.ExitCode != 0)
        {
            error.WriteLine("error DYN009: installing the local DynamoDB's npm packages failed (npm ci, above); it was not started. Check that the npm registry can be reached, then start it again.");
            return null;
        }

        File.Copy(Path.Combine(folder, "package-lock.json"), Path.Combine(folder, Marker), overwrite: true);
        return folder;
    }

    private static async Task<string> HashAsync(List<string> files, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(Source, file)));
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    // An exclusive open is the lock, on every OS; another start holding it is waited for.
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
