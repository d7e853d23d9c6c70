using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dynatus.Engine.Definitions;

/// <summary>
/// YamlDotNet's parser, stopped at a nesting depth no table definition needs, so that hostile input cannot exhaust the
/// stack of the representation model built from it; the file is parsed once, checked as it is read.
/// </summary>
internal sealed class DepthLimitedParser(IParser parser, int maxDepth) : IParser
{
    private int depth;

    public ParsingEvent? Current => parser.Current;

    /// <summary>Where the last event that parsed ended: YamlDotNet fails without a position on some unclosed flow collections.</summary>
    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!parser.MoveNext())
        {
            return false;
        }

        var current = parser.Current!;
        LastGood = current.End;
        depth += current switch
        {
            MappingStart or SequenceStart => 1,
            MappingEnd or SequenceEnd => -1,
            _ => 0,
        };
        return depth <= maxDepth ? true : throw new TooDeepException(current.Start);
    }

    /// <summary>The nesting went past the limit at <see cref="Start"/>.</summary>
    public sealed class TooDeepException(Mark start) : Exception("The YAML nests too deep.")
    {
        public Mark Start { get; } = start;
    }
}
