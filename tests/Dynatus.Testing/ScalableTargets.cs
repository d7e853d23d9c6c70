using System.Text.Json;
using Amazon.Runtime;
using Dynatus.Engine.Connecting;

namespace Dynatus.Testing;

/// <summary>
/// Application Auto Scaling's scalable targets (namespace dynamodb) at an endpoint, as
/// <c>aws application-autoscaling register-scalable-target</c> would ask, through the engine's own client.
/// </summary>
public static class ScalableTargets
{
    /// <summary>Registers <paramref name="resourceId"/> (<c>table/Name</c> or <c>table/Name/index/Index</c>) for read or write capacity.</summary>
    /// <exception cref="AmazonServiceException">The server refused it; <c>ErrorCode</c> names why.</exception>
    public static Task<JsonElement> RegisterAsync(string endpoint, string resourceId, bool read, long? min, long? max) =>
        CallAsync(endpoint, "RegisterScalableTarget", new { ServiceNamespace = "dynamodb", ResourceId = resourceId, ScalableDimension = Dimension(resourceId, read), MinCapacity = min, MaxCapacity = max });

    /// <exception cref="AmazonServiceException">The server refused it; <c>ErrorCode</c> names why.</exception>
    public static Task<JsonElement> DeregisterAsync(string endpoint, string resourceId, bool read) =>
        CallAsync(endpoint, "DeregisterScalableTarget", new { ServiceNamespace = "dynamodb", ResourceId = resourceId, ScalableDimension = Dimension(resourceId, read) });

    /// <summary>The targets of these resources: <c>(ResourceId, ScalableDimension, MinCapacity, MaxCapacity)</c>.</summary>
    public static Task<List<(string ResourceId, string Dimension, long Min, long Max)>> DescribeAsync(string endpoint, params string[] resourceIds) =>
        DescribeInAsync(endpoint, "us-east-1", resourceIds);

    /// <summary>The targets of these resources in <paramref name="region"/>.</summary>
    public static async Task<List<(string ResourceId, string Dimension, long Min, long Max)>> DescribeInAsync(string endpoint, string region, params string[] resourceIds)
    {
        var answer = await CallAsync(endpoint, "DescribeScalableTargets", new { ServiceNamespace = "dynamodb", ResourceIds = resourceIds }, region);
        return [.. answer.GetProperty("ScalableTargets").EnumerateArray().Select(t => (
            t.GetProperty("ResourceId").GetString()!, t.GetProperty("ScalableDimension").GetString()!, t.GetProperty("MinCapacity").GetInt64(), t.GetProperty("MaxCapacity").GetInt64()))];
    }

    /// <summary>Puts a target tracking policy on the resource's read or write capacity, with this configuration.</summary>
    /// <exception cref="AmazonServiceException">The server refused it; <c>ErrorCode</c> names why.</exception>
    public static Task<JsonElement> PutPolicyAsync(string endpoint, string resourceId, bool read, string policyName, object configuration) =>
        CallAsync(endpoint, "PutScalingPolicy", new { PolicyName = policyName, ServiceNamespace = "dynamodb", ResourceId = resourceId, ScalableDimension = Dimension(resourceId, read), PolicyType = "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration = configuration });

    /// <summary>The policies of the resource's read or write capacity: each one's name and configuration.</summary>
    public static async Task<List<(string PolicyName, JsonElement Configuration)>> PoliciesAsync(string endpoint, string resourceId, bool read)
    {
        var answer = await CallAsync(endpoint, "DescribeScalingPolicies", new { ServiceNamespace = "dynamodb", ResourceId = resourceId, ScalableDimension = Dimension(resourceId, read) });
        return [.. answer.GetProperty("ScalingPolicies").EnumerateArray().Select(p => (p.GetProperty("PolicyName").GetString()!, p.GetProperty("TargetTrackingScalingPolicyConfiguration")))];
    }

    /// <exception cref="AmazonServiceException">The server refused it; <c>ErrorCode</c> names why.</exception>
    public static Task<JsonElement> DeletePolicyAsync(string endpoint, string resourceId, bool read, string policyName) =>
        CallAsync(endpoint, "DeleteScalingPolicy", new { PolicyName = policyName, ServiceNamespace = "dynamodb", ResourceId = resourceId, ScalableDimension = Dimension(resourceId, read) });

    private static string Dimension(string resourceId, bool read) =>
        $"dynamodb:{(resourceId.Contains("/index/", StringComparison.Ordinal) ? "index" : "table")}:{(read ? "Read" : "Write")}CapacityUnits";

    private static async Task<JsonElement> CallAsync(string endpoint, string operation, object request, string region = "us-east-1")
    {
        using var client = new ApplicationAutoScalingClient(new BasicAWSCredentials("local", "local"), region, new Uri(endpoint));
        return await client.CallAsync(operation, request, CancellationToken.None);
    }
}
