using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Applying;

/// <summary>
/// Asks Application Auto Scaling which capacities of a table it scales (DescribeScalableTargets, namespace dynamodb).
/// Its client is made on first use, with the DynamoDB client's credentials and region, so that a sync in which no
/// provisioned capacity differs sends it nothing and resolves nothing.
/// </summary>
internal sealed class AutoScalingReader(IAmazonDynamoDB dynamoDb, SyncOptions options) : IDisposable
{
    // DescribeScalableTargets takes at most 50 resource ids a call.
    private const int MostResourceIds = 50;

    private readonly Lazy<ApplicationAutoScalingClient> client = new(() => Create(dynamoDb, options));

    public async Task<AutoScaledCapacity> ReadAsync(string table, IReadOnlyList<string> resourceIds, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<(string, string), CapacityRange>();
        try
        {
            foreach (var chunk in resourceIds.Chunk(MostResourceIds))
            {
                string? next = null;
                do
                {
                    var request = new { ServiceNamespace = "dynamodb", ResourceIds = chunk, NextToken = next };
                    var page = await Retry.RunAsync(() => client.Value.CallAsync("DescribeScalableTargets", request, cancellationToken), options.RetryBaseDelay, cancellationToken).ConfigureAwait(false);
                    foreach (var target in page.GetProperty("ScalableTargets").EnumerateArray())
                    {
                        var key = (target.GetProperty("ResourceId").GetString()!, target.GetProperty("ScalableDimension").GetString()!);
                        targets[key] = new CapacityRange(target.GetProperty("MinCapacity").GetInt64(), target.GetProperty("MaxCapacity").GetInt64());
                    }

                    next = page.TryGetProperty("NextToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
                }
                while (next is not null);
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

        return new AutoScaledCapacity(targets);
    }

    public void Dispose()
    {
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

/// <summary>Application Auto Scaling could not say whether a differing capacity is scaled: the capacity was left as it is.</summary>
internal sealed class AutoScalingUnavailableException(string table, string endpoint, Exception inner) : Exception(
    $"Table {table}: its provisioned capacity differs from the definition, and whether Application Auto Scaling manages it could not be read at {endpoint} " +
    $"({(inner is AmazonServiceException service ? $"{service.ErrorCode}: {service.Message}" : inner.Message)}); nothing was changed. " +
    "Allow application-autoscaling:DescribeScalableTargets to the identity that syncs, or name where it is asked with AutoScalingEndpoint (MSBuild: DynatusAutoScalingEndpoint).",
    inner);
