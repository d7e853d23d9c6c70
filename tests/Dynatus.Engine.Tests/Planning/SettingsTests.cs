using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

[TestClass]
public sealed class SettingsTests
{
    [TestMethod]
    public void Disabling_the_stream_is_one_UpdateTable()
    {
        var request = Steps.SingleUpdate(Tables.Plan(Tables.Users, Tables.Users.Replace(("  StreamEnabled: true\n  StreamViewType: NEW_AND_OLD_IMAGES", "  StreamEnabled: false"))));
        Assert.IsFalse(request.StreamSpecification.StreamEnabled);
    }

    [TestMethod]
    public void Enabling_the_stream_is_one_UpdateTable_with_the_view_type()
    {
        var off = Tables.Users.Replace(("  StreamEnabled: true\n  StreamViewType: NEW_AND_OLD_IMAGES", "  StreamEnabled: false"));
        var request = Steps.SingleUpdate(Tables.Plan(off, Tables.Users));
        Assert.IsTrue(request.StreamSpecification.StreamEnabled);
        Assert.AreEqual(StreamViewType.NEW_AND_OLD_IMAGES, request.StreamSpecification.StreamViewType);
    }

    [TestMethod]
    public void A_stream_view_type_change_is_disable_then_enable()
    {
        var plan = Tables.Plan(Tables.Users, Tables.Users.Replace(("StreamViewType: NEW_AND_OLD_IMAGES", "StreamViewType: KEYS_ONLY")));
        var updates = Steps.Updates(plan);
        Assert.HasCount(2, updates);
        Assert.IsFalse(updates[0].StreamSpecification.StreamEnabled);
        Assert.AreEqual(StreamViewType.KEYS_ONLY, updates[1].StreamSpecification.StreamViewType);
        StringAssert.Contains(plan.Changes.Single(), "NEW_AND_OLD_IMAGES -> KEYS_ONLY");
    }

    [TestMethod]
    public void Table_class_is_sent_in_a_call_of_its_own()
    {
        var desired = Tables.Users + "\nTableClass: STANDARD_INFREQUENT_ACCESS\nDeletionProtectionEnabled: true\n";
        var updates = Steps.Updates(Tables.Plan(Tables.Users, desired));
        Assert.HasCount(2, updates);
        Assert.AreEqual(TableClass.STANDARD_INFREQUENT_ACCESS, updates[0].TableClass);
        Assert.IsNull(updates[0].DeletionProtectionEnabled);
        Assert.IsTrue(updates[1].DeletionProtectionEnabled);
        Assert.IsNull(updates[1].TableClass);
    }

    [TestMethod]
    public void Deletion_protection_is_turned_off_in_place()
    {
        var on = Tables.Users + "\nDeletionProtectionEnabled: true\n";
        var request = Steps.SingleUpdate(Tables.Plan(on, Tables.Users + "\nDeletionProtectionEnabled: false\n"));
        Assert.IsFalse(request.DeletionProtectionEnabled);
    }

    [TestMethod]
    public void Switching_to_a_KMS_key_updates_SSE()
    {
        var desired = Tables.Users + "\nSSESpecification:\n  Enabled: true\n  KMSMasterKeyId: my-key\n";
        var request = Steps.SingleUpdate(Tables.Plan(Tables.Users, desired));
        Assert.IsTrue(request.SSESpecification.Enabled);
        Assert.AreEqual("my-key", request.SSESpecification.KMSMasterKeyId);
    }

    [TestMethod]
    public void Switching_back_to_the_AWS_owned_key_updates_SSE()
    {
        var kms = Tables.Users + "\nSSESpecification:\n  Enabled: true\n";
        var request = Steps.SingleUpdate(Tables.Plan(kms, Tables.Users + "\nSSESpecification:\n  Enabled: false\n"));
        Assert.IsFalse(request.SSESpecification.Enabled);
    }

    [TestMethod]
    public void SSE_is_not_managed_when_not_mentioned()
    {
        var kms = Tables.Users + "\nSSESpecification:\n  Enabled: true\n";
        Assert.AreEqual(TableAction.Noop, Tables.Plan(kms, Tables.Users).Action);
    }

