using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions.Templates;

/// <summary>
/// One template's names and values: parameters (given, else their Default), pseudo parameters, Mappings, Conditions
/// and resources. Values are worked out only when a table property asks for them, so a parameter other resources use
/// needs no value.
/// </summary>
internal sealed partial class Template
{
    // The sample account id of AWS's documentation: a local mirror has no account, and a real one is never guessed.
    private const string AccountId = "123456789012";

    // Failed: a problem was reported, and whatever held the value is dropped without a second one.
    private static readonly YamlScalarNode Failed = new("(failed)");

    private readonly YamlMappingNode parameters;
    private readonly YamlMappingNode mappings;
    private readonly YamlMappingNode conditions;
    private readonly DefinitionSource source;
    private readonly string? prefix;
    private readonly string region;
    private readonly DefinitionProblems problems;
    private readonly Dictionary<string, bool?> conditionValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> conditionsUnderWay = new(StringComparer.Ordinal);
    private readonly HashSet<string> namesUnderWay = new(StringComparer.Ordinal);

    public Template(YamlMappingNode root, DefinitionSource source, string? prefix, string region, DefinitionProblems problems)
    {
        (this.source, this.prefix, this.region, this.problems) = (source, prefix, region, problems);
        parameters = Section(root, "Parameters");
        mappings = Section(root, "Mappings");
        conditions = Section(root, "Conditions");
        Resources = Section(root, "Resources");
        Globals = root.Field("Globals") is YamlMappingNode globals ? globals : new YamlMappingNode();
    }

    /// <summary>Where nodes made from function results came from.</summary>
    public NodeOrigins Origins { get; } = new();

    public YamlMappingNode Resources { get; }

    /// <summary>SAM's Globals section.</summary>
    public YamlMappingNode Globals { get; }

    public string File => source.Path;

    /// <summary>Marks the value <c>AWS::NoValue</c> stands for: the property holding it is removed.</summary>
    public static YamlScalarNode NoValue { get; } = new("AWS::NoValue");

    public SourceLocation At(YamlNode node) => node.At(File, Origins);

    /// <summary>The name the local mirror gives a table resource: its TableName, else its logical id; prefixes first.</summary>
    public string? TableNameOf(string logicalId, YamlMappingNode resource, SourceLocation at)
    {
        if (!namesUnderWay.Add(logicalId))
        {
            Error(ProblemCodes.KnownOnlyAtDeploy, $"The TableName of '{logicalId}' refers to itself through Ref.", at);
            return null;
        }

        try
        {
            var properties = resource.Field("Properties") as YamlMappingNode;
            var name = properties?.Field("TableName") is { } given ? Resolve(given, new PropertyPath(null, "TableName")) : null;
            return name switch
            {
                null => prefix + logicalId,
                YamlScalarNode { Value: { } text } when !ReferenceEquals(name, Failed) && !ReferenceEquals(name, NoValue) => prefix + text,
                _ when ReferenceEquals(name, NoValue) => prefix + logicalId,
                _ => null,
            };
        }
        finally
        {
            namesUnderWay.Remove(logicalId);
        }
    }

    private void Error(string code, string message, SourceLocation at) => problems.Error(code, message, at);

    private YamlMappingNode Section(YamlMappingNode root, string name)
    {
        switch (root.Field(name))
        {
            case null:
                return new YamlMappingNode();
            case YamlMappingNode section:
                return section;
            case var other:
                Error(ProblemCodes.InvalidTemplate, $"{name} must be a mapping of names to declarations.", At(other));
                return new YamlMappingNode();
        }
    }

    // A parameter's value: given for this template, else its Default. SSM parameter types are looked up at deploy:
    // their Default is the SSM parameter's name, not a value.
    private YamlNode? ParameterValue(string name, YamlMappingNode declaration, SourceLocation at, bool mayBeUnknown)
    {
        var type = declaration.Field("Type").Text() ?? "String";
        string? value = source.Parameters.TryGetValue(name, out var given) ? given : null;
        if (value is null && !type.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal))
        {
            value = declaration.Field("Default").Text();
        }

        if (value is null)
        {
            if (mayBeUnknown)
            {
                return null;
            }

            var why = type.StartsWith("AWS::SSM::", StringComparison.Ordinal) ? $" (its type {type} is read from SSM at deploy)" : " and has no Default";
            Error(ProblemCodes.ParameterWithoutValue, $"The parameter '{name}' is used by a table property but has no value{why}. Give it one: {problems.Names.ParameterOrVariable(name)}.", at);
            return Failed;
        }

        return type is "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
            ? Nodes.Sequence(Origins, at, value.Split(',').Select(v => Nodes.Scalar(Origins, at, v.Trim())))
            : Nodes.Scalar(Origins, at, value);
    }

    private YamlScalarNode? Pseudo(string name, SourceLocation at) => name switch
    {
        "AWS::StackName" => Nodes.Scalar(Origins, at, source.StackName ?? StackNameFromFile()),
        "AWS::Region" => Nodes.Scalar(Origins, at, region),
        "AWS::AccountId" => Nodes.Scalar(Origins, at, AccountId),
        "AWS::Partition" => Nodes.Scalar(Origins, at, region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws"),
        "AWS::URLSuffix" => Nodes.Scalar(Origins, at, region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com"),
        "AWS::NoValue" => NoValue,
        _ => null,
    };

    // cdk.out/MyStack.template.json and template.yaml: MyStack and template.
    private string StackNameFromFile()
    {
        var name = Path.GetFileName(File);
        var cut = name.IndexOf('.', StringComparison.Ordinal);
        return cut > 0 ? name[..cut] : name;
    }
}
