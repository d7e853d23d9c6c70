using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Applying;

/// <summary>
/// The only code that changes tables: runs a plan's steps in order, waiting after each change, each region's with that
/// region's DynamoDB and Application Auto Scaling.
/// </summary>
internal sealed class PlanExecutor(IAmazonDynamoDB client, SyncOptions options, RegionalClients regions, ScalableTargets? autoScaling)
{
    private readonly TableWaiter waiter = new(client, options);
    private readonly LocalServerCheck localServer = new(client);
    private readonly ConcurrentDictionary<string, PlanExecutor> inRegions = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs every step, adding each one done to <paramref name="applied"/> (so a failure can say what was done before
    /// it); returns the steps that AWS's rate limits defer to a later sync, saying when, and the backup taken, if any.
    /// </summary>
    public async Task<(IReadOnlyList<string> Deferred, string? Backup)> ExecuteAsync(TablePlan plan, List<string> applied, CancellationToken cancellationToken)
    {
        await localServer.EnsureSupportsAsync(plan, cancellationToken).ConfigureAwait(false);
        if (plan.Steps.Any(s => s is AutoScalingStep or RegionalStep { Step: AutoScalingStep }) && autoScaling is not null && !await autoScaling.AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            // DynamoDB Local and dynalite scale nothing: found out before the table is made without what it declares.
            throw new LocalServerLacksException(plan.TableName, "does not know Application Auto Scaling (RegisterScalableTarget), which declared auto scaling (WriteProvisionedThroughputSettings, ReadProvisionedThroughputSettings) needs; nothing was changed", localServer.EndpointOf(), inDynamoDbLocal: false);
        }

        var deferred = new List<string>();
        string? backup = null;
        string? timeToLiveDeferredUntil = null;
        foreach (var step in plan.Steps)
        {
            if (step is UpdateTimeToLiveStep && timeToLiveDeferredUntil is not null)
            {
                // A TTL rename is a disable, then an enable that needs it done: deferred with it, never sent to fail.
                deferred.Add($"{step.Description}: waits for the TTL change before it; a sync from {timeToLiveDeferredUntil} UTC at the latest applies both");
                continue;
            }

            options.Log.Progress(plan.TableName, step.Description);
            try
            {
                if (step is BackupTableStep)
                {
                    backup = await BackUpAsync(plan.TableName, cancellationToken).ConfigureAwait(false);
                    applied.Add($"CreateBackup {backup}");
                    continue;
                }

                await RunAsync(plan.TableName, step, cancellationToken).ConfigureAwait(false);
                applied.Add(step.Description);
            }
            catch (AmazonDynamoDBException e) when (step is UpdateTimeToLiveStep && IsTimeToLiveRateLimit(e))
            {
                // Not an error of the user's, nor a race: the rest of the table's changes go on, and a later sync does this.
                timeToLiveDeferredUntil = $"{DateTime.UtcNow.AddHours(1):yyyy-MM-dd HH:mm}";
                deferred.Add($"{step.Description}: AWS allows one TTL change a table an hour; a sync from {timeToLiveDeferredUntil} UTC at the latest applies it");
            }
        }

        return (deferred, backup);
    }

    // A backup named after the table and the time, AVAILABLE before anything is deleted; any failure stops the recreate.
    private async Task<string> BackUpAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            var name = $"{table[..Math.Min(table.Length, 200)]}-before-recreate-{DateTime.UtcNow:yyyyMMddHHmmss}";
            var arn = (await Call(() => client.CreateBackupAsync(new CreateBackupRequest { TableName = table, BackupName = name }, cancellationToken), cancellationToken).ConfigureAwait(false)).BackupDetails.BackupArn;
            await waiter.UntilBackupAvailableAsync(table, arn, cancellationToken).ConfigureAwait(false);
            return arn;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new BackupFailedException(table, e);
        }
    }

    // A table made in this sync (a new replica, say) had no ARN when it was planned: it is read once the table is there.
    private async Task<string> ArnAsync(string table, string? planned, CancellationToken cancellationToken) =>
        planned ?? (await waiter.UntilSettledAsync(table, cancellationToken).ConfigureAwait(false)).TableArn;

    // One executor a region, with its client, waiter and local-server check, for every replica's own settings there; the
    // sync runs tables in parallel.
    private PlanExecutor InRegion(string region) => inRegions.GetOrAdd(region, r => new PlanExecutor(regions.For(r), options, regions, autoScaling?.In(r, regions.For(r))));

    private static bool IsTimeToLiveRateLimit(AmazonDynamoDBException e) =>
        e.ErrorCode == "ValidationException" && e.Message.Contains("modified multiple times within a fixed interval", StringComparison.OrdinalIgnoreCase);

    private Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        Retry.RunAsync(call, options.RetryBaseDelay, cancellationToken);

    private async Task RunAsync(string table, PlanStep step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case CreateTableStep create:
                var created = await Call(() => client.CreateTableAsync(create.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilSettledAsync(table, cancellationToken).ConfigureAwait(false);
                if (await localServer.IgnoredAtCreateAsync(create.Request, created.TableDescription, cancellationToken).ConfigureAwait(false) is { } ignored)
                {
                    // Made by this very step a moment ago, empty, on this machine: taken back, so that nothing is half made.
                    await Call(() => client.DeleteTableAsync(new DeleteTableRequest { TableName = table }, cancellationToken), cancellationToken).ConfigureAwait(false);
                    await waiter.UntilGoneAsync(table, cancellationToken).ConfigureAwait(false);
                    throw new LocalServerLacksException(table, $"created the table without its {ignored} (it ignores the setting); the new, empty table was deleted again", localServer.EndpointOf());
                }

                break;
            case DeleteTableStep:
                await Call(() => client.DeleteTableAsync(new DeleteTableRequest { TableName = table }, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilGoneAsync(table, cancellationToken).ConfigureAwait(false);
                break;
            case UpdateTableStep update:
                await Call(() => client.UpdateTableAsync(update.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilSettledAsync(table, cancellationToken).ConfigureAwait(false);
                break;
            case RegionalStep regional:
                // A replica's own setting, changed in its region as that region's table, and waited for there.
                await InRegion(regional.RegionName).RunAsync(table, regional.Step, cancellationToken).ConfigureAwait(false);
                break;
            case ReplicaStep replica:
                await Call(() => client.UpdateTableAsync(replica.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilReplicasAsync(table, replica.RegionNames, replica.WitnessRegionName, replica.Adds, cancellationToken).ConfigureAwait(false);
                break;
            case UpdateTimeToLiveStep ttl:
                await Call(() => client.UpdateTimeToLiveAsync(ttl.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case UpdateContinuousBackupsStep pitr:
                await Call(() => client.UpdateContinuousBackupsAsync(pitr.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case UpdateContributorInsightsStep insights:
                await Call(() => client.UpdateContributorInsightsAsync(insights.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case EnableKinesisStreamingStep enable:
                await Call(() => client.EnableKinesisStreamingDestinationAsync(enable.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilKinesisDestinationAsync(table, enable.Request.StreamArn, DestinationStatus.ACTIVE, cancellationToken).ConfigureAwait(false);
                break;
            case UpdateKinesisStreamingStep update:
                await Call(() => client.UpdateKinesisStreamingDestinationAsync(update.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilKinesisDestinationAsync(table, update.Request.StreamArn, DestinationStatus.ACTIVE, cancellationToken).ConfigureAwait(false);
                break;
            case DisableKinesisStreamingStep disable:
                await Call(() => client.DisableKinesisStreamingDestinationAsync(disable.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilKinesisDestinationAsync(table, disable.Request.StreamArn, DestinationStatus.DISABLED, cancellationToken).ConfigureAwait(false);
                break;
            case PutResourcePolicyStep put:
                var putPolicy = new PutResourcePolicyRequest { ResourceArn = await ArnAsync(table, put.Request.ResourceArn, cancellationToken).ConfigureAwait(false), Policy = put.Request.Policy };
                await Call(() => client.PutResourcePolicyAsync(putPolicy, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case StreamResourcePolicyStep stream:
                var streamArn = (await waiter.UntilSettledAsync(table, cancellationToken).ConfigureAwait(false)).LatestStreamArn;
                if (stream.Policy is { } policy)
                {
                    await Call(() => client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = streamArn, Policy = policy }, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Call(() => client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = streamArn }, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                break;
            case DeleteResourcePolicyStep delete:
                await Call(() => client.DeleteResourcePolicyAsync(delete.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case TagResourceStep tag:
                var tagged = new TagResourceRequest { ResourceArn = await ArnAsync(table, tag.Request.ResourceArn, cancellationToken).ConfigureAwait(false), Tags = tag.Request.Tags };
                await Call(() => client.TagResourceAsync(tagged, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case AutoScalingStep scaling:
                await (autoScaling ?? throw new InvalidOperationException("This sync has no Application Auto Scaling.")).ApplyAsync(scaling, cancellationToken).ConfigureAwait(false);
                break;
            case UntagResourceStep untag:
                var untagged = new UntagResourceRequest { ResourceArn = await ArnAsync(table, untag.Request.ResourceArn, cancellationToken).ConfigureAwait(false), TagKeys = untag.Request.TagKeys };
                await Call(() => client.UntagResourceAsync(untagged, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new NotSupportedException($"Unknown plan step {step.GetType().Name}.");
        }
    }
}