    [TestMethod]
    public void Enabling_TTL_is_one_UpdateTimeToLive()
    {
        var plan = Tables.Plan(Tables.Users, Tables.Users + "\nTimeToLiveSpecification:\n  AttributeName: expires_at\n  Enabled: true\n");
        var request = ((UpdateTimeToLiveStep)plan.Steps.Single()).Request;
        Assert.AreEqual("expires_at", request.TimeToLiveSpecification.AttributeName);
        Assert.IsTrue(request.TimeToLiveSpecification.Enabled);
    }

    [TestMethod]
    public void Disabling_TTL_names_the_live_attribute()
    {
        var on = Tables.Users + "\nTimeToLiveSpecification:\n  AttributeName: expires_at\n  Enabled: true\n";
        var plan = Tables.Plan(on, Tables.Users + "\nTimeToLiveSpecification:\n  AttributeName: other\n  Enabled: false\n");
        var request = ((UpdateTimeToLiveStep)plan.Steps.Single()).Request;
        Assert.AreEqual("expires_at", request.TimeToLiveSpecification.AttributeName);
        Assert.IsFalse(request.TimeToLiveSpecification.Enabled);
    }

    [TestMethod]
    public void Renaming_the_TTL_attribute_disables_the_old_one_then_enables_the_new_one_and_says_AWS_spaces_them_an_hour()
    {
        var on = Tables.Users + "\nTimeToLiveSpecification:\n  AttributeName: expires_at\n  Enabled: true\n";
        var plan = Tables.Plan(on, on.Replace(("AttributeName: expires_at", "AttributeName: ttl")));
        var requests = plan.Steps.Cast<UpdateTimeToLiveStep>().Select(s => s.Request.TimeToLiveSpecification).ToList();
        CollectionAssert.AreEqual(new object[] { ("expires_at", false), ("ttl", true) }, requests.Select(r => (object)(r.AttributeName, r.Enabled == true)).ToList());
        StringAssert.Contains(plan.Changes.Single(), "one TTL change a table an hour");
    }

    [TestMethod]
    public void Point_in_time_recovery_is_enabled_and_its_period_changed_through_UpdateContinuousBackups()
    {
        var enable = Tables.Plan(Tables.Users, Tables.Users + "\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n");
        Assert.IsTrue(((UpdateContinuousBackupsStep)enable.Steps.Single()).Request.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled);

        var on = Tables.Users + "\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n";
        var period = Tables.Plan(on, on + "  RecoveryPeriodInDays: 7\n");
        Assert.AreEqual(7, ((UpdateContinuousBackupsStep)period.Steps.Single()).Request.PointInTimeRecoverySpecification.RecoveryPeriodInDays);
    }

    [TestMethod]
    public void Tags_are_added_changed_and_removed_but_AWS_tags_are_left_alone()
    {
        var desired = Tables.Users.Replace(("    Value: production", "    Value: staging\n  - Key: Team\n    Value: core"));
        var plan = Tables.Plan(Tables.Users + "  - Key: Old\n    Value: x\n", desired);
        var tag = plan.Steps.OfType<TagResourceStep>().Single().Request;
        CollectionAssert.AreEquivalent(new[] { "Environment=staging", "Team=core" }, tag.Tags.Select(t => $"{t.Key}={t.Value}").ToList());
        var untag = plan.Steps.OfType<UntagResourceStep>().Single().Request;
        CollectionAssert.AreEqual(new[] { "Old" }, untag.TagKeys);
        Assert.AreEqual("arn:aws:dynamodb:us-east-1:123456789012:table/users", untag.ResourceArn);
    }

    [TestMethod]
    public void An_empty_tag_list_removes_every_tag_but_no_tags_field_keeps_them()
    {
        var none = Tables.Users.Replace(("Tags:\n  - Key: Environment\n    Value: production\n", "Tags: []\n"));
        CollectionAssert.AreEqual(new[] { "Environment" }, Tables.Plan(Tables.Users, none).Steps.OfType<UntagResourceStep>().Single().Request.TagKeys);

        var unmentioned = Tables.Users.Replace(("Tags:\n  - Key: Environment\n    Value: production\n", string.Empty));
        Assert.AreEqual(TableAction.Noop, Tables.Plan(Tables.Users, unmentioned).Action);
    }
}
