using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Applying;

/// <summary>
/// Application Auto Scaling for a sync's tables (namespace dynamodb): asks which capacities it scales
/// (DescribeScalableTargets, and DescribeScalingPolicies where a definition declares auto scaling), and registers what
/// a definition declares. Its client is made on first use, with the DynamoDB client's credentials and region, so that a
/// sync in which no provisioned capacity differs sends it nothing and resolves nothing.
/// </summary>
internal sealed class ScalableTargets(IAmazonDynamoDB dynamoDb, SyncOptions options) : IDisposable
{
    // DescribeScalableTargets takes at most 50 resource ids a call.
    private const int MostResourceIds = 50;

    private const string ServiceNamespace = "dynamodb";

    private const string TargetTracking = "TargetTrackingScaling";

    private readonly Lazy<ApplicationAutoScalingClient> client = new(() => Create(dynamoDb, options));

    // A replica region's, made on first use and disposed with this one.
    private readonly ConcurrentDictionary<string, ScalableTargets> inRegions = new(StringComparer.Ordinal);

    // Asked once a sync; tables that sync in parallel and race may each ask, and get the same answer.
    private Task<bool>? answers;

    /// <summary>What Application Auto Scaling scales of these resources, and, where asked, with which target tracking policies.</summary>
    /// <param name="table">The table, for messages.</param>
    /// <param name="resourceIds">The table and indexes asked about.</param>
    /// <param name="withPolicies">Whether their target tracking policies are read too: only for a definition that declares auto scaling.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<AutoScaledCapacity> ReadAsync(string table, IReadOnlyList<string> resourceIds, bool withPolicies, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<(string, string), CapacityRange>();
        var policies = new Dictionary<(string, string), TargetTrackingPolicy>();
        try
        {
            foreach (var chunk in resourceIds.Chunk(MostResourceIds))
            {
                await foreach (var page in PagesAsync("DescribeScalableTargets", next => new { ServiceNamespace, ResourceIds = chunk, NextToken = next }, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var target in page.GetProperty("ScalableTargets").EnumerateArray())
                    {
                        var key = (target.GetProperty("ResourceId").GetString()!, target.GetProperty("ScalableDimension").GetString()!);
                        targets[key] = new CapacityRange(target.GetProperty("MinCapacity").GetInt64(), target.GetProperty("MaxCapacity").GetInt64());
                    }
                }
            }

            foreach (var resourceId in withPolicies ? resourceIds : [])
            {
                await ReadPoliciesAsync(resourceId, policies, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AmazonServiceException e) when (e.ErrorCode == Errors.UnknownOperation && client.Value.Endpoint.IsLoopback)
        {
            // A local DynamoDB other than Dynatus's (DynamoDB Local, dynalite) does no auto scaling: it scales nothing.
            options.Log.Progress(table, $"{client.Value.Endpoint} does not answer Application Auto Scaling; its capacity is compared as it is");
            return AutoScaledCapacity.None;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new AutoScalingUnavailableException(table, client.IsValueCreated ? client.Value.Endpoint.ToString() : "Application Auto Scaling", e);
        }

        return new AutoScaledCapacity(targets, policies);
    }

    /// <summary>Application Auto Scaling in a replica's region, with <paramref name="regional"/>'s credentials and endpoint.</summary>
    public ScalableTargets In(string region, IAmazonDynamoDB regional) => inRegions.GetOrAdd(region, _ => new ScalableTargets(regional, options));

    /// <summary>
    /// False for a server on this machine that does not know Application Auto Scaling (DynamoDB Local, dynalite: an
    /// UnknownOperationException); AWS, and any other endpoint, is taken to. Asked once a sync.
    /// </summary>
    public Task<bool> AnswersAsync(CancellationToken cancellationToken) =>
        answers ??= AskAsync(cancellationToken);

    /// <summary>Registers the step's scalable target with its bounds, then puts its target tracking policy.</summary>
    public async Task ApplyAsync(AutoScalingStep step, CancellationToken cancellationToken)
    {
        var (resource, read, setting) = (step.Resource, step.Read, step.Setting);
        var target = new { ServiceNamespace, resource.ResourceId, ScalableDimension = resource.Dimension(read), setting.MinCapacity, setting.MaxCapacity };
        await CallAsync("RegisterScalableTarget", target, cancellationToken).ConfigureAwait(false);
        var policy = new
        {
            step.PolicyName,
            ServiceNamespace,
            resource.ResourceId,
            ScalableDimension = resource.Dimension(read),
            PolicyType = TargetTracking,
            TargetTrackingScalingPolicyConfiguration = new
            {
                setting.TargetValue,
                PredefinedMetricSpecification = new { PredefinedMetricType = ScalableResource.Metric(read) },
                setting.ScaleInCooldown,
                setting.ScaleOutCooldown,
                setting.DisableScaleIn,
            },
        };
        await CallAsync("PutScalingPolicy", policy, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AskAsync(CancellationToken cancellationToken)
    {
        if (!client.Value.Endpoint.IsLoopback)
        {
            return true;
        }

        try
        {
            var request = new { ServiceNamespace, ResourceIds = new[] { "table/dynatus-capability-probe-0" } };
            await CallAsync("DescribeScalableTargets", request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonServiceException e) when (e.ErrorCode == Errors.UnknownOperation)
        {
            return false;
        }
    }

    // A resource's target tracking policies on DynamoDB's utilization metrics, by dimension; other policies (step
    // scaling, custom metrics) are not what a definition declares, and are left alone.
    private async Task ReadPoliciesAsync(string resourceId, Dictionary<(string, string), TargetTrackingPolicy> policies, CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync("DescribeScalingPolicies", next => new { ServiceNamespace, ResourceId = resourceId, NextToken = next }, cancellationToken).ConfigureAwait(false))
        {
            foreach (var policy in page.GetProperty("ScalingPolicies").EnumerateArray())
            {
                var dimension = policy.GetProperty("ScalableDimension").GetString()!;
                if (policy.GetProperty("PolicyType").GetString() == TargetTracking
                    && policy.GetProperty("TargetTrackingScalingPolicyConfiguration") is var configuration
                    && configuration.TryGetProperty("PredefinedMetricSpecification", out var metric)
                    && metric.GetProperty("PredefinedMetricType").GetString() == ScalableResource.Metric(dimension.EndsWith(":ReadCapacityUnits", StringComparison.Ordinal)))
                {
                    int? Seconds(string name) => configuration.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
                    policies[(resourceId, dimension)] = new TargetTrackingPolicy(
                        policy.GetProperty("PolicyName").GetString()!,
                        configuration.GetProperty("TargetValue").GetDouble(),
                        Seconds("ScaleInCooldown"),
                        Seconds("ScaleOutCooldown"),
                        configuration.TryGetProperty("DisableScaleIn", out var disable) && disable.ValueKind == JsonValueKind.True);
                }
            }
        }
    }

    // Each page of a Describe call, following its NextToken.
    private async IAsyncEnumerable<JsonElement> PagesAsync(string operation, Func<string?, object> request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            var page = await CallAsync(operation, request(next), cancellationToken).ConfigureAwait(false);
            yield return page;
            next = page.TryGetProperty("NextToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        }
        while (next is not null);
    }

    private Task<JsonElement> CallAsync(string operation, object request, CancellationToken cancellationToken) =>
        Retry.RunAsync(() => client.Value.CallAsync(operation, request, cancellationToken), options.RetryBaseDelay, cancellationToken);

    public void Dispose()
    {
        foreach (var regional in inRegions.Values)
        {
            regional.Dispose();
        }

        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }

    // Where the sync has an endpoint (a local DynamoDB), Application Auto Scaling is asked there too, unless
    // AutoScalingEndpoint names another; against AWS, at its regional endpoint.
    private static ApplicationAutoScalingClient Create(IAmazonDynamoDB dynamoDb, SyncOptions options)
    {
        var config = dynamoDb.Config;
        var endpoint = string.IsNullOrWhiteSpace(options.AutoScalingEndpoint) ? config.ServiceURL : options.AutoScalingEndpoint;
        var uri = endpoint is null ? null : new Uri(endpoint);
        var region = config.AuthenticationRegion ?? config.RegionEndpoint?.SystemName ?? AwsDefaults.Region;
        return new ApplicationAutoScalingClient(RegionalClients.CredentialsOf(dynamoDb, uri), region, uri);
    }
}

/// <summary>Application Auto Scaling could not say what it scales of a table's capacity: the table was left as it is.</summary>
internal sealed class AutoScalingUnavailableException(string table, string endpoint, Exception inner) : Exception(
    $"Table {table}: what Application Auto Scaling scales of its provisioned capacity could not be read at {endpoint} " +
    $"({(inner is AmazonServiceException service ? $"{service.ErrorCode}: {service.Message}" : inner.Message)}); nothing was changed or exported. " +
    "Allow application-autoscaling:DescribeScalableTargets and DescribeScalingPolicies to the identity that syncs or exports, or name where it is asked with AutoScalingEndpoint (MSBuild: DynatusAutoScalingEndpoint).",
    inner);
