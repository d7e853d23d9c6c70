using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Tests;

/// <summary>Writes YAML to a temp file and loads it as the loader would from a project.</summary>
internal static class Yaml
{
    public static string WriteFile(string yaml, string name = "table.yaml")
    {
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, yaml);
        return file;
    }

    public static LoadResult Load(string yaml, IReadOnlyDictionary<string, string>? variables = null) =>
        TableDefinitionLoader.Load([WriteFile(yaml)], new LoadOptions { Variables = variables ?? new Dictionary<string, string>() });

    public static Engine.Model.Table Table(string yaml)
    {
        var result = Load(yaml);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Tables.Single();
    }
}
