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

    public static bool TryVariables(IReadOnlyList<string> pairs, TextWriter error, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0)
            {
                error.WriteLine($"error {InvalidValue}: --var '{pair}': write Name=Value.");
                return false;
            }

            values[pair[..cut]] = pair[(cut + 1)..];
        }

        return true;
    }
}
