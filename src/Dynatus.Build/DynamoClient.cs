using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Dynatus.Engine;

namespace Dynatus.Build;

/// <summary>Where a sync goes: a parsed endpoint, or AWS itself.</summary>
/// <param name="Description">The endpoint or region, for messages; never credentials.</param>
/// <param name="IsLoopback">True when the endpoint is on this machine.</param>
internal readonly record struct SyncTarget(string Description, bool IsLoopback);

/// <summary>
/// Builds the DynamoDB client from the only three things a build may pass: endpoint, region, profile.
/// Credentials come from the AWS chain (environment, profile, SSO, instance role), never from parameters.
/// </summary>
internal static class DynamoClient
{
    public static bool TryCreate(string? endpoint, string? region, string? profile, bool allowInsecure, out AmazonDynamoDBClient client, out SyncTarget target, out SyncError? problem)
    {
        client = null!;
        target = default;
        problem = null;
        var config = new AmazonDynamoDBConfig();
        if (!string.IsNullOrWhiteSpace(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problem = new SyncError(FrontEndCodes.InvalidEndpoint, $"The DynamoDB endpoint '{endpoint}' is not an http:// or https:// URL (DynatusEndpoint, DynatusPublishEndpoint or the Endpoint parameter).");
                return false;
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecure)
            {
                problem = new SyncError(FrontEndCodes.InsecureEndpoint, $"The endpoint '{endpoint}' is plain http:// on another machine: requests and their signatures would cross the network unencrypted. Use https://, or set DynatusAllowInsecureEndpoint=true if you mean it.");
                return false;
            }

            config.ServiceURL = endpoint;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(region) ? "us-east-1" : region;
            target = new SyncTarget(endpoint, uri.IsLoopback);
            if (uri.IsLoopback && string.IsNullOrWhiteSpace(profile))
            {
                // A local DynamoDB checks no signature: no developer needs AWS credentials to build.
                client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
                return true;
            }
        }
        else
        {
            target = new SyncTarget($"AWS ({(string.IsNullOrWhiteSpace(region) ? "region from the AWS configuration" : region)})", IsLoopback: false);
        }

        if (string.IsNullOrWhiteSpace(profile))
        {
            client = new AmazonDynamoDBClient(config);
            return true;
        }

        if (!new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials))
        {
            problem = new SyncError(FrontEndCodes.ProfileNotFound, $"The AWS profile '{profile}' was not found in the AWS config or credentials files (DynatusProfile).");
            return false;
        }

        client = new AmazonDynamoDBClient(credentials, config);
        return true;
    }
}
