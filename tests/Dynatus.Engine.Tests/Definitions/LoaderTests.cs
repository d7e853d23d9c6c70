using Amazon.DynamoDBv2;
using Dynatus.Engine.Model;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Tests.Definitions;

[TestClass]
public sealed class LoaderTests
{
    private const string Valid = """
        TableName: users
        KeySchema:
          - AttributeName: user_id
            KeyType: HASH
        AttributeDefinitions:
          - AttributeName: user_id
            AttributeType: S
        BillingMode: PAY_PER_REQUEST

        """;

    [TestMethod]
    public void The_seeds_users_table_as_YAML_loads_with_the_same_meaning()
    {
        var table = Yaml.Table(Planning.Tables.Users);
        Assert.AreEqual("users", table.TableName);
        Assert.AreEqual(new KeyElement("user_id", "S"), table.KeySchema.HashKeys.Single());
        Assert.IsEmpty(table.KeySchema.RangeKeys);
        Assert.AreEqual(BillingMode.PAY_PER_REQUEST, table.BillingMode);
        Assert.AreEqual(new TableKey(new KeyElement("email", "S")), table.GlobalSecondaryIndexes!.Single().KeySchema);
        Assert.AreEqual(ProjectionType.ALL, table.GlobalSecondaryIndexes![0].Projection.ProjectionType);
        Assert.AreEqual(StreamViewType.NEW_AND_OLD_IMAGES, table.StreamSpecification!.StreamViewType);
        Assert.AreEqual("production", table.Tags!.Single().Value);
    }

