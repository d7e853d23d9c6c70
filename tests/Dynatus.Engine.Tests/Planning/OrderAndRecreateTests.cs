using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

[TestClass]
public sealed class OrderAndRecreateTests
{
    [TestMethod]
    public void A_missing_table_is_created_with_every_setting_then_TTL_and_PITR()
    {
        var yaml = Tables.Users + "\nTimeToLiveSpecification:\n  AttributeName: expires_at\n  Enabled: true\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n";
        var plan = TablePlanner.Plan(Yaml.Table(yaml), live: null);
        Assert.AreEqual(TableAction.Create, plan.Action);
        CollectionAssert.AreEqual(new[] { "KeySchema [user_id HASH]", "PAY_PER_REQUEST", "GSI email-index", "stream NEW_AND_OLD_IMAGES", "Tags Environment=production", "TTL on expires_at", "point-in-time recovery" }, plan.Changes.ToList());
        var create = ((CreateTableStep)plan.Steps[0]).Request;
        Assert.AreEqual("email-index", create.GlobalSecondaryIndexes.Single().IndexName);
        Assert.IsTrue(create.StreamSpecification.StreamEnabled);
        Assert.AreEqual("production", create.Tags.Single().Value);
        Assert.IsInstanceOfType<UpdateTimeToLiveStep>(plan.Steps[1]);
        Assert.IsInstanceOfType<UpdateContinuousBackupsStep>(plan.Steps[2]);
    }

    [TestMethod]
    public void Steps_follow_the_rules_doc_order()
    {
        var live = Tables.Provisioned;
        var desired = Tables.Provisioned.Replace(
            ("  - AttributeName: status\n    AttributeType: S\n", "  - AttributeName: total\n    AttributeType: N\n"),
            ("IndexName: status-index", "IndexName: total-index"),
            ("      - AttributeName: status\n", "      - AttributeName: total\n"),
            ("ReadCapacityUnits: 5", "ReadCapacityUnits: 7"))
            + "TableClass: STANDARD_INFREQUENT_ACCESS\nTimeToLiveSpecification:\n  AttributeName: expires_at\n  Enabled: true\nTags:\n  - Key: Team\n    Value: core\n";
        var plan = TablePlanner.Plan(Yaml.Table(desired), AwsShapes.LiveFrom(Yaml.Table(live)));
        var order = plan.Steps.Select(s => s switch
        {
            UpdateTableStep { Request.GlobalSecondaryIndexUpdates: [{ Delete: not null }] } => "gsi-delete",
            UpdateTableStep { Request.TableClass: not null } => "table-class",
            UpdateTableStep { Request.GlobalSecondaryIndexUpdates: [{ Create: not null }] } => "gsi-create",
            UpdateTableStep => "combined",
            UpdateTimeToLiveStep => "ttl",
            TagResourceStep => "tags",
            _ => s.GetType().Name,
        }).ToList();
        CollectionAssert.AreEqual(new[] { "gsi-delete", "table-class", "combined", "gsi-create", "ttl", "tags" }, order);
    }

    [TestMethod]
    public void A_changed_key_schema_is_a_recreate_with_its_reason()
    {
        var plan = Tables.Plan(Tables.Users, Tables.Users.Replace(("  - AttributeName: user_id\n    KeyType: HASH", "  - AttributeName: email\n    KeyType: HASH"), ("  - AttributeName: user_id\n    AttributeType: S\n", string.Empty)));
        Assert.AreEqual(TableAction.Recreate, plan.Action);
        Assert.AreEqual("key schema", plan.RecreateReason);
        Assert.IsInstanceOfType<DeleteTableStep>(plan.Steps[0]);
        Assert.IsInstanceOfType<CreateTableStep>(plan.Steps[1]);
        CollectionAssert.AreEqual(new[] { "KeySchema: [user_id HASH] -> [email HASH]" }, plan.Changes.ToList());
    }

    [TestMethod]
    public void A_changed_key_attribute_type_is_a_recreate()
    {
        var plan = Tables.Plan(Tables.Users, Tables.Users.Replace(("  - AttributeName: user_id\n    AttributeType: S", "  - AttributeName: user_id\n    AttributeType: N")));
        Assert.AreEqual(TableAction.Recreate, plan.Action);
        Assert.AreEqual("key attribute type", plan.RecreateReason);
    }

    [TestMethod]
    public void A_changed_local_secondary_index_is_a_recreate()
    {
        var plan = Tables.Plan(Tables.Provisioned, Tables.Provisioned.Replace(("ProjectionType: KEYS_ONLY", "ProjectionType: ALL")));
        Assert.AreEqual(TableAction.Recreate, plan.Action);
        Assert.AreEqual("local secondary indexes", plan.RecreateReason);
    }

    [TestMethod]
    public void A_recreate_of_a_protected_table_is_blocked()
    {
        var protectedUsers = Tables.Users + "\nDeletionProtectionEnabled: true\n";
        var plan = Tables.Plan(protectedUsers, protectedUsers.Replace(("  - AttributeName: user_id\n    AttributeType: S", "  - AttributeName: user_id\n    AttributeType: N")));
        StringAssert.Contains(plan.Blocker, "deletion protection");
    }
}
