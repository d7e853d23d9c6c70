namespace Dynatus.Engine.Model;

/// <summary>Where a table was declared.</summary>
/// <param name="Location">The table's name (or its resource) in its file; null for a table built in code.</param>
public sealed record TableOrigin(SourceLocation? Location)
{
    /// <summary>A table built in code.</summary>
    public static TableOrigin Code { get; } = new((SourceLocation?)null);

    /// <summary>The resource's logical id, for a table read from a template.</summary>
    public string? LogicalId { get; init; }

    /// <summary>
    /// True for a table from a template not opted into the publish sync: CloudFormation deploys it to AWS, so a sync
    /// that leaves such tables alone (the publish sync) does not touch it.
    /// </summary>
    public bool DeployedByCloudFormation { get; init; }
}
