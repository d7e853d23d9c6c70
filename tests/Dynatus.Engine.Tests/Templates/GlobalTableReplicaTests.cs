using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Tests.Templates;

/// <summary>
/// A global table's other replicas become the mirrored table's Replicas when it is on demand; a provisioned one's are
/// left out, as AWS adds a replica only to a table whose writes are auto scaled, which CloudFormation does and a mirror
/// does not.
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
        Assert.AreEqual("STANDARD_INFREQUENT_ACCESS", replicas[1].TableClassOverride);
    }

    [TestMethod]
    public void A_provisioned_global_table_is_mirrored_without_its_other_replicas()
    {
        var provisioned = Template.Replace("BillingMode: PAY_PER_REQUEST", "BillingMode: PROVISIONED\n      WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } }", StringComparison.Ordinal);

        var loaded = Yaml.Load(provisioned);

        Assert.IsEmpty(loaded.Problems, string.Join("\n", loaded.Problems));
        Assert.IsNull(loaded.Tables.Single().Replicas);
    }
}
