using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>Each change names the property with its old and new value, as a person reads a plan.</summary>
[TestClass]
public sealed class ChangeTextTests
{
    private const string Table = """
        TableName: orders
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }, { AttributeName: status, AttributeType: S }]
        BillingMode: PAY_PER_REQUEST

        """;

    private const string WithIndex = Table + "GlobalSecondaryIndexes:\n  - IndexName: by-status\n    KeySchema:\n      - AttributeName: status\n        KeyType: HASH\n    Projection:\n      ProjectionType: KEYS_ONLY\n";

    private const string WithoutIndex = """
        TableName: orders
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
        BillingMode: PAY_PER_REQUEST

        """;

    [TestMethod]
    public void A_reshaped_index_says_which_part_changed_from_what_to_what()
    {
        var projection = Tables.Plan(WithIndex, WithIndex.Replace(("ProjectionType: KEYS_ONLY", "ProjectionType: INCLUDE\n      NonKeyAttributes: [version, status_at]")));
        Assert.AreEqual("GSI by-status Projection: KEYS_ONLY -> INCLUDE [status_at, version]: delete, then create again (the table's items stay)", projection.Changes.Single());

        var keys = Tables.Plan(WithIndex, WithIndex.Replace(("      - AttributeName: status\n        KeyType: HASH\n    Projection", "      - AttributeName: status\n        KeyType: HASH\n      - AttributeName: id\n        KeyType: RANGE\n    Projection")));
        Assert.AreEqual("GSI by-status KeySchema: [status HASH] -> [status HASH, id RANGE]: delete, then create again (the table's items stay)", keys.Changes.Single());
    }

    [TestMethod]
    public void Tag_changes_are_one_line_of_additions_changes_and_removals()
    {
        var live = WithoutIndex + "Tags:\n  - { Key: team, Value: core }\n  - { Key: owner, Value: ada }\n";
        var plan = Tables.Plan(live, WithoutIndex + "Tags:\n  - { Key: owner, Value: grace }\n  - { Key: env, Value: qa }\n");
        Assert.AreEqual("Tags: ~owner=ada->grace +env=qa -team", plan.Changes.Single());
    }

    [TestMethod]
    public void A_create_lists_every_declared_setting()
    {
        var yaml = """
            TableName: orders
            KeySchema: [{ AttributeName: id, KeyType: HASH }]
            AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 }
            SSESpecification: { Enabled: true, SSEType: KMS, KMSMasterKeyId: alias/orders }
            TableClass: STANDARD_INFREQUENT_ACCESS
            DeletionProtectionEnabled: true
            Tags: [{ Key: env, Value: qa }]
            """;
        var plan = TablePlanner.Plan(Yaml.Table(yaml), live: null);
        CollectionAssert.AreEqual(
            new[] { "KeySchema [id HASH]", "PROVISIONED", "ProvisionedThroughput 5 read / 2 write", "SSE KMS alias/orders", "TableClass STANDARD_INFREQUENT_ACCESS", "deletion protection", "Tags env=qa" },
            plan.Changes.ToList());
    }

    [TestMethod]
    public void An_on_demand_create_lists_its_maximum_and_warm_throughput()
    {
        var yaml = """
            TableName: orders
            KeySchema: [{ AttributeName: id, KeyType: HASH }]
            AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
            BillingMode: PAY_PER_REQUEST
            OnDemandThroughput: { MaxReadRequestUnits: 200, MaxWriteRequestUnits: 100 }
            WarmThroughput: { ReadUnitsPerSecond: 15000, WriteUnitsPerSecond: 5000 }
            """;
        var plan = TablePlanner.Plan(Yaml.Table(yaml), live: null);
        CollectionAssert.AreEqual(
            new[] { "KeySchema [id HASH]", "PAY_PER_REQUEST", "OnDemandThroughput 200 read / 100 write", "WarmThroughput 15000 read / 5000 write" },
            plan.Changes.ToList());
    }
}
