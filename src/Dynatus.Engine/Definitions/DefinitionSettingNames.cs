namespace Dynatus.Engine.Definitions;

/// <summary>
/// How the user of one front end sets what a definition problem asks for, so that its advice names a setting that
/// user has: MSBuild items and metadata, the tool's options, or the engine's own API.
/// </summary>
/// <param name="Variable">How to define a variable, given its name.</param>
/// <param name="TemplateParameter">How to give a template parameter a value, given its name (a variable serves too).</param>
/// <param name="SourcePrefix">How to give one of two sources its own table prefix.</param>
internal sealed record DefinitionSettingNames(Func<string, string> Variable, Func<string, string> TemplateParameter, string SourcePrefix)
{
    public static DefinitionSettingNames Engine { get; } = new(
        name => $"Variables[\"{name}\"] in the sync's options",
        name => $"Parameters[\"{name}\"] on the template's DefinitionSource",
        "Give one template's DefinitionSource a TablePrefix");

    public static DefinitionSettingNames MSBuild { get; } = new(
        name => $"a DynatusVariable item named {name}",
        name => $"Parameters metadata on the template's DynamoTable item (Parameters=\"{name}=value\")",
        "Give one template item TablePrefix metadata (for example <DynamoTable Include=\"...\" TablePrefix=\"orders-\" />)");

    // The tool gives every template its --var values as parameters: one option serves both.
    public static DefinitionSettingNames Tool { get; } = new(
        name => $"--var {name}=value",
        name => $"--var {name}=value",
        "Give one template its own prefix (--source-prefix template.yaml=orders-)");

    /// <summary>Both ways a template parameter gets a value, said once when they are the same.</summary>
    public string ParameterOrVariable(string name) =>
        TemplateParameter(name) == Variable(name) ? Variable(name) : $"{TemplateParameter(name)}, or {Variable(name)}";
}
