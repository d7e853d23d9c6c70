using Amazon.DynamoDBv2;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Tests.Planning;

namespace Dynatus.Engine.Tests.Definitions;

/// <summary>
/// Multi-Region strong consistency as a definition declares it: STRONG with exactly two other regions (two replicas, or
/// one and a witness) in one region set, a witness only there, each a coded problem at its place; and a template's
/// strongly consistent global table.
/// </summary>
[TestClass]
public sealed class StrongConsistencyDefinitionTests
{
    private static readonly string Strong = Tables.Users + "Replicas:\n  - RegionName: us-east-2\nGlobalTableWitnesses:\n  - Region: us-west-2\nMultiRegionConsistency: STRONG\n";

    [TestMethod]
    public void A_replica_and_a_witness_in_either_spelling_make_the_model()
    {
        var table = Yaml.Table(Strong);

        Assert.AreEqual((MultiRegionConsistency.STRONG, "us-west-2", "us-east-2"), (table.MultiRegionConsistency, table.GlobalTableWitness, table.Replicas!.Single().RegionName));
    }

    [TestMethod]
    public void Each_broken_rule_is_a_coded_problem_at_its_line()
    {
        // Tables.Users is 23 lines: Replicas is on line 24, GlobalTableWitnesses on 26, MultiRegionConsistency on 28.
        AssertProblem(Strong.Replace("MultiRegionConsistency: STRONG\n", string.Empty, StringComparison.Ordinal), ProblemCodes.InvalidValue, 27, "A witness serves only a multi-Region strongly consistent global table");
        AssertProblem(Strong.Replace("GlobalTableWitnesses:\n  - Region: us-west-2\n", string.Empty, StringComparison.Ordinal), ProblemCodes.InvalidValue, 26, "exactly three regions");
        AssertProblem(Strong.Replace("us-west-2", "eu-west-1", StringComparison.Ordinal), ProblemCodes.InvalidValue, 28, "are all in one region set");
        AssertProblem(Strong.Replace("us-west-2", "us-east-2", StringComparison.Ordinal), ProblemCodes.DuplicateName, 27, "both a replica and the witness");
        AssertProblem(Strong.Replace("STRONG", "STRONGEST", StringComparison.Ordinal), ProblemCodes.InvalidValue, 28, "STRONGEST");
        AssertProblem(Tables.Users + "MultiRegionConsistency: EVENTUAL\n", ProblemCodes.InvalidValue, 24, "declare them in Replicas");
        AssertProblem(Tables.Users + "Replicas: []\nGlobalTableWitnesses:\n  - Region: us-west-2\n  - RegionName: us-east-2\nMultiRegionConsistency: STRONG\n", ProblemCodes.InvalidValue, 27, "one witness at most");
    }

    [TestMethod]
    public void A_templates_strongly_consistent_global_table_is_mirrored_with_its_other_replicas_and_witness()
    {
        const string Template = """
            Resources:
              Orders:
                Type: AWS::DynamoDB::GlobalTable
                Properties:
                  TableName: orders
                  KeySchema: [{ AttributeName: id, KeyType: HASH }]
                  AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
                  BillingMode: PAY_PER_REQUEST
                  MultiRegionConsistency: STRONG
                  GlobalTableWitnesses:
                    - Region: us-west-2
                  Replicas:
                    - Region: us-east-1
                    - Region: us-east-2

            """;
        var loaded = Yaml.Load(Template);

        Assert.IsEmpty(loaded.Warnings, string.Join("\n", loaded.Warnings));
        var table = loaded.Tables.Single();
        Assert.AreEqual((MultiRegionConsistency.STRONG, "us-west-2", "us-east-2"), (table.MultiRegionConsistency, table.GlobalTableWitness, table.Replicas!.Single().RegionName));

        var provisioned = Yaml.Load(Template.Replace("BillingMode: PAY_PER_REQUEST", "BillingMode: PROVISIONED\n      WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } }", StringComparison.Ordinal));
        Assert.IsEmpty(provisioned.Problems, string.Join("\n", provisioned.Problems));
        Assert.IsEmpty(provisioned.Warnings, string.Join("\n", provisioned.Warnings));
        Assert.AreEqual((MultiRegionConsistency.STRONG, "us-east-2"), (provisioned.Tables.Single().MultiRegionConsistency, provisioned.Tables.Single().Replicas!.Single().RegionName), "provisioned, with its writes auto scaled, the same");
    }

    private static void AssertProblem(string yaml, string code, int line, string message)
    {
        var problems = Yaml.Load(yaml).Problems;
        Assert.HasCount(1, problems, string.Join("\n", problems.Select(p => $"{p.Code} {p.Location.Line} {p.Message}")));
        var problem = problems[0];
        Assert.AreEqual((code, line), (problem.Code, problem.Location.Line), $"{problem.Code} {problem.Location.Line} {problem.Message}");
        StringAssert.Contains(problem.Message, message);
    }
}
