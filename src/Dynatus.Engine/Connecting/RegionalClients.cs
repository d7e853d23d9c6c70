using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Dynatus.Engine.Connecting;

/// <summary>
/// DynamoDB clients for a global table's other regions, where each replica keeps settings of its own (deletion
/// protection, point-in-time recovery, contributor insights, tags). Each is made on first use like the sync's client: the same
/// credentials, retries and timeout; at the same endpoint signed for the region when the sync has one (a local DynamoDB
/// answers each signing region with its own tables), else at the region's AWS endpoint.
/// </summary>
internal sealed class RegionalClients(IAmazonDynamoDB client) : IDisposable
{
    private readonly Dictionary<string, IAmazonDynamoDB> made = new(StringComparer.Ordinal);

    /// <summary>The client for <paramref name="region"/>.</summary>
    public IAmazonDynamoDB For(string region)
    {
        lock (made)
        {
            if (!made.TryGetValue(region, out var regional))
            {
                made[region] = regional = Create(region);
            }

            return regional;
        }
    }

    public void Dispose()
    {
        lock (made)
        {
            foreach (var regional in made.Values)
            {
                regional.Dispose();
            }

            made.Clear();
        }
    }

    /// <summary>
    /// What a client of the sync signs with, for the other clients a sync makes: its own credentials when Dynatus made it,
    /// else those of its config, else the SDK's default chain; dummy ones on loopback.
    /// </summary>
    public static AWSCredentials CredentialsOf(IAmazonDynamoDB client, Uri? endpoint) =>
        client is FailFastDynamoDBClient ours ? ours.Credentials
            : client.Config.DefaultAWSCredentials
            ?? (endpoint is { IsLoopback: true } ? new BasicAWSCredentials("local", "local") : DefaultAWSCredentialsIdentityResolver.GetCredentials(client.Config));

    private FailFastDynamoDBClient Create(string region)
    {
        var config = client.Config;
        var regional = new AmazonDynamoDBConfig { MaxErrorRetry = config.MaxErrorRetry };
        if (config.Timeout is { } timeout)
        {
            regional.Timeout = timeout;
        }

        if (config.ServiceURL is { } endpoint)
        {
            regional.ServiceURL = endpoint;
            regional.AuthenticationRegion = region;
        }
        else
        {
            regional.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new FailFastDynamoDBClient(CredentialsOf(client, config.ServiceURL is null ? null : new Uri(config.ServiceURL)), regional);
    }
}
