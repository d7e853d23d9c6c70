namespace Dynatus.Engine.Model;

/// <summary>Provisioned read and write capacity units.</summary>
/// <param name="ReadCapacityUnits">At least 1.</param>
/// <param name="WriteCapacityUnits">At least 1.</param>
public sealed record ProvisionedCapacity(long ReadCapacityUnits, long WriteCapacityUnits);

/// <summary>Read and write units: the maximum on-demand request units (-1: no limit), or warm units per second.</summary>
/// <param name="Read">Read units; null when not declared.</param>
/// <param name="Write">Write units; null when not declared.</param>
public sealed record Units(long? Read, long? Write);

/// <summary>The throughput settings a table and a global secondary index share.</summary>
/// <param name="ProvisionedThroughput">Set exactly when the table is provisioned.</param>
/// <param name="OnDemandThroughput">Maximum on-demand request units; null: not managed.</param>
/// <param name="WarmThroughput">Warm throughput, which can only grow; null: not managed.</param>
public sealed record Throughput(ProvisionedCapacity? ProvisionedThroughput, Units? OnDemandThroughput, Units? WarmThroughput)
{
    /// <summary>Nothing declared.</summary>
    public static Throughput None { get; } = new(null, null, null);
}
