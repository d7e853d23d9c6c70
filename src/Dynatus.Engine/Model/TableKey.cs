using Amazon.DynamoDBv2;

namespace Dynatus.Engine.Model;

/// <summary>A key attribute and its type.</summary>
/// <param name="AttributeName">The attribute.</param>
/// <param name="AttributeType"><c>S</c>, <c>N</c> or <c>B</c>.</param>
public sealed record KeyElement(string AttributeName, ScalarAttributeType AttributeType);

/// <summary>
/// A table's or an index's key: its HASH (partition) attributes, then its RANGE (sort) attributes, in DynamoDB's order.
/// A table or a local index has one HASH attribute and at most one RANGE attribute; a global index may have up to
/// four of each, queried in this order.
/// </summary>
public sealed record TableKey
{
    /// <summary>A key of one HASH attribute.</summary>
    /// <param name="hash">The partition key.</param>
    public TableKey(KeyElement hash)
        : this([hash], [])
    {
    }

    /// <summary>A key of one HASH attribute and one RANGE attribute.</summary>
    /// <param name="hash">The partition key.</param>
    /// <param name="range">The sort key.</param>
    public TableKey(KeyElement hash, KeyElement range)
        : this([hash], [range])
    {
    }

    /// <summary>A key of several attributes (a global secondary index's).</summary>
    /// <param name="hashKeys">The partition key's attributes, at least one.</param>
    /// <param name="rangeKeys">The sort key's attributes, possibly none.</param>
    public TableKey(IReadOnlyList<KeyElement> hashKeys, IReadOnlyList<KeyElement> rangeKeys)
    {
        ArgumentOutOfRangeException.ThrowIfZero(hashKeys.Count, nameof(hashKeys));
        HashKeys = [.. hashKeys];
        RangeKeys = [.. rangeKeys];
    }

    /// <summary>The partition key's attributes, in order.</summary>
    public IReadOnlyList<KeyElement> HashKeys { get; }

    /// <summary>The sort key's attributes, in order; empty without a sort key.</summary>
    public IReadOnlyList<KeyElement> RangeKeys { get; }

    /// <summary>HASH attributes first, then RANGE attributes.</summary>
    public IEnumerable<KeyElement> Attributes => HashKeys.Concat(RangeKeys);

    /// <summary>Each attribute with its DynamoDB key type, as a KeySchema lists them.</summary>
    public IEnumerable<(KeyElement Attribute, string KeyType)> Schema =>
        HashKeys.Select(k => (k, "HASH")).Concat(RangeKeys.Select(k => (k, "RANGE")));

    /// <summary>True for a key of more than one HASH or RANGE attribute, which only a global secondary index can have.</summary>
    public bool IsMultiAttribute => HashKeys.Count > 1 || RangeKeys.Count > 1;

    /// <inheritdoc />
    public bool Equals(TableKey? other) =>
        other is not null && HashKeys.SequenceEqual(other.HashKeys) && RangeKeys.SequenceEqual(other.RangeKeys);

    /// <inheritdoc />
    public override int GetHashCode() => Attributes.Aggregate(0, HashCode.Combine);

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", Schema.Select(k => $"{k.Attribute.AttributeName} {k.KeyType}"))}]";
}
