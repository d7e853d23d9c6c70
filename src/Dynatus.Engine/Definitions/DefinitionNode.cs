namespace Dynatus.Engine.Definitions;

/// <summary>A mapping in a definition file, remembering where it and each of its fields were written.</summary>
public abstract class DefinitionNode
{
    private readonly Dictionary<string, SourceLocation> fieldLocations = new(StringComparer.Ordinal);
    // Rarely needed (only a value that had a problem), so made on first use.
    private HashSet<string>? reportedFields;

    /// <summary>Where the mapping starts; null for a definition built in code.</summary>
    public SourceLocation? Location { get; internal set; }

    /// <summary>Where a field's value was written, else where the mapping starts.</summary>
    /// <param name="field">The field's name, as in the CreateTable request.</param>
    public SourceLocation? LocationOf(string field) =>
        fieldLocations.TryGetValue(field, out var location) ? location : Location;

    internal void SetFieldLocation(string field, SourceLocation location) => fieldLocations[field] = location;

    // A field whose value was already reported (wrong type, undefined variable) is not reported again as missing.
    internal void MarkReported(string field) => (reportedFields ??= new(StringComparer.Ordinal)).Add(field);

    internal bool WasReported(string field) => reportedFields?.Contains(field) == true;
}
