using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Dynatus.Engine.Applying;

/// <summary>Turns what failed into a coded, readable error. AWS's messages never carry credentials.</summary>
internal static class Errors
{
    /// <summary>The error code of an operation a server does not have (a local server older or plainer than AWS).</summary>
    public const string UnknownOperation = "UnknownOperationException";

    public static SyncError From(Exception e, string table, IAmazonDynamoDB client, CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return new SyncError(SyncErrorCodes.Cancelled, $"Table {table}: cancelled before it was finished; the next sync continues from where it stopped.");
        }

        if (e is AutoScalingUnavailableException autoScaling)
        {
            return new SyncError(SyncErrorCodes.AutoScalingUnavailable, autoScaling.Message);
        }

        if (Unreachable(e) is { } network)
        {
            return new SyncError(SyncErrorCodes.Unreachable, $"Table {table}: cannot reach DynamoDB at {EndpointOf(client)}: {network.Message}") { Cause = network.Message };
        }

        return e switch
        {
            BackupFailedException backup => new SyncError(SyncErrorCodes.BackupFailed, backup.Message),
            LocalServerLacksException lacks => new SyncError(SyncErrorCodes.LocalServerLacks, lacks.Message),
            TimeoutException timeout => new SyncError(SyncErrorCodes.WaitTimedOut, timeout.Message),
            AmazonServiceException service => new SyncError(SyncErrorCodes.DynamoDbError, $"Table {table}: DynamoDB refused the request: {service.ErrorCode}: {service.Message}"),
            AmazonClientException client_ => new SyncError(SyncErrorCodes.ClientError, $"Table {table}: the AWS client failed: {client_.Message}") { Cause = client_.Message },
            _ => new SyncError(SyncErrorCodes.DynamoDbError, $"Table {table}: {e.GetType().Name}: {e.Message}"),
        };
    }

    private static Exception? Unreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException || (e is OperationCanceledException && e.InnerException is TimeoutException))
            {
                return e;
            }
        }

        return null;
    }

    public static string EndpointOf(IAmazonDynamoDB client) =>
        client.Config.ServiceURL ?? client.Config.RegionEndpoint?.SystemName ?? "the default AWS endpoint";
}
