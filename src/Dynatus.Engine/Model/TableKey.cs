namespace Dynatus.Engine.Model;

/// <summary>A key attribute and its type.</summary>
/// <param name="AttributeName">The attribute.</param>
/// <param name="AttributeType"><c>S</c>, <c>N</c> or <c>B</c>.</param>
public sealed record KeyElement(string AttributeName, string AttributeType);

/// <summary>A table's or an index's key: a HASH key and, optionally, a RANGE key.</summary>
/// <param name="Hash">The partition key.</param>
/// <param name="Range">The sort key, if any.</param>
public sealed record TableKey(KeyElement Hash, KeyElement? Range = null)
{
    /// <summary>HASH first, then RANGE.</summary>
    public IEnumerable<KeyElement> Attributes => Range is null ? [Hash] : [Hash, Range];

    /// <inheritdoc />
    public override string ToString() => $"[{Hash.AttributeName} HASH{(Range is null ? string.Empty : $", {Range.AttributeName} RANGE")}]";
}
