using Amazon.DynamoDBv2;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>Planning a global secondary index keyed by several attributes: the order of its attributes is its shape.</summary>
[TestClass]
public sealed class MultiAttributeKeyTests
{
    [TestMethod]
    public void The_same_key_live_is_a_noop()
    {
        Assert.AreEqual(TableAction.Noop, Tables.Plan(Tables.Matches, Tables.Matches).Action);
    }

    [TestMethod]
    public void A_created_table_sends_the_key_in_its_declared_order()
    {
        var create = ((CreateTableStep)TablePlanner.Plan(Yaml.Table(Tables.Matches), live: null).Steps.Single()).Request;
        var index = create.GlobalSecondaryIndexes.Single();
        CollectionAssert.AreEqual(
            new[] { "tournament HASH", "region HASH", "round RANGE", "bracket RANGE" },
            index.KeySchema.Select(k => $"{k.AttributeName} {k.KeyType.Value}").ToList());
    }

    [TestMethod]
    public void Swapping_two_RANGE_attributes_recreates_the_index_and_says_so()
    {
        var swapped = Tables.Matches.Replace(
            ("      - AttributeName: round\n        KeyType: RANGE\n      - AttributeName: bracket\n        KeyType: RANGE\n",
             "      - AttributeName: bracket\n        KeyType: RANGE\n      - AttributeName: round\n        KeyType: RANGE\n"));
        var plan = Tables.Plan(Tables.Matches, swapped);

        CollectionAssert.AreEqual(
            new[] { "GSI bracket-index KeySchema: [tournament HASH, region HASH, round RANGE, bracket RANGE] -> [tournament HASH, region HASH, bracket RANGE, round RANGE]: delete, then create again (the table's items stay)" },
            plan.Changes.ToList());
        var (delete, create) = (Steps.Updates(plan)[0], Steps.Updates(plan)[1]);
        Assert.AreEqual("bracket-index", delete.GlobalSecondaryIndexUpdates.Single().Delete.IndexName);
        CollectionAssert.AreEqual(new[] { "tournament", "region", "bracket", "round" }, create.GlobalSecondaryIndexUpdates.Single().Create.KeySchema.Select(k => k.AttributeName).ToList());
    }

    [TestMethod]
    public void A_HASH_attribute_added_to_a_single_attribute_key_recreates_the_index()
    {
        var single = Tables.Matches.Replace(("      - AttributeName: region\n        KeyType: HASH\n", string.Empty), ("  - AttributeName: region\n    AttributeType: S\n", string.Empty));
        var plan = Tables.Plan(single, Tables.Matches);
        StringAssert.StartsWith(plan.Changes.Single(), "GSI bracket-index KeySchema: [tournament HASH, round RANGE, bracket RANGE] -> [tournament HASH, region HASH, round RANGE, bracket RANGE]");
        Assert.AreEqual(KeyType.HASH, Steps.Updates(plan)[1].GlobalSecondaryIndexUpdates.Single().Create.KeySchema[1].KeyType);
    }
}
