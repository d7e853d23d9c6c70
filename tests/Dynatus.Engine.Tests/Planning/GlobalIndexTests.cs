using Amazon.DynamoDBv2;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

[TestClass]
public sealed class GlobalIndexTests
{
    private static readonly string WithName = Tables.Users.Replace(
        ("  - AttributeName: email\n    AttributeType: S\n", "  - AttributeName: email\n    AttributeType: S\n  - AttributeName: name\n    AttributeType: S\n"),
        ("StreamSpecification:", "  - IndexName: name-index\n    KeySchema:\n      - AttributeName: name\n        KeyType: HASH\n    Projection:\n      ProjectionType: KEYS_ONLY\nStreamSpecification:"));

    [TestMethod]
    public void An_added_GSI_is_one_UpdateTable_with_its_create_and_the_attribute_definitions_it_needs()
    {
        var plan = Tables.Plan(Tables.Users, WithName);
        var request = Steps.SingleUpdate(plan);
        var create = request.GlobalSecondaryIndexUpdates.Single().Create;
        Assert.AreEqual("name-index", create.IndexName);
        Assert.AreEqual(ProjectionType.KEYS_ONLY, create.Projection.ProjectionType);
        CollectionAssert.AreEquivalent(new[] { "user_id", "email", "name" }, request.AttributeDefinitions.Select(a => a.AttributeName).ToList());
        CollectionAssert.AreEqual(new[] { "GSI name-index: create" }, plan.Changes.ToList());
    }

    [TestMethod]
    public void A_GSI_missing_from_a_declared_list_is_deleted()
    {
        var plan = Tables.Plan(WithName, Tables.Users);
        var request = Steps.SingleUpdate(plan);
        Assert.AreEqual("name-index", request.GlobalSecondaryIndexUpdates.Single().Delete.IndexName);
        CollectionAssert.AreEqual(new[] { "GSI name-index: delete" }, plan.Changes.ToList());
    }

    [TestMethod]
    public void GSIs_are_not_managed_when_the_definition_does_not_mention_them()
    {
        var withoutIndexes = Tables.Users.Replace(
            ("  - AttributeName: email\n    AttributeType: S\n", string.Empty),
            ("GlobalSecondaryIndexes:\n  - IndexName: email-index\n    KeySchema:\n      - AttributeName: email\n        KeyType: HASH\n    Projection:\n      ProjectionType: ALL\n", string.Empty));
        Assert.AreEqual(TableAction.Noop, Tables.Plan(WithName, withoutIndexes).Action);
    }

    [TestMethod]
    public void An_empty_list_deletes_every_GSI_one_call_each()
    {
        var none = Tables.Users.Replace(
            ("  - AttributeName: email\n    AttributeType: S\n", string.Empty),
            ("GlobalSecondaryIndexes:\n  - IndexName: email-index\n    KeySchema:\n      - AttributeName: email\n        KeyType: HASH\n    Projection:\n      ProjectionType: ALL\n", "GlobalSecondaryIndexes: []\n"));
        var deletes = Steps.Updates(Tables.Plan(WithName, none)).Select(r => r.GlobalSecondaryIndexUpdates.Single().Delete.IndexName).ToList();
        CollectionAssert.AreEquivalent(new[] { "email-index", "name-index" }, deletes);
    }

    [TestMethod]
    public void Two_added_GSIs_are_two_calls_each_with_one_create()
    {
        var two = WithName.Replace(
            ("  - AttributeName: name\n    AttributeType: S\n", "  - AttributeName: name\n    AttributeType: S\n  - AttributeName: team\n    AttributeType: N\n"),
            ("StreamSpecification:", "  - IndexName: team-index\n    KeySchema:\n      - AttributeName: team\n        KeyType: HASH\n    Projection:\n      ProjectionType: ALL\nStreamSpecification:"));
        var updates = Steps.Updates(Tables.Plan(Tables.Users, two));
        Assert.HasCount(2, updates);
        Assert.IsTrue(updates.All(u => u.GlobalSecondaryIndexUpdates.Count == 1 && u.GlobalSecondaryIndexUpdates[0].Create is not null));
        Assert.IsFalse(updates[0].AttributeDefinitions.Any(a => a.AttributeName == "team"), "the first create names only the attributes of indexes that exist by then");
        Assert.IsTrue(updates[1].AttributeDefinitions.Any(a => a.AttributeName == "team" && a.AttributeType == ScalarAttributeType.N));
    }

    [TestMethod]
    public void A_changed_projection_deletes_the_GSI_then_creates_it_again()
    {
        var plan = Tables.Plan(Tables.Users, Tables.Users.Replace(("ProjectionType: ALL", "ProjectionType: KEYS_ONLY")));
        var updates = Steps.Updates(plan);
        Assert.HasCount(2, updates);
        Assert.AreEqual("email-index", updates[0].GlobalSecondaryIndexUpdates.Single().Delete.IndexName);
        Assert.AreEqual("email-index", updates[1].GlobalSecondaryIndexUpdates.Single().Create.IndexName);
        StringAssert.Contains(plan.Changes.Single(), "delete, then create again");
    }

    [TestMethod]
    public void A_changed_GSI_key_type_deletes_the_GSI_then_creates_it_again()
    {
        var plan = Tables.Plan(Tables.Users, Tables.Users.Replace(("  - AttributeName: email\n    AttributeType: S", "  - AttributeName: email\n    AttributeType: B")));
        Assert.AreEqual(TableAction.Update, plan.Action);
        Assert.HasCount(2, Steps.Updates(plan));
    }
}
