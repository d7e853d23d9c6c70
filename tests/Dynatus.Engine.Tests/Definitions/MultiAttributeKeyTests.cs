using Dynatus.Engine.Definitions;
using Dynatus.Engine.Model;
using Dynatus.Engine.Tests.Planning;

namespace Dynatus.Engine.Tests.Definitions;

/// <summary>
/// A global secondary index keyed by up to 4 HASH then up to 4 RANGE attributes, the order kept:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html.
/// </summary>
[TestClass]
public sealed class MultiAttributeKeyTests
{
    [TestMethod]
    public void The_index_key_is_read_with_every_attribute_in_its_declared_order()
    {
        var key = Yaml.Table(Tables.Matches).GlobalSecondaryIndexes!.Single().KeySchema;
        Assert.AreEqual(new TableKey([new("tournament", "S"), new("region", "S")], [new("round", "N"), new("bracket", "S")]), key);
        Assert.AreEqual("[tournament HASH, region HASH, round RANGE, bracket RANGE]", key.ToString());
    }

    [TestMethod]
    public void A_CloudFormation_template_with_such_an_index_reads_the_same_as_a_definition()
    {
        // What `cdk synth` writes for partitionKeys/sortKeys: the index's KeySchema lists every attribute.
        var properties = string.Join("\n", Tables.Matches.Split('\n').Select(line => line.Length == 0 ? line : "      " + line));
        var template = $"Resources:\n  Matches:\n    Type: AWS::DynamoDB::Table\n    Properties:\n{properties}";
        Assert.AreEqual(Yaml.Table(Tables.Matches).GlobalSecondaryIndexes!.Single(), Yaml.Table(template).GlobalSecondaryIndexes!.Single());
    }

    [TestMethod]
    public void Four_HASH_and_four_RANGE_attributes_are_allowed()
    {
        var names = Enumerable.Range(1, 8).Select(i => $"k{i}").ToList();
        var yaml = Tables.Matches
            .Replace("  - AttributeName: bracket\n    AttributeType: S\n", "  - AttributeName: bracket\n    AttributeType: S\n" + string.Concat(names.Select(n => $"  - AttributeName: {n}\n    AttributeType: S\n")), StringComparison.Ordinal)
            .Replace("  - IndexName: bracket-index", "  - IndexName: wide-index\n    KeySchema:\n" + string.Concat(names.Select((n, i) => $"      - AttributeName: {n}\n        KeyType: {(i < 4 ? "HASH" : "RANGE")}\n")) + "    Projection:\n      ProjectionType: KEYS_ONLY\n  - IndexName: bracket-index", StringComparison.Ordinal);
        var wide = Yaml.Table(yaml).GlobalSecondaryIndexes!.Single(i => i.IndexName == "wide-index").KeySchema;
        Assert.AreEqual((4, 4), (wide.HashKeys.Count, wide.RangeKeys.Count));
    }

    [TestMethod]
    [DataRow("      - AttributeName: bracket\n        KeyType: RANGE\n", "      - AttributeName: bracket\n        KeyType: RANGE\n      - AttributeName: match_id\n        KeyType: HASH\n", "DYN107", "1 to 4 HASH attributes, followed by up to 4 RANGE attributes; it is [HASH, HASH, RANGE, RANGE, HASH]", DisplayName = "a HASH attribute after the RANGE ones")]
    [DataRow("      - AttributeName: bracket\n        KeyType: RANGE\n", "      - AttributeName: bracket\n        KeyType: RANGE\n      - AttributeName: region\n        KeyType: RANGE\n", "DYN118", "'region' appears twice in KeySchema", DisplayName = "an attribute twice")]
    [DataRow("KeySchema:\n  - AttributeName: match_id\n    KeyType: HASH\n", "KeySchema:\n  - AttributeName: match_id\n    KeyType: HASH\n  - AttributeName: tournament\n    KeyType: HASH\n", "DYN107", "one HASH key, optionally followed by one RANGE key", DisplayName = "a table key of two HASH attributes")]
    public void A_key_AWS_refuses_is_a_coded_problem_at_its_place(string from, string to, string code, string message)
    {
        var result = Yaml.Load(Tables.Matches.Replace(from, to, StringComparison.Ordinal));
        var problem = result.Problems.FirstOrDefault(p => p.Code == code);
        Assert.IsNotNull(problem, string.Join("\n", result.Problems));
        StringAssert.Contains(problem.Message, message);
        Assert.IsGreaterThan(1, problem.Location.Line);
    }

    [TestMethod]
    public void Five_HASH_attributes_are_one_too_many()
    {
        var five = string.Concat(Enumerable.Range(1, 5).Select(i => $"  - AttributeName: h{i}\n    AttributeType: S\n"));
        var keys = string.Concat(Enumerable.Range(1, 5).Select(i => $"      - AttributeName: h{i}\n        KeyType: HASH\n"));
        var yaml = Tables.Matches.Replace(
            ("  - AttributeName: bracket\n    AttributeType: S\n", "  - AttributeName: bracket\n    AttributeType: S\n" + five),
            ("    KeySchema:\n      - AttributeName: tournament", "    KeySchema:\n" + keys + "      - AttributeName: tournament"));
        var problem = Yaml.Load(yaml).Problems.Single(p => p.Code == ProblemCodes.InvalidKeySchema);
        StringAssert.Contains(problem.Message, "[HASH, HASH, HASH, HASH, HASH, HASH, HASH, RANGE, RANGE]");
    }
}
