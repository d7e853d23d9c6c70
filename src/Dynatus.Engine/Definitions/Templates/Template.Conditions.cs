using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions.Templates;

// The Conditions section: Fn::Equals, Fn::And, Fn::Or, Fn::Not and Condition, each condition worked out once.
internal sealed partial class Template
{
    private readonly List<string> conditionChain = [];

    /// <summary>A condition's value; null once a problem with it was reported.</summary>
    public bool? IsTrue(string name, SourceLocation at)
    {
        if (conditionValues.TryGetValue(name, out var known))
        {
            return known;
        }

        if (conditions.Field(name) is not { } declaration)
        {
            Error(ProblemCodes.UnresolvedName, $"There is no condition named '{name}' in Conditions.{Suggestions.DidYouMean(name, conditions.Children.Keys.Select(k => k.Text()).OfType<string>())}", at);
            return conditionValues[name] = null;
        }

        if (!conditionsUnderWay.Add(name))
        {
            Error(ProblemCodes.ConditionCycle, $"The condition '{name}' depends on itself: {string.Join(" -> ", conditionChain.SkipWhile(c => c != name))} -> {name}.", at);
            return null;
        }

        conditionChain.Add(name);
        try
        {
            return conditionValues[name] = Evaluate(declaration);
        }
        finally
        {
            conditionsUnderWay.Remove(name);
            conditionChain.RemoveAt(conditionChain.Count - 1);
        }
    }

    private bool? Evaluate(YamlNode node)
    {
        var at = At(node);
        var function = AsFunction(node, inCondition: true);
        switch (function?.Name)
        {
            case "Fn::Equals":
                if (Arguments(function.Value.Argument, 2, "[value, value]", at) is not [var left, var right])
                {
                    return null;
                }

                var (a, b) = (Resolve(left, default), Resolve(right, default));
                return HasFailed(a) || HasFailed(b) ? null : Text(a) == Text(b);
            case "Fn::And" or "Fn::Or":
                if (function.Value.Argument is not YamlSequenceNode { Children.Count: >= 1 } operands)
                {
                    Invalid($"{function.Value.Name} takes a list of conditions", at);
                    return null;
                }

                var values = operands.Children.Select(Evaluate).ToList();
                return values.Any(v => v is null) ? null : function.Value.Name == "Fn::And" ? values.All(v => v == true) : values.Any(v => v == true);
            case "Fn::Not":
                return Arguments(function.Value.Argument, 1, "[condition]", at) is [var operand] ? !Evaluate(operand) : null;
            case "Condition":
                return function.Value.Argument.Text() is { } name ? IsTrue(name, at) : null;
            default:
                Invalid("a condition is Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition", at);
                return null;
        }
    }

    // Fn::Equals compares values as strings; a list, as its items joined.
    private static string Text(YamlNode node) => node switch
    {
        YamlSequenceNode list => string.Join(",", list.Children.Select(Text)),
        _ => node.Text() ?? string.Empty,
    };
}