    [TestMethod]
    public void A_file_may_hold_several_tables()
    {
        var result = Yaml.Load(Valid + "---\n" + Valid.Replace("users", "orders", StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[] { "users", "orders" }, result.Tables.Select(d => d.TableName).ToList());
    }

    [TestMethod]
    public void Variables_are_replaced_in_any_value()
    {
        var yaml = Valid.Replace("TableName: users", "TableName: ${Stage}-users", StringComparison.Ordinal) + "DeletionProtectionEnabled: ${Protect}\n";
        var result = Yaml.Load(yaml, new Dictionary<string, string> { ["Stage"] = "prod", ["Protect"] = "true" });
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Problems));
        Assert.AreEqual("prod-users", result.Tables[0].TableName);
        Assert.IsTrue(result.Tables[0].DeletionProtectionEnabled);
    }

    [TestMethod]
    public void The_prefix_is_prepended_to_every_table_name()
    {
        var file = Yaml.WriteFile(Valid);
        var result = TableDefinitionLoader.Load([file], new LoadOptions { TablePrefix = "dev-" });
        Assert.AreEqual("dev-users", result.Tables.Single().TableName);
    }

    [TestMethod]
    public void A_prefix_DynamoDB_refuses_is_one_problem_and_no_table_is_blamed_for_it()
    {
        var file = Yaml.WriteFile(Valid + "---\n" + Valid.Replace("users", "orders", StringComparison.Ordinal));
        var problem = TableDefinitionLoader.Load([file], new LoadOptions { TablePrefix = "dev:" }).Problems.Single();
        Assert.AreEqual("DYN106", problem.Code);
        StringAssert.Contains(problem.Message, "The table prefix 'dev:'");
    }

    [TestMethod]
    [DataRow("TableName: users", "TableName: ${Stage}-users", "DYN103", 1, 12, "'Stage'")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BilingMode: PAY_PER_REQUEST", "DYN101", 8, 1, "Did you mean 'BillingMode'?")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: [PAY_PER_REQUEST]", "DYN102", 8, 14, "must be a string")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nDeletionProtectionEnabled: yes", "DYN102", 9, 28, "true or false")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQEST", "DYN110", 8, 14, "Did you mean 'PAY_PER_REQUEST'?")]
    [DataRow("TableName: users", "TableName: u", "DYN106", 1, 12, "3 to 255")]
    [DataRow("TableName: users\n", "", "DYN105", 1, 1, "TableName is required")]
    [DataRow("    KeyType: HASH", "    KeyType: RANGE", "DYN107", 3, 3, "one HASH key")]
    [DataRow("    AttributeType: S", "    AttributeType: S\n  - AttributeName: email\n    AttributeType: S", "DYN109", 8, 20, "'email'")]
    [DataRow("  - AttributeName: user_id\n    AttributeType: S", "  - AttributeName: id\n    AttributeType: S", "DYN108", 3, 20, "'user_id'")]
    [DataRow("    AttributeType: S", "    AttributeType: X", "DYN110", 7, 20, "S, N, B")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nProvisionedThroughput:\n  ReadCapacityUnits: 1\n  WriteCapacityUnits: 1", "DYN113", 10, 3, "PAY_PER_REQUEST")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PROVISIONED", "DYN113", 1, 1, "ProvisionedThroughput is required")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "ProvisionedThroughput:\n  ReadCapacityUnits: 0\n  WriteCapacityUnits: 1", "DYN116", 9, 22, "at least 1")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nStreamSpecification:\n  StreamEnabled: true", "DYN115", 10, 18, "StreamViewType is required")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nTableClass: CHEAP", "DYN110", 9, 13, "STANDARD")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n  RecoveryPeriodInDays: 36", "DYN116", 11, 25, "1 to 35")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nTimeToLiveSpecification:\n  Enabled: true", "DYN105", 10, 3, "AttributeName is required")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nTags:\n  - Key: a\n    Value: b\n  - Key: a\n    Value: c", "DYN118", 12, 10, "'a' is used twice")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nTags:\n  - Key: aws:owner\n    Value: b", "DYN110", 10, 10, "reserves")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nContributorInsightsSpecification:\n  Enabled: true\n  Mode: ALL_KEYS", "DYN110", 11, 9, "THROTTLED_KEYS")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nContributorInsightsSpecification:\n  Enabled: false\n  Mode: THROTTLED_KEYS", "DYN110", 11, 9, "only when Enabled is true")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nContributorInsightsSpecification:\n  Mode: THROTTLED_KEYS", "DYN105", 10, 3, "Enabled is required")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nKinesisStreamSpecification:\n  StreamArn: arn:aws:sqs:us-east-1:123456789012:queue", "DYN110", 10, 14, "Kinesis data stream's ARN")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nKinesisStreamSpecification:\n  ApproximateCreationDateTimePrecision: MICROSECOND", "DYN105", 10, 41, "StreamArn is required")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: Europe", "DYN110", 10, 17, "not an AWS region name")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    Region: eu-west-1", "DYN123", 11, 13, "write one of them")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n  - Region: eu-west-1", "DYN118", 11, 13, "listed twice")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nStreamSpecification:\n  StreamEnabled: false\nReplicas:\n  - RegionName: eu-west-1", "DYN115", 10, 18, "replicates through it")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    TableClassOverride: CHEAP", "DYN110", 11, 25, "STANDARD")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    KMSMasterKeyId: eu-key", "DYN110", 11, 21, "the table's KMS encryption")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    ProvisionedThroughputOverride:\n      ReadCapacityUnits: 5", "DYN113", 12, 7, "OnDemandThroughputOverride")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    OnDemandThroughputOverride:\n      MaxReadRequestUnits: 0", "DYN116", 12, 28, "at least 1 (or -1 for no limit)")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    PointInTimeRecoverySpecification:\n      PointInTimeRecoveryEnabled: true\n      RecoveryPeriodInDays: 0", "DYN116", 13, 29, "1 to 35")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    ContributorInsightsSpecification:\n      Mode: THROTTLED_KEYS", "DYN105", 12, 7, "Enabled is required")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    DeletionProtectionEnabled: maybe", "DYN102", 11, 32, "must be true or false")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    KinesisStreamSpecification:\n      StreamArn: arn:aws:kinesis:us-east-1:123456789012:stream/orders", "DYN110", 12, 18, "in the replica's region, eu-west-1")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nReplicas:\n  - RegionName: eu-west-1\n    ReplicaStreamSpecification:\n      ResourcePolicy:\n        PolicyDocument: { Version: '2012-10-17' }", "DYN110", 13, 25, "a mapping with a Statement")]
    [DataRow("KeySchema:", "KeySchema:\n\t- x", "DYN100", 3, 1, "tabs")]
    [DataRow("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nTableName: again", "DYN100", 9, 1, "Duplicate key TableName")]
    public void A_problem_has_its_code_file_line_and_column(string from, string to, string code, int line, int column, string message)
    {
        var yaml = Valid.Replace(from, to, StringComparison.Ordinal);
        var file = Yaml.WriteFile(yaml);
        var result = TableDefinitionLoader.Load([file]);
        var problem = result.Problems.FirstOrDefault(p => p.Code == code);
        Assert.IsNotNull(problem, $"expected {code}; got: {string.Join("\n", result.Problems)}");
        Assert.AreEqual(new SourceLocation(file, line, column), problem.Location, problem.ToString());
        StringAssert.Contains(problem.Message, message);
    }

    [TestMethod]
    public void Index_rules_are_checked()
    {
        var local = Valid.Replace("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\nLocalSecondaryIndexes:\n  - IndexName: by-x\n    KeySchema:\n      - AttributeName: user_id\n        KeyType: HASH\n    Projection:\n      ProjectionType: INCLUDE", StringComparison.Ordinal);
        var codes = Yaml.Load(local).Problems.Select(p => p.Code).ToList();
        CollectionAssert.Contains(codes, ProblemCodes.InvalidLocalIndex, "an LSI needs a table with a RANGE key");
        CollectionAssert.Contains(codes, ProblemCodes.InvalidProjection, "INCLUDE needs NonKeyAttributes");
    }

    [TestMethod]
    public void More_than_twenty_GSIs_are_refused()
    {
        var indexes = string.Concat(Enumerable.Range(0, 21).Select(i => $"  - IndexName: index-{i}\n    KeySchema:\n      - AttributeName: user_id\n        KeyType: HASH\n    Projection:\n      ProjectionType: KEYS_ONLY\n"));
        var result = Yaml.Load(Valid + "GlobalSecondaryIndexes:\n" + indexes);
        Assert.AreEqual(ProblemCodes.TooManyIndexes, result.Problems.Single().Code);
    }

    [TestMethod]
    public void The_same_table_in_two_files_is_reported_at_the_second_naming_the_first()
    {
        var (first, second) = (Yaml.WriteFile(Valid), Yaml.WriteFile(Valid));
        var problem = TableDefinitionLoader.Load([first, second]).Problems.Single();
        Assert.AreEqual(ProblemCodes.DuplicateTable, problem.Code);
        Assert.AreEqual(second, problem.Location.File);
        StringAssert.Contains(problem.Message, first);
    }

    [TestMethod]
    public void Problems_of_all_files_are_reported_together()
    {
        var bad1 = Yaml.WriteFile(Valid.Replace("TableName: users", "TableName: u", StringComparison.Ordinal));
        var bad2 = Yaml.WriteFile("TableName: [");
        var empty = Yaml.WriteFile(string.Empty);
        var codes = TableDefinitionLoader.Load([bad1, bad2, empty]).Problems.Select(p => (p.Code, p.Location.File)).ToList();
        CollectionAssert.AreEquivalent(new[] { ("DYN106", bad1), ("DYN100", bad2), ("DYN119", empty) }, codes);
    }

    [TestMethod]
    public void A_file_that_is_not_UTF8_points_at_the_bad_byte()
    {
        var file = Yaml.WriteFile(string.Empty);
        File.WriteAllBytes(file, [.. "TableName: ok\nKey: "u8, 0xC3, 0x28]);
        var problem = TableDefinitionLoader.Load([file]).Problems.Single();
        Assert.AreEqual(ProblemCodes.UnreadableFile, problem.Code);
        Assert.AreEqual((2, 6), (problem.Location.Line, problem.Location.Column));
    }

    [TestMethod]
    public void Deeply_nested_YAML_is_refused_without_exhausting_the_stack()
    {
        var yaml = "TableName: " + new string('[', 100_000) + new string(']', 100_000);
        var problem = Yaml.Load(yaml).Problems.Single();
        Assert.AreEqual(ProblemCodes.TooDeep, problem.Code);
    }

    [TestMethod]
    public void A_file_over_one_MiB_is_refused_unread()
    {
        var problem = Yaml.Load(Valid + "# " + new string('x', 2 * 1024 * 1024)).Problems.Single();
        Assert.AreEqual(ProblemCodes.UnreadableFile, problem.Code);
    }
}
