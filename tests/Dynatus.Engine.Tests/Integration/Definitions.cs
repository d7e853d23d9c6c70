using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>YAML folders for integration tests, with table names unique to the test.</summary>
internal static class Definitions
{
    public static string Folder(params string[] documents)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < documents.Length; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"table{i}.yaml"), documents[i]);
        }

        return folder;
    }

    public static string Rewrite(string folder, int index, string yaml)
    {
        File.WriteAllText(Path.Combine(folder, $"table{index}.yaml"), yaml);
        return folder;
    }

    public static string OnDemand(string name, string extra = "") => TableYaml.OnDemand(name, extra);

    /// <summary>An on-demand table whose hash key is <paramref name="key"/> instead of <c>id</c>: a key change.</summary>
    public static string OnDemandKeyedBy(string name, string key) => OnDemand(name).Replace("AttributeName: id", $"AttributeName: {key}", StringComparison.Ordinal);

    public static string WithEmailIndex(string name, string extra = "") => TableYaml.WithEmailIndex(name, extra);
}
