using Amazon.DynamoDBv2;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Tests.Definitions;

/// <summary>Merge keys, top-level x- fields, and aliases that cannot be resolved.</summary>
[TestClass]
public sealed class YamlReuseTests
{
    private const string Keys = """
        x-keys: &keys
          KeySchema:
            - AttributeName: id
              KeyType: HASH
          AttributeDefinitions:
            - AttributeName: id
              AttributeType: S
        x-on-demand: &on-demand
          BillingMode: PAY_PER_REQUEST
          TableClass: STANDARD
        x-infrequent: &infrequent
          TableClass: STANDARD_INFREQUENT_ACCESS

        """;

    [TestMethod]
    public void Merged_fields_count_as_written_and_the_first_mapping_of_a_list_wins()
    {
        var result = Yaml.Load(Keys + "TableName: users\n<<: [*keys, *infrequent, *on-demand]\n");
        Assert.IsTrue(result.IsValid, string.Join("\n", result.Problems));
        var table = result.Tables.Single();
        Assert.AreEqual("id", table.KeySchema.HashKeys.Single().AttributeName);
        Assert.AreEqual(BillingMode.PAY_PER_REQUEST, table.BillingMode);
        Assert.AreEqual(TableClass.STANDARD_INFREQUENT_ACCESS, table.TableClass);
    }

    [TestMethod]
    public void A_field_of_the_table_itself_wins_over_a_merged_one_written_before_or_after_it()
    {
        var before = Yaml.Load(Keys + "TableClass: STANDARD_INFREQUENT_ACCESS\nTableName: users\n<<: [*keys, *on-demand]\n");
        var after = Yaml.Load(Keys + "TableName: users\n<<: [*keys, *on-demand]\nTableClass: STANDARD_INFREQUENT_ACCESS\n");
        Assert.AreEqual(TableClass.STANDARD_INFREQUENT_ACCESS, before.Tables.Single().TableClass);
        Assert.AreEqual(TableClass.STANDARD_INFREQUENT_ACCESS, after.Tables.Single().TableClass);
    }

    [TestMethod]
    public void An_error_in_a_merged_block_points_at_the_block()
    {
        var result = Yaml.Load(Keys.Replace("BillingMode: PAY_PER_REQUEST", "BillingMode: ON_DEMAND", StringComparison.Ordinal) + "TableName: users\n<<: [*keys, *on-demand]\n");
        var problem = result.Problems.Single();
        Assert.AreEqual(("DYN110", 9, 16), (problem.Code, problem.Location.Line, problem.Location.Column));
    }

    [TestMethod]
    public void Only_top_level_x_fields_are_ignored()
    {
        var result = Yaml.Load(Keys + "TableName: users\n<<: [*keys, *on-demand]\nSSESpecification:\n  x-note: kept\n  Enabled: true\n");
        var problem = result.Problems.Single();
        Assert.AreEqual(("DYN101", 16, 3), (problem.Code, problem.Location.Line, problem.Location.Column), problem.Message);
    }

    [TestMethod]
    public void A_merge_key_whose_value_is_not_a_mapping_is_an_error_at_the_value()
    {
        var result = Yaml.Load(Keys + "TableName: users\n<<: [*keys, *on-demand]\nSSESpecification:\n  <<: on-demand\n");
        var problem = result.Problems.Single();
        Assert.AreEqual(("DYN102", 16, 7), (problem.Code, problem.Location.Line, problem.Location.Column), problem.Message);
    }

    [TestMethod]
    [DataRow("TableName: users\n<<: *nothing\n", 2, 5, "the alias *nothing refers to no anchor &nothing defined before it")]
    [DataRow("TableName: users\nx-a: &a {}\n---\nTableName: orders\n<<: *a\n", 5, 5, "the alias *a refers to an anchor in an earlier document; anchors do not cross documents (---)")]
    public void An_alias_without_its_anchor_is_an_error_at_the_alias(string yaml, int line, int column, string message)
    {
        var problem = Yaml.Load(yaml).Problems.Single();
        Assert.AreEqual(("DYN100", line, column), (problem.Code, problem.Location.Line, problem.Location.Column));
        StringAssert.Contains(problem.Message, message);
    }
}
