namespace Dynatus.Engine.Definitions;

/// <summary>
/// A file of table definitions: Dynatus YAML, or a CloudFormation, SAM or CDK template (a file whose top level has
/// <c>Resources</c>), with the settings of that file.
/// </summary>
/// <param name="Path">The <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file.</param>
public sealed record DefinitionSource(string Path)
{
    /// <summary>Prepended to the names of this file's tables, after the sync's own prefix.</summary>
    public string? TablePrefix { get; init; }

    /// <summary>A template's <c>AWS::StackName</c>; default: the file name without its extensions.</summary>
    public string? StackName { get; init; }

    /// <summary>A template's <c>AWS::Region</c>, and the replica of a global table to mirror; default: the sync's region.</summary>
    public string? Region { get; init; }

    /// <summary>Values of a template's parameters, by name; a parameter without one takes its <c>Default</c>.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>A template whose tables the publish sync syncs too, instead of leaving them to CloudFormation.</summary>
    public bool SyncOnPublish { get; init; }
}
