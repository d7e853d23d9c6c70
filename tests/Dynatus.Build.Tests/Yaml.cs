namespace Dynatus.Build.Tests;

internal static class Yaml
{
    public static string Table(string name, string key = "id", string extra = "") => $"""
        TableName: {name}
        KeySchema:
          - AttributeName: {key}
            KeyType: HASH
        AttributeDefinitions:
          - AttributeName: {key}
            AttributeType: S
        BillingMode: PAY_PER_REQUEST
        {extra}
        """;
}
