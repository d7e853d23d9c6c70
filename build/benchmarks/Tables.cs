using Dynatus.Engine.Model;
using Dynatus.Engine.Definitions;
using Dynatus.Testing;

namespace Dynatus.Benchmarks;

/// <summary>Benchmark tables: on-demand, keyed by id, with one GSI (as in the B1).</summary>
internal static class Tables
{
    public static IReadOnlyList<Table> Definitions(string prefix, int count)
    {
        var folder = WriteFolder(prefix, count);
        var loaded = TableDefinitionLoader.Load(TableDefinitionLoader.FindFiles(folder));
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
        }

        return loaded.Tables;
    }

    public static string WriteFolder(string prefix, int count, string? folder = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "dynatus-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{prefix}-{i:D3}.yaml"), TableYaml.WithEmailIndex($"{prefix}-{i:D3}"));
        }

        return folder;
    }
}
