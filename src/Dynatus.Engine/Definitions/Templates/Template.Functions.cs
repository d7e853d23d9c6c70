using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions.Templates;

// Intrinsic functions, long (Fn::Sub) and short (!Sub) forms, evaluated as CloudFormation would at deploy.
internal sealed partial class Template
{
    private static readonly string[] DeployOnly = ["Fn::GetAtt", "Fn::ImportValue", "Fn::GetAZs", "Fn::Cidr", "Fn::Transform"];

    private static readonly string[] ConditionFunctions = ["Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition"];

    private static readonly string[] Known = ["Ref", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::FindInMap", "Fn::If", "Fn::Base64", .. DeployOnly, .. ConditionFunctions];

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>The node with every function replaced by its value: <see cref="NoValue"/> for AWS::NoValue, or a failed marker once reported.</summary>
    /// <param name="node">A property value.</param>
    /// <param name="path">Where the value sits: a KMS key may stay unknown.</param>
    public YamlNode Resolve(YamlNode node, PropertyPath path)
    {
        if (node is YamlScalarNode && node.Tag.IsEmpty)
        {
            // Most values of a template are plain: nothing to resolve.
            return node;
        }

        if (AsFunction(node, inCondition: false) is { } function)
        {
            return Call(function.Name, function.Argument, At(node), path);
        }

        return node switch
        {
            YamlMappingNode mapping => ResolveMapping(mapping, path),
            YamlSequenceNode sequence => ResolveSequence(sequence, path),
            _ => node,
        };
    }

    // A collection is copied only from its first entry that changed, so that a block with no function in it stays the node
    // it was, with its own place. A failed entry fails the whole, once every entry was resolved and its problems reported.
    private YamlNode ResolveMapping(YamlMappingNode mapping, PropertyPath path)
    {
        List<KeyValuePair<YamlNode, YamlNode>>? copy = null;
        var (seen, failed) = (0, false);
        foreach (var (key, value) in mapping.Children)
        {
            var name = key.Text();
            var resolved = NotSyncedProperties.Contains(name) ? value : Resolve(value, path.Child(name));
            failed |= HasFailed(resolved);
            copy ??= ReferenceEquals(resolved, value) ? null : [.. mapping.Children.Take(seen)];
            if (copy is not null && !ReferenceEquals(resolved, NoValue))
            {
                copy.Add(new(key, resolved));
            }

            seen++;
        }

        return failed ? Failed : copy is null ? mapping : Origins.Made(new YamlMappingNode(copy), At(mapping));
    }

    private YamlNode ResolveSequence(YamlSequenceNode sequence, PropertyPath path)
    {
        List<YamlNode>? copy = null;
        var (seen, failed) = (0, false);
        foreach (var item in sequence.Children)
        {
            var resolved = Resolve(item, path);
            failed |= HasFailed(resolved);
            copy ??= ReferenceEquals(resolved, item) ? null : [.. sequence.Children.Take(seen)];
            if (copy is not null && !ReferenceEquals(resolved, NoValue))
            {
                copy.Add(resolved);
            }

            seen++;
        }

        return failed ? Failed : copy is null ? sequence : Nodes.Sequence(Origins, At(sequence), copy);
    }

    public static bool HasFailed(YamlNode node) => ReferenceEquals(node, Failed);


    // !Name value, or a mapping whose one key is Ref or Fn::Name (and, inside Conditions, Condition).
    private (string Name, YamlNode Argument)? AsFunction(YamlNode node, bool inCondition)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value is ['!', _, ..] tag && !tag.StartsWith("!!", StringComparison.Ordinal))
        {
            var name = tag[1..] is "Ref" or "Condition" ? tag[1..] : "Fn::" + tag[1..];

            // The functions read their argument's value or items, which the tagged node holds as they are. Fn::Base64
            // alone resolves its argument whole, which must then lose the tag, or it would call Fn::Base64 again.
            YamlNode argument = name != "Fn::Base64" ? node : node switch
            {
                YamlScalarNode scalar => Nodes.Scalar(Origins, At(node), scalar.Value ?? string.Empty),
                YamlSequenceNode sequence => Nodes.Sequence(Origins, At(node), sequence.Children),
                YamlMappingNode mapping => Origins.Made(new YamlMappingNode(mapping.Children), At(node)),
                _ => node,
            };
            return (name, argument);
        }

        if (node is YamlMappingNode { Children.Count: 1 } call && call.Children.First() is var (key, value)
            && key.Text() is { } function && (function == "Ref" || function.StartsWith("Fn::", StringComparison.Ordinal) || (inCondition && function == "Condition")))
        {
            return (function, value);
        }

