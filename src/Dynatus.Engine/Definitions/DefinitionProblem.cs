namespace Dynatus.Engine.Definitions;

/// <summary>A problem in a table definition, found before anything is sent to DynamoDB.</summary>
/// <param name="Code">A stable code, <c>DYN1xx</c>; see <see cref="ProblemCodes"/>.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
/// <param name="Location">Where in which file.</param>
public sealed record DefinitionProblem(string Code, string Message, SourceLocation Location)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: error {Code}: {Message}";
}
