using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;

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

    public static bool SameProjection(ProjectionDefinition desired, Projection? live)
    {
        var liveType = live?.ProjectionType?.Value ?? "ALL";
        var liveAttributes = (live?.NonKeyAttributes ?? []).Order(StringComparer.Ordinal);
        return desired.ProjectionType == liveType
            && (desired.NonKeyAttributes ?? []).Order(StringComparer.Ordinal).SequenceEqual(liveAttributes);
    }

    public static string? DesiredType(TableDefinition desired, string attribute) =>
        desired.AttributeDefinitions?.FirstOrDefault(a => a.AttributeName == attribute)?.AttributeType;

    public static string? LiveType(TableDescription live, string attribute) =>
        live.AttributeDefinitions?.FirstOrDefault(a => a.AttributeName == attribute)?.AttributeType?.Value;

    public static string BillingMode(TableDescription live) =>
        live.BillingModeSummary?.BillingMode?.Value ?? Amazon.DynamoDBv2.BillingMode.PROVISIONED.Value;

    public static bool SameThroughput(ProvisionedThroughputDefinition desired, ProvisionedThroughputDescription? live) =>
        desired.ReadCapacityUnits == (live?.ReadCapacityUnits ?? 0) && desired.WriteCapacityUnits == (live?.WriteCapacityUnits ?? 0);

    // Absent on the live side means no limit, which AWS writes as -1.
    public static bool SameOnDemand(OnDemandThroughputDefinition desired, OnDemandThroughput? live) =>
        (desired.MaxReadRequestUnits is null || desired.MaxReadRequestUnits == (live?.MaxReadRequestUnits ?? -1))
        && (desired.MaxWriteRequestUnits is null || desired.MaxWriteRequestUnits == (live?.MaxWriteRequestUnits ?? -1));

    // Warm throughput only grows: a live value at or above the desired one satisfies it.
    public static bool WarmEnough(WarmThroughputDefinition desired, long? liveRead, long? liveWrite) =>
        (desired.ReadUnitsPerSecond ?? 0) <= (liveRead ?? 0) && (desired.WriteUnitsPerSecond ?? 0) <= (liveWrite ?? 0);

    public static bool IsOn(TimeToLiveStatus? status) => status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
}
