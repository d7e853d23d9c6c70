using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>A scalable target's bounds: Application Auto Scaling keeps the capacity between them.</summary>
internal sealed record CapacityRange(long Minimum, long Maximum)
{
    public bool Contains(long capacity) => capacity >= Minimum && capacity <= Maximum;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Minimum}-{Maximum}");
}

/// <summary>A target tracking policy on a scalable target, as DescribeScalingPolicies shows it.</summary>
/// <param name="PolicyName">Its name, which a change keeps.</param>
/// <param name="TargetValue">The utilization it keeps, in percent.</param>
/// <param name="ScaleInCooldown">Seconds; null: AWS's default.</param>
/// <param name="ScaleOutCooldown">Seconds; null: AWS's default.</param>
/// <param name="DisableScaleIn">True: it only scales out.</param>
internal sealed record TargetTrackingPolicy(string PolicyName, double TargetValue, int? ScaleInCooldown, int? ScaleOutCooldown, bool DisableScaleIn);

/// <summary>A table or a global secondary index in the words of Application Auto Scaling (namespace <c>dynamodb</c>).</summary>
/// <param name="ResourceId"><c>table/Name</c> or <c>table/Name/index/IndexName</c>.</param>
/// <param name="Kind"><c>table</c> or <c>index</c>, as in the scalable dimension <c>dynamodb:index:ReadCapacityUnits</c>.</param>
internal readonly record struct ScalableResource(string ResourceId, string Kind)
{
    public static ScalableResource Table(string table) => new($"table/{table}", "table");

    public static ScalableResource Index(string table, string index) => new($"table/{table}/index/{index}", "index");

    /// <summary>The table, then each of the global secondary indexes named: what may scale of a table.</summary>
    public static IEnumerable<ScalableResource> Of(string table, IEnumerable<string> indexes) =>
        indexes.Select(i => Index(table, i)).Prepend(Table(table));

    public string Dimension(bool read) => $"dynamodb:{Kind}:{(read ? "Read" : "Write")}CapacityUnits";

    /// <summary>DynamoDB's utilization metric of the dimension, which a target tracking policy follows.</summary>
    public static string Metric(bool read) => $"DynamoDB{(read ? "Read" : "Write")}CapacityUtilization";
}

/// <summary>
/// What Application Auto Scaling says of a table's capacities: the scalable targets registered for the table and its
/// indexes, keyed by resource id and scalable dimension, and, where asked, their target tracking policies. A dimension
/// with no target is not scaled.
/// </summary>
internal sealed class AutoScaledCapacity(
    IReadOnlyDictionary<(string ResourceId, string Dimension), CapacityRange> targets,
    IReadOnlyDictionary<(string ResourceId, string Dimension), TargetTrackingPolicy>? policies = null)
{
    public static readonly AutoScaledCapacity None = new(new Dictionary<(string, string), CapacityRange>());

    public CapacityRange? Range(ScalableResource resource, bool read) =>
        targets.TryGetValue((resource.ResourceId, resource.Dimension(read)), out var range) ? range : null;

    public TargetTrackingPolicy? Policy(ScalableResource resource, bool read) =>
        policies is not null && policies.TryGetValue((resource.ResourceId, resource.Dimension(read)), out var policy) ? policy : null;

    /// <summary>The dimension's target and policy as the model holds auto scaling (AWS's default left out); null without both.</summary>
    public CapacityAutoScaling? Setting(ScalableResource resource, bool read) =>
        (Range(resource, read), Policy(resource, read)) is ({ } range, { } policy)
            ? new CapacityAutoScaling(range.Minimum, range.Maximum, policy.TargetValue)
            {
                ScaleInCooldown = policy.ScaleInCooldown,
                ScaleOutCooldown = policy.ScaleOutCooldown,
                DisableScaleIn = policy.DisableScaleIn == AwsDefaults.DisableScaleIn ? null : policy.DisableScaleIn,
            }
            : null;
}
