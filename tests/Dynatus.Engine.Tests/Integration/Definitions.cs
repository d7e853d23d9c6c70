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

    /// <summary>A provisioned table (5/5) with a provisioned global index on email (2/2), then <paramref name="extra"/>.</summary>
    public static string ProvisionedWithEmailIndex(string name, string extra = "") => $$"""
        TableName: {{name}}
        KeySchema:
          - { AttributeName: id, KeyType: HASH }
        AttributeDefinitions:
          - { AttributeName: id, AttributeType: S }
          - { AttributeName: email, AttributeType: S }
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
        GlobalSecondaryIndexes:
          - IndexName: email-index
            KeySchema:
              - { AttributeName: email, KeyType: HASH }
            Projection: { ProjectionType: ALL }
            ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 }
        {{extra}}
        """;
}
