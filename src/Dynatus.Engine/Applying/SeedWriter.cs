using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Seeding;

namespace Dynatus.Engine.Applying;

/// <summary>
/// Puts a table's seed items: BatchWriteItem with 25 items (DynamoDB's most), many calls in flight, and what
/// DynamoDB leaves unprocessed (under load, or throttled) sent again after a backoff.
/// </summary>
internal sealed class SeedWriter(IAmazonDynamoDB client, SyncOptions options)
{
    private const int ItemsPerCall = 25;

    // Calls in flight for one table; tables seed side by side, each as its sync finishes.
    private const int CallsInFlight = 32;

    private const int MaxAttempts = 10;

    public async Task WriteAsync(string table, IReadOnlyList<SeedItem> items, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = CallsInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(items.Chunk(ItemsPerCall), parallel, (batch, token) => new ValueTask(WriteBatchAsync(table, batch, token))).ConfigureAwait(false);
    }

    private async Task WriteBatchAsync(string table, SeedItem[] batch, CancellationToken cancellationToken)
    {
        var requests = batch.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i.Attributes } }).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var request = new BatchWriteItemRequest { RequestItems = new() { [table] = requests } };
            var response = await Retry.RunAsync(() => client.BatchWriteItemAsync(request, cancellationToken), options.RetryBaseDelay, cancellationToken).ConfigureAwait(false);
            if (response.UnprocessedItems?.GetValueOrDefault(table) is not { Count: > 0 } unprocessed)
            {
                return;
            }

            if (attempt == MaxAttempts)
            {
                throw new TimeoutException($"Table {table}: DynamoDB left {unprocessed.Count} seed item(s) unprocessed after {MaxAttempts} attempts; the next sync with seeding Always puts them again.");
            }

            requests = unprocessed;
            await Retry.BackOffAsync(attempt, options.RetryBaseDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}
