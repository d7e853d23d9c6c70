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

    /// <summary>Application Auto Scaling of the provisioned read capacity; null: not managed.</summary>
    public CapacityAutoScaling? ReadAutoScaling { get; internal init; }

    /// <summary>Application Auto Scaling of the provisioned write capacity; null: not managed.</summary>
    public CapacityAutoScaling? WriteAutoScaling { get; internal init; }

    /// <summary>The auto scaling of one side: reads or writes.</summary>
    public CapacityAutoScaling? AutoScaling(bool read) => read ? ReadAutoScaling : WriteAutoScaling;
}

/// <summary>
/// A provisioned capacity scaled by Application Auto Scaling: a scalable target between two bounds, and a target
/// tracking policy on DynamoDB's utilization metric, as CloudFormation's global table declares them.
/// </summary>
/// <param name="MinCapacity">The lower bound, at least 1.</param>
/// <param name="MaxCapacity">The upper bound, at least the lower.</param>
/// <param name="TargetValue">The utilization, in percent, that the policy keeps the capacity at.</param>
public sealed record CapacityAutoScaling(long MinCapacity, long MaxCapacity, double TargetValue)
{
    /// <summary>Seconds after a scale-in before the next one; null: not managed.</summary>
    public int? ScaleInCooldown { get; internal init; }

    /// <summary>Seconds after a scale-out before the next one; null: not managed.</summary>
    public int? ScaleOutCooldown { get; internal init; }

    /// <summary>True: the policy only scales out; null: not managed (AWS's default is false).</summary>
    public bool? DisableScaleIn { get; internal init; }
}
