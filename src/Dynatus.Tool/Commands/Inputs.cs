using Dynatus.Engine.Definitions;

namespace Dynatus.Tool.Commands;

/// <summary>Reads the paths and <c>--var</c> values a verb was given; what is wrong is a coded error naming it.</summary>
internal static class Inputs
{
    /// <summary>A path given that does not exist.</summary>
    public const string PathNotFound = "DYN007";

    /// <summary>An option value outside the accepted ones (as the MSBuild properties' DYN006).</summary>
    public const string InvalidValue = "DYN006";

    public static bool TryFiles(IReadOnlyList<string> paths, TextWriter error, out List<string> files)
    {
        files = [];
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                var found = TableDefinitionLoader.FindFiles(path);
                if (found.Count == 0)
                {
                    error.WriteLine($"error {PathNotFound}: The folder '{path}' holds no .yaml or .yml file.");
                    return false;
                }

                files.AddRange(found.Select(Path.GetFullPath));
            }
            else
            {
                error.WriteLine($"error {PathNotFound}: The path '{path}' does not exist.");
                return false;
            }
        }

        files = [.. files.Distinct(StringComparer.Ordinal)];
        return true;
    }

    public static bool TryVariables(IReadOnlyList<string> pairs, TextWriter error, out Dictionary<string, string> values, string option = "--var", string shape = "Name=Value")
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0)
            {
                error.WriteLine($"error {InvalidValue}: {option} '{pair}': write {shape}.");
                return false;
            }

            values[pair[..cut]] = pair[(cut + 1)..];
        }

        return true;
    }

    /// <summary>--source-prefix FILE=PREFIX values, by the full path of a file among <paramref name="files"/>.</summary>
    public static bool TrySourcePrefixes(IReadOnlyList<string> pairs, IReadOnlyList<string> files, TextWriter error, out Dictionary<string, string> prefixes)
    {
        prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!TryVariables(pairs, error, out var given, "--source-prefix", "File=Prefix"))
        {
            return false;
        }

        foreach (var (file, prefix) in given)
        {
            var path = Path.GetFullPath(file);
            if (!files.Contains(path, StringComparer.Ordinal))
            {
                error.WriteLine($"error {PathNotFound}: --source-prefix '{file}': that file is not among the definitions given.");
                return false;
            }

            prefixes[path] = prefix;
        }

        return true;
    }
}
