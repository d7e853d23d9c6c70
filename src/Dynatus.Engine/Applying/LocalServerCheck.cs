using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Applying;

/// <summary>
/// A DynamoDB on this machine that lacks what a plan needs (plain dynalite has no UpdateTimeToLive or continuous backups,
/// and ignores streams, SSE, table class and deletion protection at create) is found out before anything is left half
/// made: one coded error naming the operation or setting. AWS has all of it, so nothing is asked there.
/// </summary>
internal sealed class LocalServerCheck(IAmazonDynamoDB client)
{
    // A name no table has: AWS and a complete local DynamoDB answer ResourceNotFoundException, changing nothing.
    private const string ProbeTable = "dynatus-capability-probe-0";

    private readonly bool isLoopback = Uri.TryCreate(client.Config.ServiceURL, UriKind.Absolute, out var endpoint) && endpoint.IsLoopback;
    private readonly ConcurrentDictionary<string, Task<bool>> answers = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="LocalServerLacksException"/> when the plan needs an operation this server does not know.</summary>
    public async Task EnsureSupportsAsync(TablePlan plan, CancellationToken cancellationToken)
    {
        if (!isLoopback)
        {
            return;
        }

        foreach (var step in plan.Steps.Select(s => s is RegionalStep regional ? regional.Step : s))
        {
            var (operation, setting, probe) = step switch
            {
                UpdateTimeToLiveStep => ("UpdateTimeToLive", "TimeToLiveSpecification", (Func<Task>)(() => client.UpdateTimeToLiveAsync(
                    new UpdateTimeToLiveRequest { TableName = ProbeTable, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "ttl", Enabled = true } }, cancellationToken))),
                UpdateContinuousBackupsStep => ("UpdateContinuousBackups", "PointInTimeRecoverySpecification", () => client.DescribeContinuousBackupsAsync(
                    new DescribeContinuousBackupsRequest { TableName = ProbeTable }, cancellationToken)),
                UpdateContributorInsightsStep => ("UpdateContributorInsights", "ContributorInsightsSpecification", () => client.DescribeContributorInsightsAsync(
                    new DescribeContributorInsightsRequest { TableName = ProbeTable }, cancellationToken)),
                EnableKinesisStreamingStep or UpdateKinesisStreamingStep or DisableKinesisStreamingStep => ("EnableKinesisStreamingDestination", "KinesisStreamSpecification", () => client.DescribeKinesisStreamingDestinationAsync(
                    new DescribeKinesisStreamingDestinationRequest { TableName = ProbeTable }, cancellationToken)),
                PutResourcePolicyStep or DeleteResourcePolicyStep or StreamResourcePolicyStep => ("PutResourcePolicy", "ResourcePolicy", () => client.GetResourcePolicyAsync(
                    new GetResourcePolicyRequest { ResourceArn = $"arn:aws:dynamodb:{AwsDefaults.Region}:000000000000:table/{ProbeTable}" }, cancellationToken)),
                ReplicaStep replica => ("UpdateTable's ReplicaUpdates", "Replicas", () => ReplicaUpdatesAsync(replica, cancellationToken)),
                _ => (null, null, null),
            };
            if (operation is not null && !await answers.GetOrAdd(operation, _ => KnowsAsync(probe!)).ConfigureAwait(false))
            {
                throw new LocalServerLacksException(plan.TableName, $"does not know {operation}, which {setting} needs; nothing was changed", EndpointOf());
            }
        }
    }

    // Plain dynalite knows UpdateTable but ignores ReplicaUpdates: it answers that the request asks for no change. A server
    // that has them finds no such table.
    private async Task ReplicaUpdatesAsync(ReplicaStep replica, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateTableAsync(new UpdateTableRequest { TableName = ProbeTable, ReplicaUpdates = replica.Request.ReplicaUpdates }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == "ValidationException" && e.Message.StartsWith("At least one of", StringComparison.Ordinal))
        {
            throw new AmazonDynamoDBException(e.Message) { ErrorCode = Errors.UnknownOperation };
        }
    }

    /// <summary>
    /// After a CreateTable: the first setting the server dropped from the new table, if any (plain dynalite keeps no stream,
    /// SSE, table class, deletion protection or tags), which would read as drift and fail every later sync (dynalite's
    /// TagResource answers with a body its own checksum does not match, which the SDK retries for minutes).
    /// </summary>
    public async Task<string?> IgnoredAtCreateAsync(CreateTableRequest request, TableDescription created, CancellationToken cancellationToken)
    {
        if (!isLoopback)
        {
            return null;
        }

        var dropped = request.StreamSpecification?.StreamEnabled == true && created.StreamSpecification?.StreamEnabled != true ? "StreamSpecification"
            : request.SSESpecification?.Enabled == true && created.SSEDescription is null ? "SSESpecification"
            : request.TableClass is { } tableClass && tableClass != AwsDefaults.TableClass && created.TableClassSummary?.TableClass != tableClass ? "TableClass"
            : request.DeletionProtectionEnabled == true && created.DeletionProtectionEnabled != true ? "DeletionProtectionEnabled"
            : null;
        if (dropped is null && request.Tags is { Count: > 0 })
        {
            var tags = await client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = created.TableArn }, cancellationToken).ConfigureAwait(false);
            dropped = tags.Tags is { Count: > 0 } ? null : "Tags";
        }

        if (dropped is null && request.ResourcePolicy is not null
            && (await LiveTableReader.ResourcePolicyAsync(client, created.TableArn, cancellationToken).ConfigureAwait(false)).Policy is null)
        {
            dropped = "ResourcePolicy";
        }

        return dropped;
    }

    public string EndpointOf() => Errors.EndpointOf(client);

    private static async Task<bool> KnowsAsync(Func<Task> probe)
    {
        try
        {
            await probe().ConfigureAwait(false);
            return true;
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == Errors.UnknownOperation)
        {
            return false;
        }
        catch (AmazonDynamoDBException)
        {
            // ResourceNotFoundException, or any other answer: the operation is known.
            return true;
        }
    }
}

/// <summary>The local DynamoDB lacks what a table needs (DYN211); AWS's DynamoDB Local is offered too where it has it.</summary>
internal sealed class LocalServerLacksException(string table, string what, string endpoint, bool inDynamoDbLocal = true) : Exception(
    $"Table {table}: the DynamoDB at {endpoint} {what}. Plain dynalite lacks it; run the dynatus tool's local DynamoDB there " +
    $"(dotnet tool install --global Dynatus.Tool, then dynatus local){(inDynamoDbLocal ? ", or AWS's DynamoDB Local" : string.Empty)}.");
