using YamlDotNet.Core;
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

    // A node made in code starts at Mark.Empty, as only a file's very first node also does: any other node was read from
    // the file, and is never looked up. (The first hash of an object is costly, and a template has thousands of nodes.)
    public SourceLocation? Find(YamlNode node) =>
        node.Start.Equals(Mark.Empty) && origins.TryGetValue(node, out var at) ? at : null;
}
