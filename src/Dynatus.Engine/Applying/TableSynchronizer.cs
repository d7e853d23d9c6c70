using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Applying;

/// <summary>Syncs one table: read, wait out changes under way, plan, check the plan is allowed, apply.</summary>
internal sealed class TableSynchronizer(IAmazonDynamoDB client, SyncOptions options, ScalableTargets autoScaling, RegionalClients regions)
{
    // A change that loses a race to another sync re-plans against the winner's table; twice is plenty.
    private const int MaxPlans = 3;

    private readonly TableWaiter waiter = new(client, options);
    private readonly PlanExecutor executor = new(client, options, regions, autoScaling);

    public async Task<TableSyncResult> SyncAsync(Table desired, CancellationToken cancellationToken) =>
        await SyncPlannedAsync(desired, cancellationToken).ConfigureAwait(false) with { Location = desired.Origin.Location, LogicalId = desired.Origin.LogicalId };

    private async Task<TableSyncResult> SyncPlannedAsync(Table desired, CancellationToken cancellationToken)
    {
        var name = desired.TableName;
        TablePlan? plan = null;

        // Set once this sync's CreateTable succeeded: however a later step's lost race re-plans, this sync made the
        // table, so it reports the create (and seeds it); the other sync finds the table there and does not.
        TablePlan? created = null;
        var applied = new List<string>();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var table = await Call(() => LiveTableReader.DescribeAsync(client, name, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (table is not null && !TableWaiter.IsSettled(table) && !options.DryRun)
                {
                    // Another change (perhaps another sync's) is under way: plan against its outcome.
                    table = await waiter.UntilSettledOrGoneAsync(name, cancellationToken).ConfigureAwait(false);
                }

                var live = await Call(() => LiveTableReader.ReadAsync(client, regions, desired, table, cancellationToken), cancellationToken).ConfigureAwait(false);
                plan = TablePlanner.Plan(desired, live);
                if (live is not null && (plan.AutoScalingQuestions.Count > 0 || plan.AutoScalingQuestionsInRegions.Count > 0))
                {
                    // Asked only now that a provisioned capacity differs or auto scaling is declared: a sync with nothing to change asks nothing.
                    plan = TablePlanner.Plan(desired, await AnswerAsync(desired, live, plan, cancellationToken).ConfigureAwait(false));
                }

                if (plan.Action == TableAction.Recreate && options.BackupBeforeRecreate)
                {
                    plan = plan with { Steps = [new BackupTableStep(name), .. plan.Steps] };
                }

                if (plan.Blocker is not null)
                {
                    // Refused whatever the sync is allowed: a dry run says so too, as the sync would.
                    return Migration(plan) with { Error = Blocked(plan) };
                }

                if (options.DryRun || plan.Action == TableAction.Noop)
                {
                    return Migration(created ?? plan);
                }

                if (Refusal(plan) is { } refusal)
                {
                    return Migration(plan) with { Error = refusal };
                }

                try
                {
                    var (deferred, backup) = await executor.ExecuteAsync(plan, applied, cancellationToken).ConfigureAwait(false);
                    return Migration(created ?? plan) with { Deferred = deferred, Backup = backup };
                }
                catch (AmazonDynamoDBException e) when (attempt < MaxPlans && LostRace(plan, e))
                {
                    if (plan.Action == TableAction.Create && applied.Count > 0)
                    {
                        created ??= plan;
                    }

                    options.Log.Progress(name, $"{e.ErrorCode}: another sync may be changing this table; waiting for it, then comparing again");
                    await waiter.UntilSettledOrGoneAsync(name, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var error = Errors.From(e, name, client, cancellationToken);
            if (applied.Count > 0)
            {
                // Said in the error itself, so that every front end that shows the error says it.
                error = error with { Message = $"{error.Message} Applied before that, and kept: {string.Join("; ", applied)}." };
            }

            return plan is null ? new TableSyncResult(name, TableAction.Noop) { Error = error } : Migration(created ?? plan) with { Error = error, Applied = applied };
        }
    }

    // The live table with Application Auto Scaling's answers to the plan's questions: in the table's region, and, for a
    // replica's declared read auto scaling, in the replica's.
    private async Task<LiveTable> AnswerAsync(Table desired, LiveTable live, TablePlan plan, CancellationToken cancellationToken)
    {
        var name = desired.TableName;
        if (plan.AutoScalingQuestions.Count > 0)
        {
            var withPolicies = AutoScalingChanges.Declared(desired).Any();
            live = live with { AutoScaling = await autoScaling.ReadAsync(name, plan.AutoScalingQuestions, withPolicies, cancellationToken).ConfigureAwait(false) };
        }

        if (plan.AutoScalingQuestionsInRegions.Count > 0 && live.Replicas is { } replicas)
        {
            var answered = replicas.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
            foreach (var (region, questions) in plan.AutoScalingQuestionsInRegions.Where(q => answered.ContainsKey(q.Key)))
            {
                var scaling = await autoScaling.In(region, regions.For(region)).ReadAsync(name, questions, withPolicies: true, cancellationToken).ConfigureAwait(false);
                answered[region] = answered[region] with { AutoScaling = scaling };
            }

            live = live with { Replicas = answered };
        }

        return live;
    }

    // Two syncs of the same definitions plan the same change: the slower one finds the table being created
    // (ResourceInUse), an index already building (LimitExceeded), or what it asks for already done (Validation:
    // an index that "already exists", a stream or TTL "already enabled"). Any other ValidationException is no race:
    // it is reported at once.
    private static bool LostRace(TablePlan plan, AmazonDynamoDBException e) =>
        plan.Action is TableAction.Create or TableAction.Update
        && (e.ErrorCode is "ResourceInUseException" or "LimitExceededException"
            || (e.ErrorCode == "ValidationException" && e.Message.Contains("already", StringComparison.OrdinalIgnoreCase)));

    private Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        Retry.RunAsync(call, options.RetryBaseDelay, cancellationToken);

    // A recreate's changes end with what it costs, in every place they are shown.
    private TableSyncResult Migration(TablePlan plan) => new(plan.TableName, plan.Action)
    {
        Notes = plan.Notes,
        Changes = plan.Action != TableAction.Recreate ? plan.Changes
            : options.BackupBeforeRecreate ? [.. plan.Changes, "recreate: back the table up (CreateBackup), then delete it with ALL its items and create it"]
            : [.. plan.Changes, "recreate: delete the table with ALL its items, then create it"],
    };

    private static SyncError Blocked(TablePlan plan) => new(SyncErrorCodes.PlanBlocked, $"Table {plan.TableName} cannot be synced: {plan.Blocker}.");

    private SyncError? Refusal(TablePlan plan)
    {
        if (plan.Action == TableAction.Recreate && !options.AllowRecreate)
        {
            return new SyncError(
                SyncErrorCodes.RecreateRefused,
                $"Table {plan.TableName} must be recreated because its {plan.RecreateReason} changed ({string.Join("; ", plan.Changes)}). " +
                "Recreating deletes the table with ALL its items, so Dynatus did not do it. " +
                "To allow it, set AllowRecreate (MSBuild: DynatusAllowRecreate=true); or undo the change in the definition.");
        }

        if (plan.RemovedReplicas.Count > 0 && !options.AllowReplicaRemoval)
        {
            return new SyncError(
                SyncErrorCodes.ReplicaRemovalRefused,
                $"Table {plan.TableName} would lose its replica in {string.Join(", ", plan.RemovedReplicas)}, which deletes the table there with ALL its items, so Dynatus did not change the table. " +
                "To allow it, set AllowReplicaRemoval (MSBuild: DynatusAllowReplicaRemoval=true); or list the region in Replicas again.");
        }

        return null;
    }
}
