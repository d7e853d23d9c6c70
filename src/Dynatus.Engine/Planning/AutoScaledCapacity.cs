namespace Dynatus.Engine.Planning;

/// <summary>A scalable target's bounds: Application Auto Scaling keeps the capacity between them.</summary>
internal sealed record CapacityRange(long Minimum, long Maximum)
{
    public bool Contains(long capacity) => capacity >= Minimum && capacity <= Maximum;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Minimum}-{Maximum}");
}

/// <summary>A table or a global secondary index in the words of Application Auto Scaling (namespace <c>dynamodb</c>).</summary>
/// <param name="ResourceId"><c>table/Name</c> or <c>table/Name/index/IndexName</c>.</param>
/// <param name="Kind"><c>table</c> or <c>index</c>, as in the scalable dimension <c>dynamodb:index:ReadCapacityUnits</c>.</param>
internal readonly record struct ScalableResource(string ResourceId, string Kind)
{
    public static ScalableResource Table(string table) => new($"table/{table}", "table");

    public static ScalableResource Index(string table, string index) => new($"table/{table}/index/{index}", "index");

    public string Dimension(bool read) => $"dynamodb:{Kind}:{(read ? "Read" : "Write")}CapacityUnits";
}

/// <summary>
/// What Application Auto Scaling says of a table's capacities: the scalable targets registered for the table and its
/// indexes, keyed by resource id and scalable dimension. A dimension with no target is not scaled.
/// </summary>
internal sealed class AutoScaledCapacity(IReadOnlyDictionary<(string ResourceId, string Dimension), CapacityRange> targets)
{
    public static readonly AutoScaledCapacity None = new(new Dictionary<(string, string), CapacityRange>());

    public CapacityRange? Range(ScalableResource resource, bool read) =>
        targets.TryGetValue((resource.ResourceId, resource.Dimension(read)), out var range) ? range : null;
}
