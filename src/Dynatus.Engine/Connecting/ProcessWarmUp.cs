using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Connecting;

/// <summary>
/// Runs, once a process and on another core, what a sync runs cold: loading definitions, making a client, a first
/// DescribeTable through the SDK and the HTTP stack, the plan. The request is answered from memory: nothing is sent.
/// Most of that time is the JIT compiling generic code no ReadyToRun image can hold (the SDK's and the HTTP stack's
/// async state machines): a build starts this before its other targets (DynatusWarmUp), so that its sync, after
/// Build, finds the code compiled instead of compiling it on the build's critical path.
/// </summary>
internal static class ProcessWarmUp
{
    private static readonly object Gate = new();
    private static Task? started;

    /// <summary>Starts the warm-up unless this process has; it never fails, and the sync does not wait for it.</summary>
    /// <param name="files">Definitions the sync will load (their kind decides which reader runs); none is fine.</param>
    public static Task Start(IReadOnlyList<string> files)
    {
        lock (Gate)
        {
            return started ??= Task.Run(async () =>
            {
                try
                {
                    await RunAsync(files).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Only a warm-up: whatever really fails, the sync itself reports.
                }
            });
        }
    }

    /// <summary>The warm-up itself: the sync of one table whose DescribeTable is answered from memory.</summary>
    internal static async Task<SyncResult> RunAsync(IReadOnlyList<string> files)
    {
        TableDefinitionLoader.Load(files);
        var table = new Table(AnsweredFromMemory.TableName, new TableKey(new KeyElement("id", ScalarAttributeType.S))) { BillingMode = BillingMode.PAY_PER_REQUEST };
        var config = new AmazonDynamoDBConfig
        {
            // Never resolved: a request that missed the answer from memory would fail here, not reach a server.
            ServiceURL = "http://dynatus-warm-up.invalid",
            AuthenticationRegion = AwsDefaults.Region,
            HttpClientFactory = new AnsweredFromMemory(),
        };
        using var client = new FailFastDynamoDBClient(new BasicAWSCredentials("warm-up", "warm-up"), config);
        var result = await TableSync.SyncLoadedAsync(client, new LoadResult([table], []), new SyncOptions(), [], CancellationToken.None).ConfigureAwait(false);

        // The default endpoint's name (http://localhost:8000): the first lookup loads the system's resolver.
        await Dns.GetHostAddressesAsync("localhost").ConfigureAwait(false);
        return result;
    }
}
