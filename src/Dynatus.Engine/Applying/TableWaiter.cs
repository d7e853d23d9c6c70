using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Dynatus.Engine.Applying;

/// <summary>Polls DescribeTable with backoff until a table settles or is gone; every wait is bounded.</summary>
internal sealed class TableWaiter(IAmazonDynamoDB client, SyncOptions options)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Settled: the table ACTIVE, every global secondary index ACTIVE (a deleted one gone), and no
    /// encryption change under way. The one condition serves after every kind of change.
    /// </summary>
    public static bool IsSettled(TableDescription table) =>
        table.TableStatus == TableStatus.ACTIVE
        && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE)
        && table.SSEDescription?.Status != SSEStatus.UPDATING && table.SSEDescription?.Status != SSEStatus.ENABLING && table.SSEDescription?.Status != SSEStatus.DISABLING;

    public static string StatusOf(TableDescription? table) =>
        table is null ? "not found"
        : string.Join(", ", new[] { $"table {table.TableStatus?.Value}" }
            .Concat((table.GlobalSecondaryIndexes ?? []).Where(i => i.IndexStatus != IndexStatus.ACTIVE)
                .Select(i => $"index {i.IndexName} {i.IndexStatus?.Value}{(i.Backfilling == true ? " (backfilling)" : string.Empty)}"))
            .Concat(table.SSEDescription?.Status is { } sse && sse != SSEStatus.ENABLED && sse != SSEStatus.DISABLED ? [$"SSE {sse.Value}"] : []));

    public async Task<TableDescription> UntilSettledAsync(string tableName, CancellationToken cancellationToken) =>
        (await PollTableAsync(tableName, t => t is not null && IsSettled(t), "to become ACTIVE", cancellationToken).ConfigureAwait(false))!;

    public Task UntilGoneAsync(string tableName, CancellationToken cancellationToken) =>
        PollTableAsync(tableName, t => t is null, "to be deleted", cancellationToken);

    /// <summary>Until the table is settled, or gone if it was being deleted; returns what it settled as.</summary>
    public Task<TableDescription?> UntilSettledOrGoneAsync(string tableName, CancellationToken cancellationToken) =>
        PollTableAsync(tableName, t => t is null || IsSettled(t), "to become ACTIVE or be deleted", cancellationToken);

    /// <summary>
    /// Until the replicas in <paramref name="regions"/> and the <paramref name="witness"/>, if any, are ACTIVE (or gone,
    /// when removed) and the table settled. AWS lists a new replica some seconds after the call, so an absent one is
    /// waited for; throws when AWS ends a new replica anywhere else: a status such as CREATION_FAILED, or its entry gone
    /// again (AWS drops a create it aborts).
    /// </summary>
    public async Task UntilReplicasAsync(string tableName, IReadOnlyList<string> regions, string? witness, bool added, CancellationToken cancellationToken)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var table = await PollAsync(
            tableName,
            () => LiveTableReader.DescribeAsync(client, tableName, cancellationToken),
            t => regions.All(r => ReplicaDone(t, r, added, ListedBefore(t, r))) && WitnessDone(t, witness, added),
            t => $"{StatusOf(t)}, {string.Join(", ", regions.Select(r => $"replica {r} {ReplicaOf(t, r)?.ReplicaStatus?.Value ?? "not listed"}"))}"
                + (witness is null ? string.Empty : $", witness {witness} {WitnessOf(t, witness)?.WitnessStatus?.Value ?? "not listed"}"),
            $"for its {(regions.Count == 1 ? "replica" : "replicas")} in {string.Join(", ", regions)}{(witness is null ? string.Empty : $" and witness in {witness}")} {(added ? "to become ACTIVE" : "to be deleted")}",
            cancellationToken).ConfigureAwait(false);
        foreach (var region in added ? regions : [])
        {
            if (ReplicaOf(table, region) is not { ReplicaStatus.Value: "ACTIVE" })
            {
                var replica = ReplicaOf(table, region);
                throw new InvalidOperationException(replica is null
                    ? $"DynamoDB listed the replica in {region}, then dropped it: the replica was not created."
                    : $"the replica in {region} is {replica.ReplicaStatus?.Value}, not ACTIVE: {replica.ReplicaStatusDescription ?? "DynamoDB gave no reason"}.");
            }
        }

        // Whether the region was listed in any answer so far, this one included.
        bool ListedBefore(TableDescription? t, string region)
        {
            if (ReplicaOf(t, region) is not null)
            {
                listed.Add(region);
            }

            return listed.Contains(region);
        }
    }

    /// <summary>
    /// Whether a wait for a replica is over: the table settled and the replica ACTIVE, or gone when removed; a new
    /// replica in any status but CREATING, UPDATING or ACTIVE, or no longer listed once it was, ends it too (failed).
    /// </summary>
    internal static bool ReplicaDone(TableDescription? table, string region, bool added, bool listedBefore)
    {
        if (table is null || !IsSettled(table))
        {
            return false;
        }

        var status = ReplicaOf(table, region)?.ReplicaStatus;
        return !added ? status is null
            : status is null ? listedBefore
            : status != ReplicaStatus.CREATING && status != ReplicaStatus.UPDATING;
    }

    /// <summary>Whether a wait for a witness is over: added, it is ACTIVE; removed, no longer listed; none, at once.</summary>
    internal static bool WitnessDone(TableDescription? table, string? witness, bool added) =>
        witness is null || (added ? WitnessOf(table, witness)?.WitnessStatus == WitnessStatus.ACTIVE : WitnessOf(table, witness) is null);

    private static GlobalTableWitnessDescription? WitnessOf(TableDescription? table, string region) => table?.GlobalTableWitnesses?.FirstOrDefault(w => w.RegionName == region);

    private static ReplicaDescription? ReplicaOf(TableDescription? table, string region) => table?.Replicas?.FirstOrDefault(r => r.RegionName == region);

    /// <summary>Until an on-demand backup of the table is AVAILABLE.</summary>
    public Task UntilBackupAvailableAsync(string tableName, string backupArn, CancellationToken cancellationToken) => PollAsync(
        tableName,
        async () => (await client.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = backupArn }, cancellationToken).ConfigureAwait(false)).BackupDescription.BackupDetails.BackupStatus,
        status => status == BackupStatus.AVAILABLE,
        status => $"backup {status?.Value}",
        "for its backup to become AVAILABLE",
        cancellationToken);

    /// <summary>
    /// Until a Kinesis destination of the table leaves its ENABLING, UPDATING or DISABLING state; throws when it ends
    /// anywhere but <paramref name="goal"/> (ENABLE_FAILED, with AWS's reason).
    /// </summary>
    public async Task UntilKinesisDestinationAsync(string tableName, string streamArn, DestinationStatus goal, CancellationToken cancellationToken)
    {
        var settled = await PollAsync(
            tableName,
            async () => (await client.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false))
                .KinesisDataStreamDestinations?.FirstOrDefault(d => d.StreamArn == streamArn),
            d => d?.DestinationStatus != DestinationStatus.ENABLING && d?.DestinationStatus != DestinationStatus.UPDATING && d?.DestinationStatus != DestinationStatus.DISABLING,
            d => $"Kinesis destination {d?.DestinationStatus?.Value ?? "not listed"}",
            $"for its Kinesis destination {streamArn} to become {goal.Value}",
            cancellationToken).ConfigureAwait(false);
        if (settled?.DestinationStatus != goal)
        {
            throw new InvalidOperationException($"the Kinesis destination {streamArn} is {settled?.DestinationStatus?.Value ?? "not listed"}, not {goal.Value}: {settled?.DestinationStatusDescription ?? "DynamoDB gave no reason"}.");
        }
    }

    private Task<TableDescription?> PollTableAsync(string tableName, Func<TableDescription?, bool> done, string goal, CancellationToken cancellationToken) =>
        PollAsync(tableName, () => LiveTableReader.DescribeAsync(client, tableName, cancellationToken), done, StatusOf, goal, cancellationToken);

    private async Task<T> PollAsync<T>(string tableName, Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe, string goal, CancellationToken cancellationToken)
    {
        var timeout = options.WaitTimeout;
        var deadline = DateTime.UtcNow + timeout;
        var delay = FirstPoll;
        var lastStatus = string.Empty;
        while (true)
        {
            var state = await Retry.RunAsync(read, options.RetryBaseDelay, cancellationToken).ConfigureAwait(false);
            if (done(state))
            {
                return state;
            }

            var status = describe(state);
            if (status != lastStatus)
            {
                options.Log.Progress(tableName, $"waiting {goal}: {status}");
                lastStatus = status;
            }

            if (DateTime.UtcNow + delay > deadline)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0} s: table {tableName} was still waiting {goal}; last seen: {status}.");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.6, LongestPoll.TotalMilliseconds));
        }
    }
}
