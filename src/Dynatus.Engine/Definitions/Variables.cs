using System.Text.RegularExpressions;

namespace Dynatus.Engine.Definitions;

/// <summary>Replaces <c>${Name}</c> in scalar values; <c>$${</c> stands for a literal <c>${</c>.</summary>
internal static partial class Variables
{
    [GeneratedRegex(@"\$\$\{|\$\{([^}]*)\}")]
    private static partial Regex Reference();

    /// <summary>The environment's variables, with <paramref name="given"/> over them: the values both front ends read <c>${Name}</c> from.</summary>
    public static Dictionary<string, string> WithEnvironment(IEnumerable<KeyValuePair<string, string>> given)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            values[(string)variable.Key] = (string?)variable.Value ?? string.Empty;
        }

        foreach (var (name, value) in given)
        {
            values[name] = value;
        }

        return values;
    }

    /// <summary>The expanded text, or null with the problems of the variables that are not defined.</summary>
    public static string? Expand(string text, IReadOnlyDictionary<string, string> variables, SourceLocation at, DefinitionProblems problems)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var failed = false;
        var expanded = Reference().Replace(text, match =>
        {
            if (match.Value == "$${")
            {
                return "${";
            }

            var name = match.Groups[1].Value;
            if (variables.TryGetValue(name, out var value))
            {
                return value;
            }

            failed = true;
            problems.Error(
                ProblemCodes.UndefinedVariable,
                $"The variable '{name}' is not defined. Define it ({problems.Names.Variable(name)}, or an environment variable), or write $${{ for a literal '${{'.",
                at with { Column = at.Column + match.Index });
            return match.Value;
        });
        return failed ? null : expanded;
    }
}
