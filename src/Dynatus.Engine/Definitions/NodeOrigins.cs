using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions;

/// <summary>
/// Where the nodes a template's functions produced came from (a <c>!Sub</c>'s result, for one): YamlDotNet's nodes
/// made in code have no position of their own, and every problem must still point at the file.
/// </summary>
internal sealed class NodeOrigins
{
    private readonly Dictionary<YamlNode, SourceLocation> origins = new(ReferenceEqualityComparer.Instance);

    public T Made<T>(T node, SourceLocation from)
        where T : YamlNode
    {
        origins[node] = from;
        return node;
    }

    public SourceLocation? Find(YamlNode node) => origins.TryGetValue(node, out var at) ? at : null;
}
