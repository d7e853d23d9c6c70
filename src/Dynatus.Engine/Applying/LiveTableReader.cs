using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Applying;

/// <summary>Reads a table's live state: one DescribeTable, plus the extras its definition declares.</summary>
internal static class LiveTableReader
{
    public static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    public static async Task<LiveTable?> ReadAsync(IAmazonDynamoDB client, RegionalClients regions, Table desired, TableDescription? table, CancellationToken cancellationToken)
    {
        if (table is null)
        {
            return null;
        }

        var live = await ReadAsync(client, desired, table, cancellationToken).ConfigureAwait(false);
        var replicas = new Dictionary<string, LiveTable>(StringComparer.Ordinal);
        foreach (var replica in (desired.Replicas ?? []).Where(r => r.HasRegionalSettings && IsActive(table, r.RegionName)))
        {
            var regional = regions.For(replica.RegionName);
            var inRegion = replica.InRegion(desired);
            if (await DescribeAsync(regional, desired.TableName, cancellationToken).ConfigureAwait(false) is { } description)
            {
                replicas[replica.RegionName] = await ReadAsync(regional, inRegion, description, cancellationToken).ConfigureAwait(false);
            }
        }

        return replicas.Count == 0 ? live : live with { Replicas = replicas };
    }

    // Only an ACTIVE replica is read in its region: one being made or removed is not yet, or no longer, a table to compare.
    private static bool IsActive(TableDescription table, string region) =>
        ReplicaChanges.Others(table).Any(r => r.RegionName == region && r.ReplicaStatus == ReplicaStatus.ACTIVE);

