using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Dynatus.Engine.Model;
namespace Dynatus.Engine.Connecting;

/// <summary>Where a sync goes.</summary>
/// <param name="Description">The endpoint actually used (and the region, for AWS), for messages; never credentials.</param>
/// <param name="IsLoopback">True when the endpoint is on this machine.</param>
/// <param name="Region">The region the client signs for: the given one, else the AWS chain's (us-east-1 for a local endpoint without one).</param>
internal readonly record struct SyncTarget(string Description, bool IsLoopback, string? Region = null)
{
    /// <summary>
    /// Whether a recreate backs the table up first: as asked, else away from this machine only (a local table's items
    /// are a developer's test data; a remote table's may be the only copy). Every front end takes this default.
    /// </summary>
    public bool BackupBeforeRecreate(bool? asked) => asked ?? !IsLoopback;
}

/// <summary>What a front end calls its settings, so that a message names the one to change.</summary>
/// <param name="Endpoint">The endpoint setting(s): <c>DynatusEndpoint, DynatusPublishEndpoint</c>; <c>--endpoint</c>.</param>
/// <param name="Region">The region setting.</param>
/// <param name="Profile">The profile setting.</param>
/// <param name="AllowInsecureEndpoint">How to allow plain http:// off this machine: <c>DynatusAllowInsecureEndpoint=true</c>.</param>
/// <param name="WithoutAws">How to go on without AWS: <c>set DynatusSyncOnPublish=false to publish without syncing tables</c>.</param>
internal sealed record ClientSettingNames(string Endpoint, string Region, string Profile, string AllowInsecureEndpoint, string WithoutAws);

/// <summary>The codes of a client that cannot be made (the engine's front ends share them).</summary>
internal static class ClientErrorCodes
{
    /// <summary>The endpoint is not an http(s) URL.</summary>
    public const string InvalidEndpoint = "DYN002";

    /// <summary>A plain http:// endpoint on another machine, without the opt-in.</summary>
    public const string InsecureEndpoint = "DYN003";

    /// <summary>The AWS profile does not exist.</summary>
    public const string ProfileNotFound = "DYN005";
}

/// <summary>
/// Builds the DynamoDB client from the only three things a front end may pass: endpoint, region, profile.
/// Credentials come from the AWS chain (environment, profile, SSO, instance role), never from parameters.
/// Region and credentials are resolved here, once, so that a machine without AWS set up gets one error, not one a table.
/// </summary>
internal static class DynamoClient
{
    /// <summary>The connections a client keeps to a local DynamoDB.</summary>
    private const int LoopbackConnections = 4;

    private static string WaysOut(ClientSettingNames names) =>
        $"Configure them for the AWS SDK (for example AWS_REGION with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or your CI's AWS login step), or {names.WithoutAws}.";

