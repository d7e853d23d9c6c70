using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions;

/// <summary>
/// Binds YAML nodes to definition objects by the names of their properties, which are DynamoDB's own,
/// remembering where each value was written and reporting unknown fields and wrong types. Templates bind their
/// resolved properties here too: with no variables (<c>${}</c> belongs to <c>Fn::Sub</c> there), and with the places
/// of the nodes their functions produced.
/// </summary>
internal sealed partial class YamlBinder(string file, IReadOnlyDictionary<string, string>? variables, DefinitionProblems problems, NodeOrigins? origins = null)
{
    // CloudFormation properties that map to nothing Dynatus syncs, by the block they sit in: accepted, and said so.
    private static readonly Dictionary<Type, string[]> NotSynced = new()
    {
        [typeof(TableDefinition)] = NotSyncedProperties.Table,
    };

    // What a template's table leaves to CloudFormation besides (NotSyncedProperties.TemplateTable).
    private static readonly Dictionary<Type, string[]> NotSyncedInTemplates = new()
    {
        [typeof(TableDefinition)] = NotSyncedProperties.TemplateTable,
        [typeof(StreamSpecificationDefinition)] = NotSyncedProperties.TemplateStream,
    };

    // A template's table leaves a few more to CloudFormation (NotSyncedProperties.TemplateTable); origins mark a template.
    private bool IsNotSynced(Type type, string key) =>
        (NotSynced.TryGetValue(type, out var notSynced) && notSynced.Contains(key, StringComparer.Ordinal))
        || (origins is not null && NotSyncedInTemplates.TryGetValue(type, out var inTemplates) && inTemplates.Contains(key, StringComparer.Ordinal));

    public TableDefinition? BindTable(YamlNode root) => (TableDefinition?)BindObject(root, typeof(TableDefinition), "the table definition");

    private SourceLocation At(YamlNode node) => origins?.Find(node) ?? new(file, (int)node.Start.Line, (int)node.Start.Column);

    private void WrongType(YamlNode node, string what, string expected)
    {
        var found = node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode scalar => $"'{scalar.Value}'",
            _ => "something else",
        };
        problems.Error(ProblemCodes.WrongType, $"{what} must be {expected}, but is {found}.", At(node));
    }

    // A tag such as !Ref or !Sub is a CloudFormation function, which only a template gives a value to.
    private bool IsFunction(YamlNode node)
    {
        if (node.Tag.IsEmpty || node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) || node.Tag.Value == "!")
        {
            return false;
        }

        problems.Error(ProblemCodes.FunctionOutsideTemplate, $"{node.Tag.Value} is a CloudFormation function, which Dynatus reads only in templates (files whose top level has Resources). Write the value itself, or ${{Name}} for a variable ({problems.Names.Variable("Name")}).", At(node));
        return true;
    }

    private DefinitionNode? BindObject(YamlNode node, Type type, string what)
    {
        if (IsFunction(node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            WrongType(node, what, "a mapping of fields");
            return null;
        }

        var target = (DefinitionNode)Activator.CreateInstance(type)!;
        target.Location = At(mapping);
        var properties = PropertiesOf(type);
        foreach (var (keyNode, valueNode) in Fields(mapping))
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                WrongType(keyNode, $"A field name in {what}", "a plain name");
                continue;
            }

            if (type == typeof(TableDefinition) && key.StartsWith("x-", StringComparison.Ordinal))
            {
                // Top-level x- fields hold shared blocks (anchors), as in Compose and OpenAPI files.
                continue;
            }

            if (IsNotSynced(type, key))
            {
                NotSyncedProperties.Warn(problems, key, At(keyNode));
                continue;
            }

            if (!properties.TryGetValue(key, out var property))
            {
                var suggestion = Suggestions.ClosestTo(key, properties.Keys);
                if (suggestion is null)
                {
                    problems.Error(ProblemCodes.UnknownField, $"Unknown field '{key}' in {what}. Known fields: {string.Join(", ", properties.Keys)}.", At(keyNode));
                }
                else
                {
                    problems.Misspelling($"Unknown field '{key}' in {what}. Did you mean '{suggestion}'?", At(keyNode));
                }

                continue;
            }

            target.SetFieldLocation(key, At(valueNode));
            if (IsNull(valueNode))
            {
                continue;
            }

            var reported = problems.Errors.Count;
            property.SetValue(target, BindValue(valueNode, property.PropertyType, key));
            if (problems.Errors.Count > reported)
            {
                target.MarkReported(key);
            }
        }

        return target;
    }

    // A mapping's own fields, then those its merge keys (<<: *anchor, or a list of them) bring in that it does not
    // set itself; of two merged mappings, the first listed wins (YAML's merge key type).
    private IEnumerable<(YamlNode Key, YamlNode Value)> Fields(YamlMappingNode mapping)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<YamlMappingNode>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain })
            {
                merged.AddRange(MergedMappings(value));
                continue;
            }

            if (key is YamlScalarNode { Value: { } name })
            {
                own.Add(name);
            }

            yield return (key, value);
        }

        foreach (var source in merged)
        {
            foreach (var (key, value) in Fields(source))
            {
                if (key is not YamlScalarNode { Value: { } name } || own.Add(name))
                {
                    yield return (key, value);
                }
            }
        }
    }

    private List<YamlMappingNode> MergedMappings(YamlNode value)
    {
        var sources = value is YamlSequenceNode list ? list.Children.ToList() : [value];
        var mappings = sources.OfType<YamlMappingNode>().ToList();
        if (mappings.Count != sources.Count)
        {
            WrongType(value, "A merge key '<<'", "a mapping (usually an alias, *name) or a list of them");
        }

        return mappings;
    }

    private object? BindValue(YamlNode node, Type type, string what)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return BindList(node, type.GetGenericArguments()[0], what);
        }

        if (typeof(DefinitionNode).IsAssignableFrom(type))
        {
            return BindObject(node, type, what);
        }

        if (type == typeof(JsonNode))
        {
            return BindJson(node, what);
        }

        if (IsFunction(node))
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } raw })
        {
            WrongType(node, what, Expected(type));
            return null;
        }

        var text = variables is null ? raw : Variables.Expand(raw, variables, At(node), problems);
        if (text is null)
        {
            return null;
        }

        var value = ConvertScalar(text, Nullable.GetUnderlyingType(type) ?? type);
        if (value is null)
        {
            WrongType(node, what, Expected(type));
        }

        return value;
    }

    private object? BindList(YamlNode node, Type elementType, string what)
    {
        if (IsFunction(node))
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            WrongType(node, what, "a list");
            return null;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(ListTypes.GetOrAdd(elementType, e => typeof(List<>).MakeGenericType(e)))!;
        foreach (var item in sequence.Children)
        {
            var value = BindValue(item, elementType, $"An entry of {what}");
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static object? ConvertScalar(string text, Type type)
    {
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return text switch
            {
                "true" or "True" or "TRUE" => true,
                "false" or "False" or "FALSE" => false,
                _ => null,
            };
        }

        if (type == typeof(long))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) ? real : null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small) ? small : null;
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(long) || t == typeof(int) => "a whole number",
        var t when t == typeof(double) => "a number",
        _ => "a string",
    };

    // YAML's null: '~', 'null', or nothing after the colon. Quoted, it is a string.
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    // Reflection over the few definition types, once each rather than once a mapping (a 200-table file has thousands).
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Properties = new();

    private static readonly ConcurrentDictionary<Type, Type> ListTypes = new();

    private static Dictionary<string, PropertyInfo> PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
            .ToDictionary(p => p.Name, StringComparer.Ordinal));
}
