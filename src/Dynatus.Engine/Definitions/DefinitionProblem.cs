namespace Dynatus.Engine.Definitions;

/// <summary>A problem in a table definition, found before anything is sent to DynamoDB.</summary>
/// <param name="Code">A stable code, <c>DYN1xx</c>; see <see cref="ProblemCodes"/>.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
/// <param name="Location">Where in which file.</param>
public sealed record DefinitionProblem(string Code, string Message, SourceLocation Location)
{
    /// <summary>True for something a sync leaves alone and says so, which never stops it; false for an error.</summary>
    public bool IsWarning { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {(IsWarning ? "warning" : "error")} {Code}: {Message}";
}
