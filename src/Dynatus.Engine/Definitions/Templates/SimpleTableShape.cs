using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions.Templates;

/// <summary>
/// SAM's <c>AWS::Serverless::SimpleTable</c> as the table it deploys: a HASH key from PrimaryKey (default <c>id</c>,
/// String), on-demand unless ProvisionedThroughput is given, Tags as a map.
/// </summary>
internal static class SimpleTableShape
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal) { ["String"] = "S", ["Number"] = "N", ["Binary"] = "B" };

    public static YamlNode ToTable(Template template, YamlMappingNode properties, DefinitionProblems problems)
    {
        var resolved = template.Resolve(properties, default);
        if (resolved is not YamlMappingNode simple)
        {
            return resolved;
        }

        var origins = template.Origins;
        var at = template.At(simple);
        var key = simple.Field("PrimaryKey") as YamlMappingNode;
        var keyAt = key is null ? at : template.At(key);
        var name = key?.Field("Name") ?? Nodes.Scalar(origins, keyAt, "id");
        var typeNode = key?.Field("Type") ?? Nodes.Scalar(origins, keyAt, "String");
        if (!Types.TryGetValue(typeNode.Text() ?? string.Empty, out var attributeType))
        {
            problems.Error(ProblemCodes.InvalidValue, $"PrimaryKey Type '{typeNode.Text()}' is not one of String, Number, Binary.", template.At(typeNode));
            return Template.NoValue;
        }

        var fields = new List<(string, YamlNode?)>
        {
            ("KeySchema", Nodes.Sequence(origins, keyAt, [Nodes.Mapping(origins, keyAt, [("AttributeName", name), ("KeyType", Nodes.Scalar(origins, keyAt, "HASH"))])])),
            ("AttributeDefinitions", Nodes.Sequence(origins, keyAt, [Nodes.Mapping(origins, keyAt, [("AttributeName", name), ("AttributeType", Nodes.Scalar(origins, template.At(typeNode), attributeType))])])),
            ("BillingMode", simple.Field("ProvisionedThroughput") is null ? Nodes.Scalar(origins, at, "PAY_PER_REQUEST") : null),
            ("Tags", simple.Field("Tags") is YamlMappingNode tags ? TagList(origins, template, tags) : simple.Field("Tags")),
        };
        fields.AddRange(simple.Children.Select(c => (c.Key.Text() ?? string.Empty, (YamlNode?)c.Value)).Where(c => c.Item1 is not ("PrimaryKey" or "Tags")));
        return Nodes.Mapping(origins, at, fields);
    }

    private static YamlSequenceNode TagList(NodeOrigins origins, Template template, YamlMappingNode tags) =>
        Nodes.Sequence(origins, template.At(tags), tags.Children.Select(t => (YamlNode)Nodes.Mapping(origins, template.At(t.Key), [("Key", t.Key), ("Value", t.Value)])));
}
