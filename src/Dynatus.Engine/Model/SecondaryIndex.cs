using Amazon.DynamoDBv2;

namespace Dynatus.Engine.Model;

/// <summary>A global or local secondary index: one shape for both; a local index has no throughput of its own. Made only by validation, like <see cref="Table"/>.</summary>
public sealed record SecondaryIndex
{
    internal SecondaryIndex(string indexName, TableKey keySchema, IndexProjection projection, Throughput throughput)
    {
        IndexName = indexName;
        KeySchema = keySchema;
        Projection = projection;
        Throughput = throughput;
    }

    /// <summary>The index name.</summary>
    public string IndexName { get; internal init; }

    /// <summary>The index key.</summary>
    public TableKey KeySchema { get; internal init; }

    /// <summary>What the index holds besides its keys.</summary>
    public IndexProjection Projection { get; internal init; }

    /// <summary>A global index's throughput; <see cref="Throughput.None"/> for a local one.</summary>
    public Throughput Throughput { get; internal init; }

    /// <summary>CloudWatch contributor insights on a global index; null: not managed.</summary>
    public ContributorInsightsSetting? ContributorInsightsSpecification { get; internal init; }
}

/// <summary>An index projection.</summary>
/// <param name="ProjectionType"><c>ALL</c>, <c>KEYS_ONLY</c> or <c>INCLUDE</c>.</param>
/// <param name="NonKeyAttributes">With INCLUDE, the other attributes; otherwise empty.</param>
public sealed record IndexProjection(ProjectionType ProjectionType, IReadOnlyList<string> NonKeyAttributes);
