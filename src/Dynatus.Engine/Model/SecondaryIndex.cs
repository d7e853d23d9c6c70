namespace Dynatus.Engine.Model;

/// <summary>A global or local secondary index: one shape for both; a local index has no throughput of its own.</summary>
/// <param name="IndexName">The index name.</param>
/// <param name="KeySchema">The index key.</param>
/// <param name="Projection">What the index holds besides its keys.</param>
/// <param name="Throughput">A global index's throughput; <see cref="Throughput.None"/> for a local one.</param>
public sealed record SecondaryIndex(string IndexName, TableKey KeySchema, IndexProjection Projection, Throughput Throughput)
{
    /// <summary>CloudWatch contributor insights on a global index; null: not managed.</summary>
    public ContributorInsightsSetting? ContributorInsightsSpecification { get; init; }
}

/// <summary>An index projection.</summary>
/// <param name="ProjectionType"><c>ALL</c>, <c>KEYS_ONLY</c> or <c>INCLUDE</c>.</param>
/// <param name="NonKeyAttributes">With INCLUDE, the other attributes; otherwise empty.</param>
public sealed record IndexProjection(string ProjectionType, IReadOnlyList<string> NonKeyAttributes);
