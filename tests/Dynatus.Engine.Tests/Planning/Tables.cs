namespace Dynatus.Engine.Tests.Planning;

/// <summary>Definitions the planner tests start from: the Clojure dynatus library's users table, as YAML.</summary>
internal static class Tables
{
    public const string Users = """
        TableName: users
        KeySchema:
          - AttributeName: user_id
            KeyType: HASH
        AttributeDefinitions:
          - AttributeName: user_id
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
        StreamSpecification:
          StreamEnabled: true
          StreamViewType: NEW_AND_OLD_IMAGES
        Tags:
          - Key: Environment
            Value: production

        """;

    public const string Provisioned = """
        TableName: orders
        KeySchema:
          - AttributeName: customer_id
            KeyType: HASH
          - AttributeName: order_id
            KeyType: RANGE
        AttributeDefinitions:
          - AttributeName: customer_id
            AttributeType: S
          - AttributeName: order_id
            AttributeType: S
          - AttributeName: status
            AttributeType: S
        ProvisionedThroughput:
          ReadCapacityUnits: 5
          WriteCapacityUnits: 5
        GlobalSecondaryIndexes:
          - IndexName: status-index
            KeySchema:
              - AttributeName: status
                KeyType: HASH
            Projection:
              ProjectionType: INCLUDE
              NonKeyAttributes: [total, placed_at]
            ProvisionedThroughput:
              ReadCapacityUnits: 2
              WriteCapacityUnits: 2
        LocalSecondaryIndexes:
          - IndexName: by-date
            KeySchema:
              - AttributeName: customer_id
                KeyType: HASH
              - AttributeName: order_id
                KeyType: RANGE
            Projection:
              ProjectionType: KEYS_ONLY

        """;

    /// <summary>A table with a global secondary index keyed by two HASH and two RANGE attributes.</summary>
    public const string Matches = """
        TableName: matches
        KeySchema:
          - AttributeName: match_id
            KeyType: HASH
        AttributeDefinitions:
          - AttributeName: match_id
            AttributeType: S
          - AttributeName: tournament
            AttributeType: S
          - AttributeName: region
            AttributeType: S
          - AttributeName: round
            AttributeType: N
          - AttributeName: bracket
            AttributeType: S
        BillingMode: PAY_PER_REQUEST
        GlobalSecondaryIndexes:
          - IndexName: bracket-index
            KeySchema:
              - AttributeName: tournament
                KeyType: HASH
              - AttributeName: region
                KeyType: HASH
              - AttributeName: round
                KeyType: RANGE
              - AttributeName: bracket
                KeyType: RANGE
            Projection:
              ProjectionType: ALL

        """;

    /// <summary>
    /// <see cref="Provisioned"/> with auto scaling declared: the table's writes (5-50 at 70%) and reads, with the policy's
    /// options, and the index's writes (2-20 at 70%).
    /// </summary>
    public static readonly string AutoScaled = Provisioned.Replace(
        ("GlobalSecondaryIndexes:\n", """
            WriteProvisionedThroughputSettings:
              WriteCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } }
            ReadProvisionedThroughputSettings:
              ReadCapacityAutoScalingSettings:
                MinCapacity: 5
                MaxCapacity: 100
                TargetTrackingScalingPolicyConfiguration: { TargetValue: 75.5, ScaleInCooldown: 60, ScaleOutCooldown: 30, DisableScaleIn: true }
            GlobalSecondaryIndexes:

            """),
        ("      WriteCapacityUnits: 2\n", """
                  WriteCapacityUnits: 2
                WriteProvisionedThroughputSettings:
                  WriteCapacityAutoScalingSettings: { MinCapacity: 2, MaxCapacity: 20, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } }

            """));

    /// <summary>Plans <paramref name="desiredYaml"/> against the live table AWS would show for <paramref name="liveYaml"/>.</summary>
    public static Engine.Planning.TablePlan Plan(string liveYaml, string desiredYaml) =>
        Engine.Planning.TablePlanner.Plan(Yaml.Table(desiredYaml), AwsShapes.LiveFrom(Yaml.Table(liveYaml)));

    public static string Replace(this string yaml, params (string From, string To)[] edits) =>
        edits.Aggregate(yaml, (text, edit) =>
        {
            Assert.Contains(edit.From, text, $"The test's edit does not apply: '{edit.From}' is not in the YAML.");
            return text.Replace(edit.From, edit.To, StringComparison.Ordinal);
        });
}
