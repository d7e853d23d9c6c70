namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>A temporary AppHost folder with a table definition (its BillingMode misspelt, if asked) and its seed rows.</summary>
internal static class AppHostFolder
{
    public static string Create(string tableName, bool misspelt = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-aspire", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "dynamo", "seed"));
        File.WriteAllText(Path.Combine(folder, "dynamo", "orders.yaml"), $"""
            TableName: {tableName}
            KeySchema:
              - AttributeName: id
                KeyType: HASH
            AttributeDefinitions:
              - AttributeName: id
                AttributeType: S
            {(misspelt ? "BilingMode" : "BillingMode")}: PAY_PER_REQUEST
            """);
        File.WriteAllText(Path.Combine(folder, "dynamo", "seed", $"{tableName}.json"), """[{ "id": "o1", "total": 10 }, { "id": "o2", "total": 20 }]""");
        return folder;
    }
}
