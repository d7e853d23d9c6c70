namespace Dynatus.Engine.Definitions;

/// <summary>A table as a reader found it, before validation, with what the model keeps of where it came from.</summary>
/// <param name="Definition">The table's fields, in the CreateTable spelling.</param>
/// <param name="LogicalId">The template resource's logical id; null in a Dynatus table file.</param>
/// <param name="DeployedByCloudFormation">From a template not opted into the publish sync.</param>
internal sealed record DeclaredTable(TableDefinition Definition, string? LogicalId = null, bool DeployedByCloudFormation = false)
{
    /// <summary>No TableName: the logical id stands in, as no local mirror can match CloudFormation's generated name.</summary>
    public bool NamedByLogicalId { get; init; }

    /// <summary>Reading it already found a problem (a value of the wrong type): it never becomes a model.</summary>
    public bool HasReadProblems { get; init; }

    /// <summary>
    /// A field is a misspelling of a known one (BilingMode): its checks are skipped, since the field the typo hid would
    /// only add misleading errors (a billing mode read as PROVISIONED asking for throughput).
    /// </summary>
    public bool HasMisspelling { get; init; }
}
