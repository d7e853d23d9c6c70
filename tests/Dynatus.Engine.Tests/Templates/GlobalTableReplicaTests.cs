using Amazon.DynamoDBv2;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Tests.Templates;

/// <summary>
/// A global table's other replicas become the mirrored table's Replicas; a provisioned one's auto scaling comes with it
/// (AWS adds a replica only to a table whose writes are auto scaled). Whatever is left out is a warning at its place.
/// </summary>
[TestClass]
public sealed class GlobalTableReplicaTests
{
    private const string Template = """
        Resources:
          Orders:
            Type: AWS::DynamoDB::GlobalTable
            Properties:
              TableName: orders
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              BillingMode: PAY_PER_REQUEST
              StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }
              Replicas:
                - Region: us-east-1
                - Region: eu-west-1
                - Region: ap-south-1
                  TableClass: STANDARD_INFREQUENT_ACCESS

        """;

    [TestMethod]
    public void An_on_demand_global_tables_other_replicas_are_its_replicas_with_their_table_class()
    {
        var replicas = Yaml.Load(Template).Tables.Single().Replicas!;

        CollectionAssert.AreEqual(new[] { "eu-west-1", "ap-south-1" }, replicas.Select(r => r.RegionName).ToList(), "the us-east-1 replica is the table itself");
        Assert.AreEqual(TableClass.STANDARD_INFREQUENT_ACCESS, replicas[1].TableClassOverride);
    }

    [TestMethod]
    public void A_provisioned_global_table_is_mirrored_with_its_other_replicas_and_its_auto_scaling()
    {
        var provisioned = Template.Replace("BillingMode: PAY_PER_REQUEST", "BillingMode: PROVISIONED\n      WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 50, SeedCapacity: 10, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } }", StringComparison.Ordinal)
            .Replace("- Region: us-east-1\n", "- Region: us-east-1\n          ReadProvisionedThroughputSettings: { ReadCapacityAutoScalingSettings: { MinCapacity: 4, MaxCapacity: 40, TargetTrackingScalingPolicyConfiguration: { TargetValue: 60 } } }\n", StringComparison.Ordinal)
            .Replace("- Region: eu-west-1\n", "- Region: eu-west-1\n          ReadProvisionedThroughputSettings: { ReadCapacityUnits: 3 }\n", StringComparison.Ordinal)
            .Replace("TableClass: STANDARD_INFREQUENT_ACCESS\n", "TableClass: STANDARD_INFREQUENT_ACCESS\n          ReadProvisionedThroughputSettings: { ReadCapacityAutoScalingSettings: { MinCapacity: 1, MaxCapacity: 9, TargetTrackingScalingPolicyConfiguration: { TargetValue: 50 } } }\n", StringComparison.Ordinal);

        var loaded = Yaml.Load(provisioned);

        Assert.IsEmpty(loaded.Problems, string.Join("\n", loaded.Problems));
        var table = loaded.Tables.Single();
        Assert.AreEqual((new Model.CapacityAutoScaling(5, 50, 70), new Model.CapacityAutoScaling(4, 40, 60)), (table.Throughput.WriteAutoScaling, table.Throughput.ReadAutoScaling), "SeedCapacity left out");
        Assert.AreEqual(new Model.ProvisionedCapacity(4, 5), table.Throughput.ProvisionedThroughput, "each capacity at its minimum");
        CollectionAssert.AreEqual(
            new[] { ("eu-west-1", (long?)3, (Model.CapacityAutoScaling?)null), ("ap-south-1", null, new Model.CapacityAutoScaling(1, 9, 50)) },
            table.Replicas!.Select(r => (r.RegionName, r.ReadCapacityUnitsOverride, r.ReadAutoScaling)).ToList(),
            "each other replica's fixed or auto-scaled reads, the latter registered in its region");
        Assert.IsEmpty(loaded.Warnings, string.Join("\n", loaded.Warnings));
        Assert.IsNull(Engine.Planning.TablePlanner.Plan(table, live: null).Blocker, "its writes are declared auto scaled: the replicas can be added");
    }

    [TestMethod]
    public void An_other_replicas_read_maximum_is_its_override_and_what_a_replica_cannot_declare_is_a_warning()
    {
        var declared = Template.Replace("TableClass: STANDARD_INFREQUENT_ACCESS\n", "TableClass: STANDARD_INFREQUENT_ACCESS\n          ReadOnDemandThroughputSettings: { MaxReadRequestUnits: 300 }\n          ReplicaStreamSpecification: { ResourcePolicy: { PolicyDocument: { Statement: [] } } }\n", StringComparison.Ordinal);

        var loaded = Yaml.Load(declared);

        Assert.IsEmpty(loaded.Problems, string.Join("\n", loaded.Problems));
        Assert.AreEqual(300L, loaded.Tables.Single().Replicas![1].MaxReadRequestUnitsOverride);
        var warning = loaded.Warnings.Single();
        Assert.AreEqual((ProblemCodes.NotSynced, 16), (warning.Code, warning.Location.Line));
        StringAssert.StartsWith(warning.Message, "ReplicaStreamSpecification of the replica in ap-south-1 is not synced");
    }

    [TestMethod]
    public void An_other_replicas_KMS_key_is_its_KMSMasterKeyId()
    {
        var encrypted = Template.Replace("StreamSpecification: {", "SSESpecification: { SSEEnabled: true, SSEType: KMS }\n      StreamSpecification: {", StringComparison.Ordinal)
            .Replace("- Region: eu-west-1\n", "- Region: eu-west-1\n          SSESpecification: { KMSMasterKeyId: alias/orders-eu }\n", StringComparison.Ordinal);

        var loaded = Yaml.Load(encrypted);

        Assert.IsEmpty(loaded.Problems, string.Join("\n", loaded.Problems));
        Assert.IsEmpty(loaded.Warnings, string.Join("\n", loaded.Warnings));
        Assert.AreEqual(("alias/orders-eu", null), (loaded.Tables.Single().Replicas![0].KMSMasterKeyId, loaded.Tables.Single().Replicas![1].KMSMasterKeyId));
    }
}
