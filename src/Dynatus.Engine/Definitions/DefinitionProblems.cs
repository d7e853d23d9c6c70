namespace Dynatus.Engine.Definitions;

/// <summary>What loading found: errors, which stop a sync before any request, and warnings, which never do.</summary>
internal sealed class DefinitionProblems
{
    /// <summary>The front end's words for the settings that advice names.</summary>
    public DefinitionSettingNames Names { get; init; } = DefinitionSettingNames.Engine;

    public List<DefinitionProblem> Errors { get; } = [];

    public List<DefinitionProblem> Warnings { get; } = [];

    /// <summary>Fields read as misspellings of known ones, so far: what the typo hid would only add misleading errors.</summary>
    public int Misspellings { get; private set; }

    public void Misspelling(string message, SourceLocation at)
    {
        Misspellings++;
        Error(ProblemCodes.UnknownField, message, at);
    }

    public void Error(string code, string message, SourceLocation at) => Errors.Add(new DefinitionProblem(code, message, at));

    public void Warning(string code, string message, SourceLocation at) => Warnings.Add(new DefinitionProblem(code, message, at) { IsWarning = true });
}
