namespace Dynatus.Testing;

/// <summary>YAML definitions of the tables that tests and benchmarks create: on-demand, keyed by id.</summary>
public static class TableYaml
{
    public static string OnDemand(string name, string extra = "") => Table(name, [], extra);

    public static string WithEmailIndex(string name, string extra = "") => Table(name, ["email"], $"""
        GlobalSecondaryIndexes:
          - IndexName: email-index
            KeySchema:
              - AttributeName: email
                KeyType: HASH
            Projection:
              ProjectionType: ALL
        {extra}
        """);

    // An on-demand table keyed by id, with string attributes for the index keys that extra declares.
    private static string Table(string name, string[] indexKeys, string extra) => $"""
        TableName: {name}
        KeySchema:
          - AttributeName: id
            KeyType: HASH
        AttributeDefinitions:
        {string.Concat(indexKeys.Prepend("id").Select(a => $"  - AttributeName: {a}\n    AttributeType: S\n"))}BillingMode: PAY_PER_REQUEST
        {extra}
        """;
}