    public static bool TryCreate(string? endpoint, string? region, string? profile, bool allowInsecure, ClientSettingNames names, out AmazonDynamoDBClient client, out SyncTarget target, out SyncError? problem)
    {
        client = null!;
        target = default;
        var config = new AmazonDynamoDBConfig();
        if (!string.IsNullOrWhiteSpace(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        // No endpoint given: the SDK's own (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, the profile's), else AWS.
        var serviceUrl = string.IsNullOrWhiteSpace(endpoint) ? config.ServiceURL : endpoint;
        var isLoopback = false;
        if (serviceUrl is not null)
        {
            if (!IsSafe(serviceUrl, $"DynamoDB endpoint '{serviceUrl}' is not an http:// or https:// URL ({names.Endpoint}, or AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL).", allowInsecure, names, out var uri, out problem))
            {
                return false;
            }

            // A named endpoint takes the region from the settings, the environment or the profile's files only: the SDK's
            // region chain would also ask the EC2 instance metadata service, which a developer's machine leaves every build
            // waiting for. The order is the SDK's, so that a local DynamoDB, which keeps tables by region as AWS does, gets
            // them in the region the application on this machine signs for.
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = new[] { region, Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"), ProfileRegion(profile) }
                .FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)) ?? AwsDefaults.Region;
            isLoopback = uri.IsLoopback;
            if (isLoopback)
            {
                // A local DynamoDB answers in well under a millisecond: a few connections carry any sync, where one a table
                // (20 at once) made a cold build's first calls twice as slow (measured: 60 against 30 ms for 20 tables).
                config.MaxConnectionsPerServer = LoopbackConnections;
            }
        }
        else if (config.RegionEndpoint is null)
        {
            problem = new SyncError(SyncErrorCodes.ClientError, $"No AWS region is configured, so no table was read or synced. Looked in {names.Region}, the AWS_REGION and AWS_DEFAULT_REGION " +
                "environment variables, and the AWS profile (AWS_PROFILE, else 'default'). " + WaysOut(names));
            return false;
        }

        if (!TryGetCredentials(profile, isLoopback, config, names, out var credentials, out problem))
        {
            return false;
        }

        client = new FailFastDynamoDBClient(credentials, config);
        // Only AWS's own endpoint needs the SDK's endpoint rules to be named; a build's local one is known already.
        target = new SyncTarget(
            serviceUrl is null ? $"AWS ({config.RegionEndpoint!.SystemName}, {client.DetermineServiceOperationEndpoint(new ListTablesRequest()).URL.TrimEnd('/')})" : serviceUrl.TrimEnd('/'),
            isLoopback,
            config.AuthenticationRegion ?? config.RegionEndpoint?.SystemName);
        return true;
    }

    /// <summary>The Application Auto Scaling endpoint, when one is given, by the DynamoDB endpoint's rules; null when it passes.</summary>
    /// <param name="endpoint">The endpoint; null or empty passes.</param>
    /// <param name="setting">What the front end calls it: <c>DynatusAutoScalingEndpoint</c>, <c>--auto-scaling-endpoint</c>.</param>
    /// <param name="allowInsecure">Plain http:// off this machine is allowed.</param>
    /// <param name="names">The front end's other settings.</param>
    public static SyncError? CheckAutoScalingEndpoint(string? endpoint, string setting, bool allowInsecure, ClientSettingNames names) =>
        string.IsNullOrWhiteSpace(endpoint) || IsSafe(endpoint, $"Application Auto Scaling endpoint '{endpoint}' ({setting}) is not an http:// or https:// URL.", allowInsecure, names, out _, out var problem)
            ? null : problem;

    private static bool IsSafe(string endpoint, string notAUrl, bool allowInsecure, ClientSettingNames names, out Uri uri, out SyncError? problem)
    {
        problem = null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri!) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = new SyncError(ClientErrorCodes.InvalidEndpoint, $"The {notAUrl}");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecure)
        {
            problem = new SyncError(ClientErrorCodes.InsecureEndpoint, $"The endpoint '{endpoint}' is plain http:// on another machine: requests and their signatures would cross the network unencrypted. Use https://, or {names.AllowInsecureEndpoint} if you mean it.");
        }

        return problem is null;
    }

    // The region of the profile the SDK would use (the one named, else AWS_PROFILE, else default), from the AWS config files.
    private static string? ProfileRegion(string? profile)
    {
        var name = new[] { profile, Environment.GetEnvironmentVariable("AWS_PROFILE") }.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) ?? "default";
        return new CredentialProfileStoreChain().TryGetProfile(name, out var found) ? found.Region?.SystemName : null;
    }

    private static bool TryGetCredentials(string? profile, bool isLoopback, AmazonDynamoDBConfig config, ClientSettingNames names, out AWSCredentials credentials, out SyncError? problem)
    {
        problem = null;
        if (!string.IsNullOrWhiteSpace(profile))
        {
            if (!new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out credentials))
            {
                problem = new SyncError(ClientErrorCodes.ProfileNotFound, $"The AWS profile '{profile}' was not found in the AWS config or credentials files ({names.Profile}).");
                return false;
            }

            return true;
        }

        if (isLoopback)
        {
            // A local DynamoDB checks no signature: no developer needs AWS credentials to build.
            credentials = new BasicAWSCredentials("local", "local");
            return true;
        }

        try
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
            return true;
        }
        catch (AmazonClientException e)
        {
            // The SDK's message lists each provider it tried and why it found nothing; it holds no secret.
            var tried = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(": ", 2)[^1].TrimEnd('.'));
            credentials = null!;
            problem = new SyncError(SyncErrorCodes.ClientError, $"No AWS credentials were found, so no table was read or synced. Tried: {string.Join("; ", tried)}. {WaysOut(names)}");
            return false;
        }
    }
}
