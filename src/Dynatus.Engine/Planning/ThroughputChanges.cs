using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>The values one throughput change sends; the others are null.</summary>
internal sealed record ThroughputUpdate(ProvisionedThroughput? Provisioned = null, OnDemandThroughput? OnDemand = null, WarmThroughput? Warm = null);

/// <summary>
/// A live table's or global index's capacities as DescribeTable shows them: auto scaling moves them, and a local server
/// may leave a side out, so they are compared as shown rather than through the table model.
/// </summary>
internal sealed record LiveCapacity(ProvisionedThroughputDescription? Provisioned, OnDemandThroughput? OnDemand, long? WarmRead, long? WarmWrite)
{
    public static LiveCapacity Of(TableDescription table) =>
        new(table.ProvisionedThroughput, table.OnDemandThroughput, table.WarmThroughput?.ReadUnitsPerSecond, table.WarmThroughput?.WriteUnitsPerSecond);

    public static LiveCapacity Of(GlobalSecondaryIndexDescription index) =>
        new(index.ProvisionedThroughput, index.OnDemandThroughput, index.WarmThroughput?.ReadUnitsPerSecond, index.WarmThroughput?.WriteUnitsPerSecond);
}

/// <summary>
/// Compares the throughput settings of a table or of a global secondary index, the same way for both:
/// provisioned throughput (leaving to Application Auto Scaling what it scales), maximum on-demand throughput,
/// warm throughput (which can only grow).
/// </summary>
internal static class ThroughputChanges
{
    /// <summary>Each difference, as its text (after <paramref name="label"/>) and what to send.</summary>
    /// <param name="label">What the text starts with: empty for the table, <c>GSI name </c> for an index.</param>
    /// <param name="resource">The table or index, as Application Auto Scaling names it.</param>
    /// <param name="desired">The definition's settings; null where it declares none.</param>
    /// <param name="live">The live table's or index's.</param>
    /// <param name="fromOnDemand">The table switches to PROVISIONED: the provisioned throughput is sent even if it looks the same.</param>
    /// <param name="plan">Takes the notes on scaled capacity, and the question to Application Auto Scaling while its answer is unknown.</param>
    /// <param name="scaling">What Application Auto Scaling said of the table; null when it was not asked.</param>
    public static List<(string Text, ThroughputUpdate Update)> Differences(
        string label,
        ScalableResource resource,
        Throughput desired,
        LiveCapacity live,
        bool fromOnDemand,
        UpdatePlan plan,
        AutoScaledCapacity? scaling)
    {
        var differences = new List<(string, ThroughputUpdate)>();
        if (desired.ProvisionedThroughput is { } throughput)
        {
            if (fromOnDemand)
            {
                differences.Add(($"{label}ProvisionedThroughput: on-demand -> {Describe.Throughput(throughput.ReadCapacityUnits, throughput.WriteCapacityUnits)}", new(Provisioned: Requests.Provisioned(throughput))));
            }
            else if (!Compare.SameThroughput(throughput, live.Provisioned))
            {
                differences.AddRange(ProvisionedDifference(label, resource, throughput, desired, live.Provisioned, plan, scaling));
            }
        }

        if (desired.OnDemandThroughput is { } onDemand && !Compare.SameOnDemand(onDemand, live.OnDemand))
        {
            var (read, write) = Compare.OnDemandLimits(live.OnDemand);
            var from = Describe.Throughput(read, write);
            differences.Add(($"{label}OnDemandThroughput: {from} -> {Describe.Throughput(onDemand.Read, onDemand.Write)}", new(OnDemand: Requests.OnDemand(onDemand))));
        }

        if (desired.WarmThroughput is { } warm && !Compare.WarmEnough(warm, live.WarmRead, live.WarmWrite))
        {
            differences.Add(($"{label}WarmThroughput: {Describe.Throughput(live.WarmRead, live.WarmWrite)} -> {Describe.Throughput(warm.Read, warm.Write)}", new(Warm: Requests.Warm(warm))));
        }

        return differences;
    }

    // A capacity that Application Auto Scaling scales, and that lies within its target's bounds, is where auto scaling
    // put it: in sync, whatever the definition says (setting it back on every sync would fight auto scaling all day).
    // Outside the bounds it is drift like any other. Bounds the definition declares are the ones this sync registers.
    // Until Application Auto Scaling has been asked (null), the difference stands and the plan carries the question.
    private static IEnumerable<(string, ThroughputUpdate)> ProvisionedDifference(
        string label, ScalableResource resource, ProvisionedCapacity desired, Throughput declared, ProvisionedThroughputDescription? live, UpdatePlan plan, AutoScaledCapacity? scaling)
    {
        if (scaling is null)
        {
            plan.AskAutoScaling(resource.ResourceId);
        }

        CapacityRange? Range(bool read) => declared.AutoScaling(read) is { } bounds ? new(bounds.MinCapacity, bounds.MaxCapacity) : scaling?.Range(resource, read);
        var (read, readNote) = Capacity("read", desired.ReadCapacityUnits, live?.ReadCapacityUnits ?? 0, Range(read: true));
        var (write, writeNote) = Capacity("write", desired.WriteCapacityUnits, live?.WriteCapacityUnits ?? 0, Range(read: false));
        foreach (var note in new[] { readNote, writeNote }.OfType<string>())
        {
            plan.Note($"{label}ProvisionedThroughput {note}");
        }

        if (read == (live?.ReadCapacityUnits ?? 0) && write == (live?.WriteCapacityUnits ?? 0))
        {
            return [];
        }

        var text = $"{label}ProvisionedThroughput: {Describe.Throughput(live?.ReadCapacityUnits, live?.WriteCapacityUnits)} -> {Describe.Throughput(read, write)}";
        return [(text, new ThroughputUpdate(Provisioned: new ProvisionedThroughput(read, write)))];
    }

    // The capacity to have, and what to say about auto scaling's part in it.
    private static (long Capacity, string? Note) Capacity(string side, long desired, long live, CapacityRange? range) => range switch
    {
        _ when desired == live => (desired, null),
        { } scaled when scaled.Contains(live) => (live, $"{side} {live}: managed by auto scaling ({scaled}); the definition's {desired} is left to it"),
        { } scaled => (desired, $"{side} {live}: outside auto scaling's {scaled}, set to the definition's {desired}"),
        null => (desired, null),
    };
}
