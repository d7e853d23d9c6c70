using Dynatus.Engine.Definitions;

namespace Dynatus.Benchmarks;

/// <summary>Benchmark tables: on-demand, keyed by id, with one GSI (as in the B1).</summary>
internal static class Tables
{
    public static string Yaml(string name) => $"""
        TableName: {name}
        KeySchema:
          - AttributeName: id
            KeyType: HASH
        AttributeDefinitions:
          - AttributeName: id
            AttributeType: S
          - AttributeName: email
            AttributeType: S
        BillingMode: PAY_PER_REQUEST
        GlobalSecondaryIndexes:
          - IndexName: email-index
            KeySchema:
              - AttributeName: email
                KeyType: HASH
            Projection:
              ProjectionType: ALL

        """;

    public static IReadOnlyList<TableDefinition> Definitions(string prefix, int count)
    {
        var folder = WriteFolder(prefix, count);
        var loaded = TableDefinitionLoader.Load(TableDefinitionLoader.FindFiles(folder));
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
        }

        return loaded.Definitions;
    }

    public static string WriteFolder(string prefix, int count, string? folder = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "dynatus-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{prefix}-{i:D3}.yaml"), Yaml($"{prefix}-{i:D3}"));
        }

        return folder;
    }
}