        return null;
    }

    private YamlNode Call(string name, YamlNode argument, SourceLocation at, PropertyPath path)
    {
        switch (name)
        {
            case "Ref":
                return argument.Text() is { } target ? Ref(target, at, path) : Invalid("Ref takes the name of a parameter or resource", at);
            case "Fn::Sub":
                return Sub(argument, at, path);
            case "Fn::Join":
                return Join(argument, at, path);
            case "Fn::Select":
                return Select(argument, at, path);
            case "Fn::Split":
                return Arguments(argument, 2, "[delimiter, string]", at) is [var delimiter, var text] && Scalars(at, path, delimiter, text) is [var by, var whole]
                    ? Nodes.Sequence(Origins, at, whole.Split(by).Select(part => Nodes.Scalar(Origins, at, part)))
                    : Failed;
            case "Fn::FindInMap":
                return FindInMap(argument, at, path);
            case "Fn::If":
                return Arguments(argument, 3, "[condition name, value if true, value if false]", at) is [var condition, var then, var otherwise]
                    ? condition.Text() is { } conditionName
                        ? IsTrue(conditionName, At(condition)) is { } holds ? Resolve(holds ? then : otherwise, path) : Failed
                        : Invalid("Fn::If names its condition with a string", At(condition))
                    : Failed;
            case "Fn::Base64":
                return Scalars(at, path, argument) is [var plain] ? Nodes.Scalar(Origins, at, Convert.ToBase64String(Encoding.UTF8.GetBytes(plain))) : Failed;
            case "Fn::GetAtt" when GetAttResource(argument) is { } resource && Resources.Field(resource) is null:
                // CloudFormation refuses the template: no deploy would give it a value.
                Error(ProblemCodes.UnresolvedName, $"Fn::GetAtt names '{resource}', which is no resource of this template.{Suggestions.DidYouMean(resource, Resources.Children.Keys.Select(k => k.Text()).OfType<string>())}", at);
                return Failed;
            case var deploy when DeployOnly.Contains(deploy):
                return KnownOnlyAtDeploy($"{deploy} {Describe(argument)}", at, path);
            case var conditionFunction when ConditionFunctions.Contains(conditionFunction):
                return Invalid($"{conditionFunction} belongs in the Conditions section (a property chooses with Fn::If)", at);
            default:
                Error(ProblemCodes.UnknownFunction, $"'{name}' is not an intrinsic function Dynatus knows.{Suggestions.DidYouMean(name, Known)} Known: {string.Join(", ", Known)}.", at);
                return Failed;
        }
    }

    // Fn::GetAtt's logical id: [Resource, Attribute], or "Resource.Attribute" in the short form's string.
    private static string? GetAttResource(YamlNode argument) => argument switch
    {
        YamlSequenceNode { Children: [var resource, ..] } => resource.Text(),
        YamlScalarNode { Value: { } dotted } => dotted.Split('.', 2)[0],
        _ => null,
    };

    private YamlNode Ref(string name, SourceLocation at, PropertyPath path)
    {
        if (Pseudo(name, at) is { } pseudo)
        {
            return pseudo;
        }

        if (name is "AWS::StackId" or "AWS::NotificationARNs")
        {
            return KnownOnlyAtDeploy($"Ref {name}", at, path);
        }

        if (parameters.Field(name) is YamlMappingNode declaration)
        {
            return ParameterValue(name, declaration, at, mayBeUnknown: path.IsKmsKey) ?? KnownOnlyAtDeploy($"the parameter '{name}' (no value, no Default)", at, path);
        }

        if (Resources.Field(name) is YamlMappingNode resource)
        {
            var type = resource.Field("Type").Text();
            return !ResourceTypes.IsTable(type)
                ? KnownOnlyAtDeploy($"Ref {name} (a {type})", at, path)
                : TableNameOf(name, resource, at) is { } tableName ? Nodes.Scalar(Origins, at, tableName) : Failed;
        }

        var names = parameters.Children.Keys.Concat(Resources.Children.Keys).Select(k => k.Text()).OfType<string>();
        Error(ProblemCodes.UnresolvedName, $"Ref names '{name}', which is no parameter, pseudo parameter or resource of this template.{Suggestions.DidYouMean(name, names)}", at);
        return Failed;
    }

    private YamlNode Sub(YamlNode argument, SourceLocation at, PropertyPath path)
    {
        var (text, variables) = argument switch
        {
            YamlScalarNode { Value: { } plain } => (plain, null),
            YamlSequenceNode { Children: [YamlScalarNode { Value: { } plain }, YamlMappingNode values] } => (plain, values),
            _ => (null, (YamlMappingNode?)null),
        };
        if (text is null)
        {
            return Invalid("Fn::Sub takes a string, or [string, { Name: value, ... }]", at);
        }

        YamlNode? failure = null;
        var replaced = Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (name.StartsWith('!'))
            {
                return "${" + name[1..] + "}";
            }

            var value = variables?.Field(name) is { } given ? Resolve(given, path)
                : name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("AWS::", StringComparison.Ordinal) ? KnownOnlyAtDeploy($"Fn::Sub ${{{name}}} (a Fn::GetAtt)", at, path)
                : Ref(name, at, path);
            if (value.Text() is { } valueText && !ReferenceEquals(value, NoValue) && !HasFailed(value))
            {
                return valueText;
            }

            failure = HasFailed(value) || ReferenceEquals(value, NoValue) ? value : Invalid($"Fn::Sub ${{{name}}} is a list, not a string", at);
            return match.Value;
        });
        return failure ?? Nodes.Scalar(Origins, at, replaced);
    }

    private YamlScalarNode Join(YamlNode argument, SourceLocation at, PropertyPath path)
    {
        if (Arguments(argument, 2, "[delimiter, [values]]", at) is not [var delimiter, var values] || Scalars(at, path, delimiter) is not [var by])
        {
            return Failed;
        }

        return List(values, at, path) is { } list && Scalars(at, path, [.. list]) is { } texts ? Nodes.Scalar(Origins, at, string.Join(by, texts)) : Failed;
    }

    private YamlNode Select(YamlNode argument, SourceLocation at, PropertyPath path)
    {
        if (Arguments(argument, 2, "[index, [values]]", at) is not [var index, var values] || Scalars(at, path, index) is not [var indexText] || List(values, at, path) is not { } list)
        {
            return Failed;
        }

        return int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count
            ? list[i]
            : Invalid($"Fn::Select index {indexText} is not an index of its {list.Count} value(s)", at);
    }

    private YamlNode FindInMap(YamlNode argument, SourceLocation at, PropertyPath path)
    {
        if (Arguments(argument, 3, "[MapName, TopLevelKey, SecondLevelKey]", at) is not [var map, var top, var second] || Scalars(at, path, map, top, second) is not [var mapName, var topKey, var secondKey])
        {
            return Failed;
        }

        var found = (mappings.Field(mapName) as YamlMappingNode)?.Field(topKey) is YamlMappingNode level ? level.Field(secondKey) : null;
        if (found is null)
        {
            Error(ProblemCodes.UnresolvedName, $"Fn::FindInMap: Mappings has no {mapName} > {topKey} > {secondKey}.", at);
            return Failed;
        }

        return Resolve(found, path);
    }

    // The value a function or list stands for, as a list.
    private List<YamlNode>? List(YamlNode node, SourceLocation at, PropertyPath path)
    {
        var resolved = Resolve(node, path);
        if (HasFailed(resolved))
        {
            return null;
        }

        if (resolved is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Invalid("a list is expected here", At(node));
        return null;
    }

    // The values of arguments that must be strings (numbers and booleans are written as strings too).
    private string[]? Scalars(SourceLocation at, PropertyPath path, params YamlNode[] nodes)
    {
        var texts = new string[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var value = Resolve(nodes[i], path);
            if (HasFailed(value))
            {
                return null;
            }

            if (value.Text() is not { } text || ReferenceEquals(value, NoValue))
            {
                Invalid("a string is expected here", At(nodes[i]));
                return null;
            }

            texts[i] = text;
        }

        return texts;
    }

    private IReadOnlyList<YamlNode>? Arguments(YamlNode argument, int count, string shape, SourceLocation at)
    {
        if (argument is YamlSequenceNode sequence && sequence.Children.Count == count)
        {
            return [.. sequence.Children];
        }

        Invalid($"this function takes {shape}", at);
        return null;
    }

    private YamlScalarNode Invalid(string what, SourceLocation at)
    {
        Error(ProblemCodes.InvalidFunctionArguments, $"Invalid intrinsic function: {what}.", at);
        return Failed;
    }

    // A value only a deployment has. A KMS key is the one property where it cannot matter to a local mirror.
    private YamlScalarNode KnownOnlyAtDeploy(string what, SourceLocation at, PropertyPath path)
    {
        if (path.IsKmsKey)
        {
            problems.Warning(ProblemCodes.KmsKeyUnknown, $"The KMS key ({what}) is known only when CloudFormation deploys the stack; the table is mirrored with SSE under the AWS managed key.", at);
            return NoValue;
        }

        Error(ProblemCodes.KnownOnlyAtDeploy, $"{what} has a value only when CloudFormation deploys the stack, and Dynatus needs this table property before that. Write the value, or a parameter with a value.", at);
        return Failed;
    }

    private static string Describe(YamlNode argument) => argument switch
    {
        YamlScalarNode { Value: { } text } => text,
        YamlSequenceNode sequence => string.Join(".", sequence.Children.Select(c => c.Text() ?? "...")),
        _ => "...",
    };
}
