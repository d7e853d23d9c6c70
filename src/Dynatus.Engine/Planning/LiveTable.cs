using Amazon.DynamoDBv2.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// What DynamoDB says of an existing table. The extras are read only for tables whose definition declares
/// them (null otherwise), so that a table without TTL, PITR or tags costs one DescribeTable.
/// </summary>
/// <param name="Table">From DescribeTable.</param>
/// <param name="TimeToLive">From DescribeTimeToLive.</param>
/// <param name="PointInTimeRecovery">From DescribeContinuousBackups.</param>
/// <param name="Tags">From ListTagsOfResource.</param>
/// <param name="AutoScaling">From Application Auto Scaling's DescribeScalableTargets, asked only when a provisioned capacity differs.</param>
/// <param name="ContributorInsights">From DescribeContributorInsights: the table's under <see cref="TableInsights"/>, each index's under its name.</param>
/// <param name="ResourcePolicy">From GetResourcePolicy; its Policy is null when the table has none.</param>
/// <param name="KinesisDestinations">From DescribeKinesisStreamingDestination.</param>
/// <param name="StreamResourcePolicy">From GetResourcePolicy on the table's current stream.</param>
/// <param name="Replicas">Each ACTIVE replica's table in its own region, read as a table of its own, by region name.</param>
internal sealed record LiveTable(
    TableDescription Table,
    TimeToLiveDescription? TimeToLive = null,
    PointInTimeRecoveryDescription? PointInTimeRecovery = null,
    IReadOnlyList<Tag>? Tags = null,
    AutoScaledCapacity? AutoScaling = null,
    IReadOnlyDictionary<string, DescribeContributorInsightsResponse>? ContributorInsights = null,
    GetResourcePolicyResponse? ResourcePolicy = null,
    IReadOnlyList<KinesisDataStreamDestination>? KinesisDestinations = null,
    GetResourcePolicyResponse? StreamResourcePolicy = null,
    IReadOnlyDictionary<string, LiveTable>? Replicas = null)
{
    /// <summary>The key of the table's own contributor insights in <see cref="ContributorInsights"/>.</summary>
    public const string TableInsights = "";
}
