using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>The values one throughput change sends; the others are null.</summary>
internal sealed record ThroughputUpdate(ProvisionedThroughput? Provisioned = null, OnDemandThroughput? OnDemand = null, WarmThroughput? Warm = null);

/// <summary>
/// Compares the throughput settings of a table or of a global secondary index, the same way for both:
/// provisioned throughput, maximum on-demand throughput, warm throughput (which can only grow).
/// </summary>
internal static class ThroughputChanges
{
    /// <summary>Each difference, as its text (after <paramref name="label"/>) and what to send.</summary>
    /// <param name="label">What the text starts with: empty for the table, <c>GSI name </c> for an index.</param>
    /// <param name="desired">The definition's settings; null where it declares none.</param>
    /// <param name="live">The live table's or index's.</param>
    /// <param name="fromOnDemand">The table switches to PROVISIONED: the provisioned throughput is sent even if it looks the same.</param>
    public static IEnumerable<(string Text, ThroughputUpdate Update)> Differences(
        string label,
        Throughput desired,
        (ProvisionedThroughputDescription? Provisioned, OnDemandThroughput? OnDemand, long? WarmRead, long? WarmWrite) live,
        bool fromOnDemand)
    {
        if (desired.ProvisionedThroughput is { } throughput && (fromOnDemand || !Compare.SameThroughput(throughput, live.Provisioned)))
        {
            var from = fromOnDemand ? "on-demand" : Describe.Throughput(live.Provisioned?.ReadCapacityUnits, live.Provisioned?.WriteCapacityUnits);
            yield return ($"{label}ProvisionedThroughput: {from} -> {Describe.Throughput(throughput.ReadCapacityUnits, throughput.WriteCapacityUnits)}", new(Provisioned: Requests.Provisioned(throughput)));
        }

        if (desired.OnDemandThroughput is { } onDemand && !Compare.SameOnDemand(onDemand, live.OnDemand))
        {
            // Absent on the live side means no limit, which AWS writes as -1.
            var from = Describe.Throughput(live.OnDemand?.MaxReadRequestUnits ?? -1, live.OnDemand?.MaxWriteRequestUnits ?? -1);
            yield return ($"{label}OnDemandThroughput: {from} -> {Describe.Throughput(onDemand.Read, onDemand.Write)}", new(OnDemand: Requests.OnDemand(onDemand)));
        }

        if (desired.WarmThroughput is { } warm && !Compare.WarmEnough(warm, live.WarmRead, live.WarmWrite))
        {
            yield return ($"{label}WarmThroughput: {Describe.Throughput(live.WarmRead, live.WarmWrite)} -> {Describe.Throughput(warm.Read, warm.Write)}", new(Warm: Requests.Warm(warm)));
        }
    }
}
