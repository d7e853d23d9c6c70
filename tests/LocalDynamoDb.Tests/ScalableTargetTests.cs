using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

/// <summary>
/// Application Auto Scaling's scalable targets for this server's tables: this server's addition, as the Application
/// Auto Scaling API reference describes RegisterScalableTarget, DescribeScalableTargets and DeregisterScalableTarget,
/// and their target tracking policies (PutScalingPolicy, DescribeScalingPolicies, DeleteScalingPolicy).
/// </summary>
[TestClass]
public sealed class ScalableTargetTests
{
    [TestMethod]
    public async Task Targets_are_registered_updated_described_by_resource_and_deregistered()
    {
        using var client = Server.Local.CreateClient();
        var table = await ProvisionedTableAsync(client, r =>
        {
            r.AttributeDefinitions.Add(new AttributeDefinition("email", Amazon.DynamoDBv2.ScalarAttributeType.S));
            r.GlobalSecondaryIndexes = [new() { IndexName = "by-email", KeySchema = [new("email", Amazon.DynamoDBv2.KeyType.HASH)], Projection = new() { ProjectionType = "ALL" }, ProvisionedThroughput = new(2, 2) }];
        });
        var endpoint = Server.Local.Endpoint;
        await ScalableTargets.RegisterAsync(endpoint, $"table/{table}", read: true, 5, 100);
        await ScalableTargets.RegisterAsync(endpoint, $"table/{table}/index/by-email", read: false, 2, 40);
        await ScalableTargets.RegisterAsync(endpoint, $"table/{table}", read: true, null, 200);

        CollectionAssert.AreEquivalent(
            new[] { ($"table/{table}", "dynamodb:table:ReadCapacityUnits", 5L, 200L), ($"table/{table}/index/by-email", "dynamodb:index:WriteCapacityUnits", 2L, 40L) },
            (await ScalableTargets.DescribeAsync(endpoint, $"table/{table}", $"table/{table}/index/by-email")).ToArray(),
            "registering again updates the maximum and keeps the minimum");
        Assert.HasCount(1, await ScalableTargets.DescribeAsync(endpoint, $"table/{table}"), "ResourceIds filters");

        await ScalableTargets.DeregisterAsync(endpoint, $"table/{table}", read: true);
        Assert.IsEmpty(await ScalableTargets.DescribeAsync(endpoint, $"table/{table}"));
        var again = await Assert.ThrowsExactlyAsync<Amazon.Runtime.AmazonServiceException>(() => ScalableTargets.DeregisterAsync(endpoint, $"table/{table}", read: true));
        Assert.AreEqual("ObjectNotFoundException", again.ErrorCode);
    }

    [TestMethod]
    public async Task A_target_for_a_missing_table_or_index_or_with_a_minimum_above_the_maximum_is_refused()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        var endpoint = Server.Local.Endpoint;

        foreach (var (resource, min, max) in new[] { ("table/no-such-table", 1L, 10L), ($"table/{table}/index/no-such-index", 1L, 10L), ($"table/{table}", 10L, 1L) })
        {
            var refused = await Assert.ThrowsExactlyAsync<Amazon.Runtime.AmazonServiceException>(() => ScalableTargets.RegisterAsync(endpoint, resource, read: true, min, max), resource);
            Assert.AreEqual("ValidationException", refused.ErrorCode, resource);
        }

        Assert.IsEmpty(await ScalableTargets.DescribeAsync(endpoint, $"table/{table}", "table/no-such-table"));
    }

    [TestMethod]
    public async Task A_target_tracking_policy_needs_its_target_and_its_dimensions_metric_and_is_put_described_updated_and_deleted()
    {
        using var client = Server.Local.CreateClient();
        var table = await ProvisionedTableAsync(client);
        var (endpoint, resource) = (Server.Local.Endpoint, $"table/{table}");
        var writes = new { TargetValue = 70.0, PredefinedMetricSpecification = new { PredefinedMetricType = "DynamoDBWriteCapacityUtilization" } };

        var noTarget = await Assert.ThrowsExactlyAsync<Amazon.Runtime.AmazonServiceException>(() => ScalableTargets.PutPolicyAsync(endpoint, resource, read: false, "writes", writes));
        Assert.AreEqual("ObjectNotFoundException", noTarget.ErrorCode);

        await ScalableTargets.RegisterAsync(endpoint, resource, read: false, 5, 50);
        var wrongMetric = await Assert.ThrowsExactlyAsync<Amazon.Runtime.AmazonServiceException>(() => ScalableTargets.PutPolicyAsync(endpoint, resource, read: false, "writes",
            new { TargetValue = 70.0, PredefinedMetricSpecification = new { PredefinedMetricType = "DynamoDBReadCapacityUtilization" } }));
        Assert.AreEqual("ValidationException", wrongMetric.ErrorCode);

        await ScalableTargets.PutPolicyAsync(endpoint, resource, read: false, "writes", writes);
        await ScalableTargets.PutPolicyAsync(endpoint, resource, read: false, "writes", new { TargetValue = 55.5, PredefinedMetricSpecification = writes.PredefinedMetricSpecification, ScaleInCooldown = 60 });
        var policy = (await ScalableTargets.PoliciesAsync(endpoint, resource, read: false)).Single();
        Assert.AreEqual(("writes", 55.5, 60), (policy.PolicyName, policy.Configuration.GetProperty("TargetValue").GetDouble(), policy.Configuration.GetProperty("ScaleInCooldown").GetInt32()), "put again under its name, it is updated");
        Assert.IsEmpty(await ScalableTargets.PoliciesAsync(endpoint, resource, read: true));

        await ScalableTargets.DeletePolicyAsync(endpoint, resource, read: false, "writes");
        Assert.IsEmpty(await ScalableTargets.PoliciesAsync(endpoint, resource, read: false));
        await ScalableTargets.PutPolicyAsync(endpoint, resource, read: false, "writes", writes);
        await ScalableTargets.DeregisterAsync(endpoint, resource, read: false);
        Assert.IsEmpty(await ScalableTargets.PoliciesAsync(endpoint, resource, read: false), "deregistering a target deletes its policies");
    }

    // Application Auto Scaling scales only provisioned capacity.
    private static Task<string> ProvisionedTableAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, Action<CreateTableRequest>? more = null) =>
        Tables.CreateAsync(client, r =>
        {
            r.BillingMode = Amazon.DynamoDBv2.BillingMode.PROVISIONED;
            r.ProvisionedThroughput = new ProvisionedThroughput(5, 5);
            more?.Invoke(r);
        });
}
