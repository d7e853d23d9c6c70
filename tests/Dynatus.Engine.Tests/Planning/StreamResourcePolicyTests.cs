using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// The stream's resource-based policy: compared as JSON, put on the stream after it exists, and put again on a stream
/// the sync replaces (a new stream, with a new ARN, has no policy).
/// </summary>
[TestClass]
public sealed class StreamResourcePolicyTests
{
    private const string Policy = "  ResourcePolicy:\n    PolicyDocument:\n      Statement:\n        - Sid: ReadStream\n          Effect: Allow\n          Principal: { AWS: \"arn:aws:iam::111122223333:root\" }\n          Action: dynamodb:GetRecords\n          Resource: \"*\"\n";

    private const string SameAsLive = """{"Statement":[{"Resource":"*","Action":"dynamodb:GetRecords","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Effect":"Allow","Sid":"ReadStream"}]}""";

    private static readonly string Declared = WithStreamPolicy(Tables.Users, Policy);

    [TestMethod]
    public void A_new_table_gets_its_streams_policy_once_created()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Declared), live: null);

        Assert.IsInstanceOfType<CreateTableStep>(plan.Steps[0]);
        StringAssert.Contains(plan.Steps.OfType<StreamResourcePolicyStep>().Single().Policy, "\"Sid\":\"ReadStream\"");
        CollectionAssert.Contains(plan.Changes.ToList(), "stream ResourcePolicy [ReadStream]");
    }

    [TestMethod]
    public void The_same_policy_written_otherwise_is_a_noop_and_a_changed_one_is_put()
    {
        Assert.AreEqual(TableAction.Noop, Plan(Declared, SameAsLive).Action);

        var plan = Plan(Declared.Replace("Sid: ReadStream", "Sid: ReadAll", StringComparison.Ordinal), SameAsLive);
        CollectionAssert.AreEqual(new[] { "StreamSpecification.ResourcePolicy: [ReadStream] -> [ReadAll]" }, plan.Changes.ToList());
        StringAssert.Contains(((StreamResourcePolicyStep)plan.Steps.Single()).Policy, "\"Sid\":\"ReadAll\"");
    }

    [TestMethod]
    public void An_empty_declaration_deletes_the_policy_and_an_undeclared_one_is_left_alone()
    {
        Assert.IsNull(((StreamResourcePolicyStep)Plan(WithStreamPolicy(Tables.Users, "  ResourcePolicy: {}\n"), SameAsLive).Steps.Single()).Policy);
        Assert.AreEqual(TableAction.Noop, Plan(WithStreamPolicy(Tables.Users, "  ResourcePolicy: {}\n"), live: null).Action, "no policy to delete");
        Assert.AreEqual(TableAction.Noop, Plan(Tables.Users, SameAsLive).Action);
    }

    [TestMethod]
    public void A_replaced_stream_gets_the_policy_again_after_it_is_enabled()
    {
        var plan = Plan(Declared.Replace("NEW_AND_OLD_IMAGES", "KEYS_ONLY", StringComparison.Ordinal), SameAsLive);

        Assert.IsInstanceOfType<StreamResourcePolicyStep>(plan.Steps[^1]);
        Assert.AreEqual("enable stream KEYS_ONLY", plan.Steps[^2].Description);
        CollectionAssert.Contains(plan.Changes.ToList(), "StreamSpecification.ResourcePolicy: none -> [ReadStream]");
    }

    private static string WithStreamPolicy(string yaml, string policy) =>
        yaml.Replace("  StreamViewType: NEW_AND_OLD_IMAGES\n", "  StreamViewType: NEW_AND_OLD_IMAGES\n" + policy, StringComparison.Ordinal);

    private static TablePlan Plan(string desired, string? live) =>
        TablePlanner.Plan(Yaml.Table(desired), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)) with { StreamResourcePolicy = new GetResourcePolicyResponse { Policy = live } });
}
