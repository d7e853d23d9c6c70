namespace Dynatus.Engine;

/// <summary>A place in a definition file: 1-based line and column, as compilers and IDEs report them.</summary>
/// <param name="File">The file's path as it was given to the loader.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}({Line},{Column})";
}
