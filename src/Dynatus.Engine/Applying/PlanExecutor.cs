using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Applying;

/// <summary>The only code that changes tables: runs a plan's steps in order, waiting after each change.</summary>
internal sealed class PlanExecutor(IAmazonDynamoDB client, SyncOptions options)
{
    private readonly TableWaiter waiter = new(client, options);

    public async Task ExecuteAsync(TablePlan plan, CancellationToken cancellationToken)
    {
        foreach (var step in plan.Steps)
        {
            options.Log.Progress(plan.TableName, step.Description);
            await RunAsync(plan.TableName, step, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        Retry.RunAsync(call, options.RetryBaseDelay, cancellationToken);

    private async Task RunAsync(string table, PlanStep step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case CreateTableStep create:
                await Call(() => client.CreateTableAsync(create.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilSettledAsync(table, cancellationToken).ConfigureAwait(false);
                break;
            case DeleteTableStep:
                await Call(() => client.DeleteTableAsync(new DeleteTableRequest { TableName = table }, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilGoneAsync(table, cancellationToken).ConfigureAwait(false);
                break;
            case UpdateTableStep update:
                await Call(() => client.UpdateTableAsync(update.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                await waiter.UntilSettledAsync(table, cancellationToken).ConfigureAwait(false);
                break;
            case UpdateTimeToLiveStep ttl:
                await Call(() => client.UpdateTimeToLiveAsync(ttl.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case UpdateContinuousBackupsStep pitr:
                await Call(() => client.UpdateContinuousBackupsAsync(pitr.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case TagResourceStep tag:
                await Call(() => client.TagResourceAsync(tag.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case UntagResourceStep untag:
                await Call(() => client.UntagResourceAsync(untag.Request, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new NotSupportedException($"Unknown plan step {step.GetType().Name}.");
        }
    }
}