    private static async Task<LiveTable> ReadAsync(IAmazonDynamoDB client, Table desired, TableDescription table, CancellationToken cancellationToken)
    {
        var name = desired.TableName;
        var ttl = desired.TimeToLiveSpecification is null ? null
            : (await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = name }, cancellationToken).ConfigureAwait(false)).TimeToLiveDescription;
        var pitr = desired.PointInTimeRecoverySpecification is null ? null
            : (await client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = name }, cancellationToken).ConfigureAwait(false))
                .ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        var tags = desired.Tags is null ? null : await ListTagsAsync(client, table.TableArn, cancellationToken).ConfigureAwait(false);
        var liveIndexes = (table.GlobalSecondaryIndexes ?? []).Select(g => g.IndexName).ToHashSet(StringComparer.Ordinal);
        var declaredInsights = (desired.ContributorInsightsSpecification is null ? [] : new[] { LiveTable.TableInsights })
            .Concat((desired.GlobalSecondaryIndexes ?? []).Where(g => g.ContributorInsightsSpecification is not null && liveIndexes.Contains(g.IndexName)).Select(g => g.IndexName))
            .ToList();
        var insights = declaredInsights.Count == 0 ? null : await ContributorInsightsAsync(client, name, declaredInsights, cancellationToken).ConfigureAwait(false);
        var policy = desired.ResourcePolicy is null ? null : await ResourcePolicyAsync(client, table.TableArn, cancellationToken).ConfigureAwait(false);
        var kinesis = desired.KinesisStreamSpecification is null ? null : await KinesisDestinationsAsync(client, name, cancellationToken).ConfigureAwait(false);
        var streamPolicy = desired.StreamSpecification?.ResourcePolicy is null ? null : await StreamResourcePolicyAsync(client, table, cancellationToken).ConfigureAwait(false);
        return new LiveTable(table, ttl, pitr, tags, ContributorInsights: insights, ResourcePolicy: policy, KinesisDestinations: kinesis, StreamResourcePolicy: streamPolicy);
    }

    /// <summary>Everything an export writes: the table and all its extras, whatever a definition declares, and what each ACTIVE replica keeps for itself.</summary>
    public static async Task<LiveTable> ReadEverythingAsync(IAmazonDynamoDB client, RegionalClients regions, TableDescription table, CancellationToken cancellationToken)
    {
        var replicas = new Dictionary<string, LiveTable>(StringComparer.Ordinal);
        foreach (var replica in ReplicaChanges.Others(table).Where(r => r.ReplicaStatus == ReplicaStatus.ACTIVE))
        {
            var regional = regions.For(replica.RegionName);
            if (await DescribeAsync(regional, table.TableName, cancellationToken).ConfigureAwait(false) is { } description)
            {
                replicas[replica.RegionName] = await ReadRegionalAsync(regional, description, cancellationToken).ConfigureAwait(false);
            }
        }

        return await ReadEverythingAsync(client, table, cancellationToken).ConfigureAwait(false) with { Replicas = replicas.Count == 0 ? null : replicas };
    }

    // What a replica's region keeps for itself: its table's deletion protection (in the description), recovery, insights
    // (the table's and each index's), tags, resource policies (the table's and its stream's) and Kinesis destination.
    private static async Task<LiveTable> ReadRegionalAsync(IAmazonDynamoDB client, TableDescription table, CancellationToken cancellationToken)
    {
        var pitr = (await client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = table.TableName }, cancellationToken).ConfigureAwait(false))
            .ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        var insights = await ContributorInsightsAsync(client, table.TableName, InsightsKeys(table), cancellationToken).ConfigureAwait(false);
        var tags = await ListTagsAsync(client, table.TableArn, cancellationToken).ConfigureAwait(false);
        var policy = await ResourcePolicyAsync(client, table.TableArn, cancellationToken).ConfigureAwait(false);
        var kinesis = await KinesisDestinationsAsync(client, table.TableName, cancellationToken).ConfigureAwait(false);
        var streamPolicy = await StreamResourcePolicyAsync(client, table, cancellationToken).ConfigureAwait(false);
        return new LiveTable(table, PointInTimeRecovery: pitr, Tags: tags, ContributorInsights: insights, ResourcePolicy: policy, KinesisDestinations: kinesis, StreamResourcePolicy: streamPolicy);
    }

    // The table's insights and each global index's.
    private static List<string> InsightsKeys(TableDescription table) =>
        (table.GlobalSecondaryIndexes ?? []).Select(g => g.IndexName).Prepend(LiveTable.TableInsights).ToList();

    // What a region keeps for itself, then what the global table shares.
    private static async Task<LiveTable> ReadEverythingAsync(IAmazonDynamoDB client, TableDescription table, CancellationToken cancellationToken)
    {
        var regional = await ReadRegionalAsync(client, table, cancellationToken).ConfigureAwait(false);
        var ttl = (await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table.TableName }, cancellationToken).ConfigureAwait(false)).TimeToLiveDescription;
        return regional with { TimeToLive = ttl };
    }

    // The policy of the table's current stream; a table without a stream has none.
    private static async Task<GetResourcePolicyResponse?> StreamResourcePolicyAsync(IAmazonDynamoDB client, TableDescription table, CancellationToken cancellationToken) =>
        table.StreamSpecification?.StreamEnabled == true && table.LatestStreamArn is { } arn ? await ResourcePolicyAsync(client, arn, cancellationToken).ConfigureAwait(false) : null;

    // A local server without Kinesis destinations has none.
    private static async Task<List<KinesisDataStreamDestination>> KinesisDestinationsAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var described = await client.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return described.KinesisDataStreamDestinations ?? [];
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == Errors.UnknownOperation)
        {
            return [];
        }
    }

    /// <summary>The table's policy; no policy, and a local server without resource policies, read as an answer without one.</summary>
    public static async Task<GetResourcePolicyResponse> ResourcePolicyAsync(IAmazonDynamoDB client, string arn, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonDynamoDBException e) when (e is PolicyNotFoundException || e.ErrorCode == Errors.UnknownOperation)
        {
            return new GetResourcePolicyResponse();
        }
    }

    // A local server without contributor insights (AWS's DynamoDB Local, plain dynalite) has them off: null, as unknown.
    private static async Task<Dictionary<string, DescribeContributorInsightsResponse>?> ContributorInsightsAsync(
        IAmazonDynamoDB client, string tableName, List<string> indexes, CancellationToken cancellationToken)
    {
        var insights = new Dictionary<string, DescribeContributorInsightsResponse>(StringComparer.Ordinal);
        try
        {
            foreach (var index in indexes)
            {
                var request = new DescribeContributorInsightsRequest { TableName = tableName, IndexName = index.Length == 0 ? null : index };
                insights[index] = await client.DescribeContributorInsightsAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == Errors.UnknownOperation)
        {
            return null;
        }

        return insights;
    }

    private static async Task<List<Tag>> ListTagsAsync(IAmazonDynamoDB client, string arn, CancellationToken cancellationToken)
    {
        var tags = new List<Tag>();
        string? next = null;
        do
        {
            var page = await client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn, NextToken = next }, cancellationToken).ConfigureAwait(false);
            tags.AddRange(page.Tags ?? []);
            next = page.NextToken;
        }
        while (next is not null);
        return tags;
    }

    public static async Task<List<string>> ListTableNamesAsync(IAmazonDynamoDB client, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? start = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start }, cancellationToken).ConfigureAwait(false);
            names.AddRange(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);
        return names;
    }
}
