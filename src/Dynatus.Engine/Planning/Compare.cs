using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>Comparisons in normal form: order-free where DynamoDB's order means nothing, AWS defaults filled in.</summary>
internal static class Compare
{
    /// <summary>The same attributes in the same roles and order; their types are compared on their own.</summary>
    public static bool SameKeys(TableKey desired, TableKey live)
    {
        static IEnumerable<string> Names(IEnumerable<KeyElement> keys) => keys.Select(k => k.AttributeName);
        return Names(desired.HashKeys).SequenceEqual(Names(live.HashKeys)) && Names(desired.RangeKeys).SequenceEqual(Names(live.RangeKeys));
    }

    public static bool SameProjection(IndexProjection desired, IndexProjection live) =>
        desired.ProjectionType == live.ProjectionType
            && desired.NonKeyAttributes.Order(StringComparer.Ordinal).SequenceEqual(live.NonKeyAttributes.Order(StringComparer.Ordinal));

    /// <summary>The type the live table's keys give an attribute; null when none of them has it.</summary>
    public static ScalarAttributeType? TypeOf(Table live, string attribute) =>
        live.AllKeys.SelectMany(k => k.Attributes).FirstOrDefault(a => a.AttributeName == attribute)?.AttributeType;

    /// <summary>A live table class, AWS's default when it shows none.</summary>
    public static TableClass TableClass(TableClassSummary? live) => live?.TableClass ?? AwsDefaults.TableClass;

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
