using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions.Templates;

/// <summary>Reading and making YAML nodes the way template code needs them: fields by name, new nodes with a place.</summary>
internal static class Nodes
{
    public static YamlNode? Field(this YamlMappingNode mapping, string name) =>
        mapping.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;

    public static YamlNode? Key(this YamlMappingNode mapping, string name) =>
        mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } key } && key == name);

    public static string? Text(this YamlNode? node) => node is YamlScalarNode { Value: { } text } ? text : null;

    public static SourceLocation At(this YamlNode node, string file, NodeOrigins origins) =>
        origins.Find(node) ?? new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);

    public static YamlMappingNode Mapping(NodeOrigins origins, SourceLocation at, IEnumerable<(string Key, YamlNode? Value)> fields)
    {
        var mapping = origins.Made(new YamlMappingNode(), at);
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
        {
            mapping.Add(origins.Made(new YamlScalarNode(key), at), value!);
        }

        return mapping;
    }

    public static YamlScalarNode Scalar(NodeOrigins origins, SourceLocation at, string value) => origins.Made(new YamlScalarNode(value), at);

    public static YamlSequenceNode Sequence(NodeOrigins origins, SourceLocation at, IEnumerable<YamlNode> items) => origins.Made(new YamlSequenceNode(items), at);
}
