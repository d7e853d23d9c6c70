using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>The table's resource-based policy: compared as JSON, put or deleted in a call of its own, sent with a new table.</summary>
[TestClass]
public sealed class ResourcePolicyTests
{
    private const string Policy = """
        ResourcePolicy:
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: ReadOnly
                Effect: Allow
                Principal: { AWS: "arn:aws:iam::111122223333:root" }
                Action: [dynamodb:GetItem, dynamodb:Query]
                Resource: "*"
        """;

    // The same policy as GetResourcePolicy may return it: other key order, other spacing.
    private const string SameAsLive = """{ "Statement": [ { "Resource": "*", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Effect": "Allow", "Sid": "ReadOnly" } ], "Version": "2012-10-17" }""";

    [TestMethod]
    public void The_same_policy_written_otherwise_is_a_noop()
    {
        Assert.AreEqual(TableAction.Noop, Plan(Tables.Users + Policy, SameAsLive).Action);
    }

    [TestMethod]
    public void A_changed_policy_is_one_PutResourcePolicy_on_the_table_said_by_its_statements()
    {
        var plan = Plan(Tables.Users + Policy.Replace("Sid: ReadOnly", "Sid: ReadAndScan", StringComparison.Ordinal), SameAsLive);

        CollectionAssert.AreEqual(new[] { "ResourcePolicy: [ReadOnly] -> [ReadAndScan]" }, plan.Changes.ToList());
        var put = ((PutResourcePolicyStep)plan.Steps.Single()).Request;
        Assert.AreEqual("arn:aws:dynamodb:us-east-1:123456789012:table/users", put.ResourceArn);
        StringAssert.Contains(put.Policy, "\"Sid\":\"ReadAndScan\"");
    }

    [TestMethod]
    public void An_empty_ResourcePolicy_deletes_the_live_one_and_none_declared_leaves_it_alone()
    {
        var plan = Plan(Tables.Users + "ResourcePolicy: {}\n", SameAsLive);
        CollectionAssert.AreEqual(new[] { "ResourcePolicy: [ReadOnly] -> none" }, plan.Changes.ToList());
        Assert.IsInstanceOfType<DeleteResourcePolicyStep>(plan.Steps.Single());

        Assert.AreEqual(TableAction.Noop, Plan(Tables.Users, SameAsLive).Action);
    }

    [TestMethod]
    public void A_new_table_is_created_with_its_policy()
    {
        var plan = TablePlanner.Plan(Yaml.Table(Tables.Users + Policy), live: null);

        StringAssert.Contains(((CreateTableStep)plan.Steps.Single()).Request.ResourcePolicy, "\"Sid\":\"ReadOnly\"");
        CollectionAssert.Contains(plan.Changes.ToList(), "ResourcePolicy [ReadOnly]");
    }

    private static TablePlan Plan(string desired, string? livePolicy) =>
        TablePlanner.Plan(Yaml.Table(desired), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)) with { ResourcePolicy = new GetResourcePolicyResponse { Policy = livePolicy } });
}
