using Dynatus.Engine.Definitions;
using Dynatus.Engine.Tests.Planning;

namespace Dynatus.Engine.Tests.Definitions;

/// <summary>Auto scaling declared as CloudFormation's global table declares it, on a provisioned table and its indexes, checked before anything is sent.</summary>
[TestClass]
public sealed class AutoScalingDefinitionTests
{
    [TestMethod]
    public void The_table_and_an_index_declare_their_read_and_write_auto_scaling()
    {
        var table = Yaml.Table(Tables.AutoScaled);

        Assert.AreEqual(new Model.CapacityAutoScaling(5, 50, 70), table.Throughput.WriteAutoScaling);
        Assert.AreEqual(new Model.CapacityAutoScaling(5, 100, 75.5) { ScaleInCooldown = 60, ScaleOutCooldown = 30, DisableScaleIn = true }, table.Throughput.ReadAutoScaling);
        Assert.AreEqual(new Model.CapacityAutoScaling(2, 20, 70), table.GlobalSecondaryIndexes!.Single().Throughput.WriteAutoScaling);
        Assert.IsNull(table.GlobalSecondaryIndexes!.Single().Throughput.ReadAutoScaling);
    }

    [TestMethod]
    public void Bounds_and_target_outside_their_ranges_are_coded_problems_at_their_lines()
    {
        var yaml = Tables.Provisioned.Replace(("GlobalSecondaryIndexes:\n", "WriteProvisionedThroughputSettings:\n  WriteCapacityAutoScalingSettings:\n    MinCapacity: 10\n    MaxCapacity: 5\n    TargetTrackingScalingPolicyConfiguration:\n      TargetValue: 95\n      ScaleInCooldown: -1\nGlobalSecondaryIndexes:\n"));
        var problems = Yaml.Load(yaml).Problems.Select(p => (p.Code, p.Location.Line, p.Message)).ToList();

        CollectionAssert.AreEquivalent(new[] { (ProblemCodes.OutOfRange, 20), (ProblemCodes.OutOfRange, 22), (ProblemCodes.OutOfRange, 23) }, problems.Select(p => (p.Code, p.Line)).ToList(), string.Join("\n", problems));
        StringAssert.Contains(problems.Single(p => p.Line == 20).Message, "MaxCapacity must be at least 10");
        StringAssert.Contains(problems.Single(p => p.Line == 22).Message, "10 to 90 percent");
    }

    [TestMethod]
    public void Missing_parts_are_named_and_a_target_value_may_be_a_decimal_but_not_a_word()
    {
        var noPolicy = Tables.Provisioned.Replace(("GlobalSecondaryIndexes:\n", "WriteProvisionedThroughputSettings:\n  WriteCapacityAutoScalingSettings: { MinCapacity: 1 }\nGlobalSecondaryIndexes:\n"));
        var missing = Yaml.Load(noPolicy).Problems.Select(p => p.Message).ToList();
        Assert.HasCount(2, missing, string.Join("\n", missing));
        Assert.IsTrue(missing.Any(m => m.StartsWith("MaxCapacity is required", StringComparison.Ordinal)) && missing.Any(m => m.StartsWith("TargetTrackingScalingPolicyConfiguration is required", StringComparison.Ordinal)));

        var empty = Tables.Provisioned.Replace(("GlobalSecondaryIndexes:\n", "ReadProvisionedThroughputSettings: {}\nGlobalSecondaryIndexes:\n"));
        StringAssert.StartsWith(Yaml.Load(empty).Problems.Single().Message, "ReadCapacityAutoScalingSettings is required");

        var word = Tables.AutoScaled.Replace(("TargetValue: 75.5", "TargetValue: high"));
        Assert.AreEqual((ProblemCodes.WrongType, 1), (Yaml.Load(word).Problems.Single().Code, Yaml.Load(word).Problems.Count));
    }

    [TestMethod]
    public void An_on_demand_table_cannot_declare_auto_scaling()
    {
        var yaml = Tables.Users + "WriteProvisionedThroughputSettings:\n  WriteCapacityAutoScalingSettings: { MinCapacity: 1, MaxCapacity: 5, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } }\n";
        var problem = Yaml.Load(yaml).Problems.Single();

        Assert.AreEqual(ProblemCodes.ThroughputMismatch, problem.Code);
        StringAssert.Contains(problem.Message, "PAY_PER_REQUEST");

        var replica = Tables.Users + "Replicas:\n  - RegionName: eu-west-1\n    ReadProvisionedThroughputSettings:\n      ReadCapacityAutoScalingSettings: { MinCapacity: 1, MaxCapacity: 5, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } }\n";
        Assert.AreEqual(ProblemCodes.ThroughputMismatch, Yaml.Load(replica).Problems.Single().Code, "nor a replica of one");
    }

    [TestMethod]
    public void A_replica_and_its_indexes_declare_their_read_auto_scaling()
    {
        var yaml = Tables.AutoScaled + "Replicas:\n  - RegionName: eu-west-1\n    ReadProvisionedThroughputSettings:\n      ReadCapacityAutoScalingSettings: { MinCapacity: 3, MaxCapacity: 30, TargetTrackingScalingPolicyConfiguration: { TargetValue: 65 } }\n"
            + "    GlobalSecondaryIndexes:\n      - IndexName: status-index\n        ReadProvisionedThroughputSettings:\n          ReadCapacityAutoScalingSettings: { MinCapacity: 1, MaxCapacity: 0, TargetTrackingScalingPolicyConfiguration: { TargetValue: 65 } }\n";

        var problem = Yaml.Load(yaml).Problems.Single();
        Assert.AreEqual((ProblemCodes.OutOfRange, "MaxCapacity must be at least 1, but is 0."), (problem.Code, problem.Message));

        var replica = Yaml.Table(yaml.Replace("MaxCapacity: 0", "MaxCapacity: 10", StringComparison.Ordinal)).Replicas!.Single();
        Assert.AreEqual((new Model.CapacityAutoScaling(3, 30, 65), new Model.CapacityAutoScaling(1, 10, 65)), (replica.ReadAutoScaling, replica.GlobalSecondaryIndexes!.Single().ReadAutoScaling));
    }
}
