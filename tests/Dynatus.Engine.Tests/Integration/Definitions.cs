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

    public static string OnDemand(string name, string extra = "") => $"""
        TableName: {name}
        KeySchema:
          - AttributeName: id
            KeyType: HASH
        AttributeDefinitions:
          - AttributeName: id
            AttributeType: S
        BillingMode: PAY_PER_REQUEST
        {extra}
        """;

    public static string WithEmailIndex(string name, string extra = "") => $"""
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
        {extra}
        """;
}
