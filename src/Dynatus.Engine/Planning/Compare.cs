using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>Comparisons in normal form: order-free where DynamoDB's order means nothing, AWS defaults filled in.</summary>
internal static class Compare
{
    public static bool SameKeys(List<KeySchemaElement> desired, List<KeySchemaElement>? live)
    {
        static IEnumerable<string> Normal(IEnumerable<KeySchemaElement> keys) =>
            keys.OrderBy(k => k.KeyType?.Value == "RANGE").Select(k => $"{k.AttributeName}/{k.KeyType?.Value}");
        return Normal(desired).SequenceEqual(Normal(live ?? []));
    }

    public static bool SameProjection(IndexProjection desired, Projection? live)
    {
        var liveType = live?.ProjectionType ?? AwsDefaults.ProjectionType;
        var liveAttributes = (live?.NonKeyAttributes ?? []).Order(StringComparer.Ordinal);
        return desired.ProjectionType == liveType
            && desired.NonKeyAttributes.Order(StringComparer.Ordinal).SequenceEqual(liveAttributes);
    }

    public static ScalarAttributeType? LiveType(TableDescription live, string attribute) =>
        live.AttributeDefinitions?.FirstOrDefault(a => a.AttributeName == attribute)?.AttributeType;

    public static BillingMode BillingMode(TableDescription live) => live.BillingModeSummary?.BillingMode ?? AwsDefaults.BillingMode;

    /// <summary>A live table class, AWS's default when it shows none.</summary>
    public static TableClass TableClass(TableClassSummary? live) => live?.TableClass ?? AwsDefaults.TableClass;

    /// <summary>A live stream's view type; null when the stream is off.</summary>
    public static StreamViewType? StreamViewType(TableDescription live) =>
        live.StreamSpecification is { StreamEnabled: true } enabled ? enabled.StreamViewType : null;

    public static bool SameThroughput(ProvisionedCapacity desired, ProvisionedThroughputDescription? live) =>
        desired.ReadCapacityUnits == (live?.ReadCapacityUnits ?? 0) && desired.WriteCapacityUnits == (live?.WriteCapacityUnits ?? 0);

    public static bool SameOnDemand(Units desired, OnDemandThroughput? live) =>
        OnDemandLimits(live) is var (read, write) && (desired.Read is null || desired.Read == read) && (desired.Write is null || desired.Write == write);

    /// <summary>A live on-demand maximum, read and write: absent means no limit, which AWS writes as -1.</summary>
    public static (long Read, long Write) OnDemandLimits(OnDemandThroughput? live) =>
        (live?.MaxReadRequestUnits ?? AwsDefaults.NoOnDemandLimit, live?.MaxWriteRequestUnits ?? AwsDefaults.NoOnDemandLimit);

    // Warm throughput only grows: a live value at or above the desired one satisfies it.
    public static bool WarmEnough(Units desired, long? liveRead, long? liveWrite) =>
        (desired.Read ?? 0) <= (liveRead ?? 0) && (desired.Write ?? 0) <= (liveWrite ?? 0);

    public static bool IsOn(TimeToLiveStatus? status) => status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;

    // A change under way counts as made (ENABLING as on, DISABLING as off): the planner does not ask for it again, and an
    // export writes where it is going. Planner and exporter read these the same way.

    /// <summary>The mode of live contributor insights that are on (AWS's default when it shows none); null when off.</summary>
    public static ContributorInsightsMode? InsightsMode(DescribeContributorInsightsResponse? live) =>
        live?.ContributorInsightsStatus == ContributorInsightsStatus.ENABLED || live?.ContributorInsightsStatus == ContributorInsightsStatus.ENABLING
            ? live.ContributorInsightsMode ?? AwsDefaults.ContributorInsightsMode
            : null;

    /// <summary>The live Kinesis destinations the table streams to (ACTIVE, ENABLING or UPDATING).</summary>
    public static List<KinesisDataStreamDestination> Streaming(IEnumerable<KinesisDataStreamDestination>? live) =>
        (live ?? []).Where(d => d.DestinationStatus == DestinationStatus.ACTIVE || d.DestinationStatus == DestinationStatus.ENABLING || d.DestinationStatus == DestinationStatus.UPDATING).ToList();

    /// <summary>
    /// Whether a declared KMS key is the live one: DynamoDB reports the key's ARN, a definition may name it by id or ARN;
    /// an alias cannot be resolved without KMS, and a key not reported cannot be compared, so both are taken to match
    /// rather than reported as drift on every sync.
    /// </summary>
    public static bool SameKey(string wanted, string? liveArn) =>
        wanted.StartsWith("alias/", StringComparison.Ordinal) || wanted.Contains(":alias/", StringComparison.Ordinal)
        || liveArn is null || liveArn == wanted || liveArn.EndsWith("/" + wanted, StringComparison.Ordinal);

    /// <summary>A live destination's creation time precision, AWS's default when it shows none.</summary>
    public static ApproximateCreationDateTimePrecision Precision(KinesisDataStreamDestination live) => live.ApproximateCreationDateTimePrecision ?? AwsDefaults.KinesisCreationTimePrecision;
}
