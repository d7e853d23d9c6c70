namespace Dynatus.Engine.Definitions.Templates;

/// <summary>Where in a table's properties a value sits: its field and the field holding that, no more is ever asked.</summary>
/// <param name="Parent">The field whose value holds this one.</param>
/// <param name="Field">The field this value belongs to.</param>
internal readonly record struct PropertyPath(string? Parent, string? Field)
{
    public PropertyPath Child(string? name) => new(Field, name);

    /// <summary>A KMS key id: the one property whose value cannot matter to a local mirror, so it may stay unknown.</summary>
    public bool IsKmsKey => Parent == "SSESpecification" && Field == "KMSMasterKeyId";
}
