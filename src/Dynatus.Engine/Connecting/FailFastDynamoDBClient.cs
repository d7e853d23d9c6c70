using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Dynatus.Engine.Connecting;

/// <summary>
/// A DynamoDB client that gives up at once when nothing listens at the endpoint or its name does not resolve.
/// The SDK's DynamoDB policy retries those ten times with backoff up to 20 s (about two minutes a call) though
/// no retry can fix them; throttling, 5xx and timeouts on a connection that was made keep the SDK's retries.
/// </summary>
internal sealed class FailFastDynamoDBClient(AWSCredentials credentials, AmazonDynamoDBConfig config) : AmazonDynamoDBClient(credentials, config)
{
    /// <summary>What the client signs with, for the other AWS services a sync asks (Application Auto Scaling).</summary>
    public AWSCredentials Credentials { get; } = credentials;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new NoRetryWhenUnreachable(Config)));
    }

    private sealed class NoRetryWhenUnreachable(IClientConfig config) : StandardRetryPolicy(config)
    {
        public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
            !Unreachable(exception) && base.RetryForException(executionContext, exception);

        public override Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
            Unreachable(exception) ? Task.FromResult(false) : base.RetryForExceptionAsync(executionContext, exception);

        private static bool Unreachable(Exception? exception)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
