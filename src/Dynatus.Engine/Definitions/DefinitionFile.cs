using System.Buffers;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions;

/// <summary>Reads one file into YAML documents, turning every way it can fail into a located problem.</summary>
internal static class DefinitionFile
{
    // A table definition is a few KiB; anything near this is a mistake, not a table.
    private const int MaxBytes = 1024 * 1024;

    // Table definitions nest about six deep; the limit keeps hostile input from exhausting the stack.
    private const int MaxDepth = 32;

    public static IReadOnlyList<YamlDocument> Read(string file, List<DefinitionProblem> problems)
    {
        var text = ReadText(file, problems);
        if (text is null)
        {
            return [];
        }

        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(new StringReader(text)), MaxDepth);
        try
        {
            stream.Load(parser);
        }
        catch (DepthLimitedParser.TooDeepException e)
        {
            problems.Add(new DefinitionProblem(ProblemCodes.TooDeep, $"The YAML nests more than {MaxDepth} levels deep; a table definition needs about six.", At(file, e.Start)));
            return [];
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections, with no position of its own.
            problems.Add(new DefinitionProblem(ProblemCodes.YamlSyntax, "Invalid YAML: the document breaks off after this point (an unclosed [ or {?).", At(file, parser.LastGood)));
            return [];
        }
        catch (AnchorNotFoundException)
        {
            // YamlDotNet places this at the start of the file; the alias itself is more use.
            problems.Add(UnresolvedAlias(file, text));
            return [];
        }
        catch (YamlException e)
        {
            problems.Add(new DefinitionProblem(ProblemCodes.YamlSyntax, Describe(file, e), FirstTabIndent(file, text) ?? At(file, e.Start)));
            return [];
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a key written twice in one mapping this way, without a position.
            problems.Add(new DefinitionProblem(ProblemCodes.YamlSyntax, $"Invalid YAML: {e.Message}", new SourceLocation(file, 1, 1)));
            return [];
        }

        var documents = stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).ToList();
        if (documents.Count == 0)
        {
            problems.Add(new DefinitionProblem(ProblemCodes.EmptyFile, "The file holds no table definition. Remove it, or write a table in it.", new SourceLocation(file, 1, 1)));
        }

        return documents;
    }

    // YamlDotNet places a tab error at the start of the enclosing mapping; the tab itself is more use.
    private static SourceLocation? FirstTabIndent(string file, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return new SourceLocation(file, i + 1, tab + 1);
            }
        }

        return null;
    }

    private static DefinitionProblem UnresolvedAlias(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var here = new HashSet<string>(StringComparer.Ordinal);
        var before = new HashSet<string>(StringComparer.Ordinal);
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    before.UnionWith(here);
                    here.Clear();
                    break;
                case NodeEvent { Anchor.IsEmpty: false } node:
                    here.Add(node.Anchor.Value);
                    break;
                case AnchorAlias alias when !here.Contains(alias.Value.Value):
                    var message = before.Contains(alias.Value.Value)
                        ? $"Invalid YAML: the alias *{alias.Value.Value} refers to an anchor in an earlier document; anchors do not cross documents (---). Define the block in this document, for example under a top-level x- field."
                        : $"Invalid YAML: the alias *{alias.Value.Value} refers to no anchor &{alias.Value.Value} defined before it.";
                    return new DefinitionProblem(ProblemCodes.YamlSyntax, message, At(file, alias.Start));
            }
        }

        return new DefinitionProblem(ProblemCodes.YamlSyntax, "Invalid YAML: an alias refers to no anchor defined before it.", new SourceLocation(file, 1, 1));
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // A .json file (a CDK template) is read as the YAML it also is; its errors are named for what the user wrote.
    private static string Describe(string file, YamlException e)
    {
        var format = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "JSON" : "YAML";
        // YamlDotNet prefixes its message with the positions, which the location already gives.
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
        return message.Contains("tab as indentation", StringComparison.OrdinalIgnoreCase)
            ? $"Invalid {format}: {message} (YAML does not allow tabs for indentation: use spaces)"
            : $"Invalid {format}: {message}";
    }

    private static string? ReadText(string file, List<DefinitionProblem> problems)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length > MaxBytes)
            {
                problems.Add(new DefinitionProblem(ProblemCodes.UnreadableFile, $"The file is {info.Length / 1024} KiB; a table definition file may be at most {MaxBytes / 1024} KiB.", new SourceLocation(file, 1, 1)));
                return null;
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new DefinitionProblem(ProblemCodes.UnreadableFile, $"The file cannot be read: {e.Message}", new SourceLocation(file, 1, 1)));
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var before = chars.AsSpan(0, written);
                var line = before.Count('\n') + 1;
                var column = written - (before.LastIndexOf('\n') + 1) + 1;
                problems.Add(new DefinitionProblem(ProblemCodes.UnreadableFile, $"The file is not valid UTF-8 (byte 0x{bytes[read]:X2} at offset {read}). Save it as UTF-8.", new SourceLocation(file, line, column)));
                return null;
            }

            var text = new string(chars, 0, written);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
