using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Seeding;

/// <summary>One seed item, with where it and each of its attributes were written.</summary>
/// <param name="Attributes">The item.</param>
/// <param name="Location">Where the item starts.</param>
/// <param name="AttributeLocations">Where each attribute's value starts.</param>
/// <param name="Reported">A value of the item was refused (and reported): its other checks would only repeat that.</param>
internal sealed record SeedItem(Dictionary<string, AttributeValue> Attributes, SourceLocation Location, IReadOnlyDictionary<string, SourceLocation> AttributeLocations, bool Reported);

/// <summary>
/// Reads a seed file's items: plain JSON marshalled as the AWS SDK's document model does (string S, number N,
/// boolean BOOL, null NULL, array L, object M), or DynamoDB JSON. Every problem is reported at its line and column.
/// </summary>
internal sealed partial class SeedFileReader
{
    private readonly SeedSource source;
    private readonly byte[] bytes;
    private readonly List<int> lineStarts = [0];
    private readonly List<DefinitionProblem> problems;

    private SeedFileReader(SeedSource source, byte[] bytes, List<DefinitionProblem> problems)
    {
        (this.source, this.bytes, this.problems) = (source, bytes, problems);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public static List<SeedItem> Read(SeedSource source, List<DefinitionProblem> problems)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(source.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new DefinitionProblem(ProblemCodes.SeedSyntax, $"The seed file cannot be read: {e.Message}", new SourceLocation(source.Path, 1, 1)));
            return [];
        }

        var reader = new SeedFileReader(source, bytes, problems);
        return source.IsLines ? reader.ReadLines() : reader.ReadArray();
    }

    private List<SeedItem> ReadArray()
    {
        var items = new List<SeedItem>();
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = new Utf8JsonReader(bytes.AsSpan(start));
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                Problem(ProblemCodes.SeedNotItems, "A .json seed file is an array of items: [ { ... }, { ... } ].", start + json.TokenStartIndex);
                return items;
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (json.TokenType == JsonTokenType.StartObject)
                {
                    items.Add(ReadItem(ref json, start));
                }
                else
                {
                    Problem(ProblemCodes.SeedNotItems, "Each entry of the array must be an item (a JSON object).", start + json.TokenStartIndex);
                    json.Skip();
                }
            }

            if (json.Read())
            {
                Problem(ProblemCodes.SeedSyntax, "Invalid JSON: more follows the array of items.", start + json.TokenStartIndex);
            }
        }
        catch (JsonException e)
        {
            Syntax(e, (int)(e.LineNumber ?? 0), start);
        }

        return items;
    }

    private List<SeedItem> ReadLines()
    {
        var items = new List<SeedItem>();
        for (var line = 0; line < lineStarts.Count; line++)
        {
            var start = line == 0 && bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : lineStarts[line];
            var end = line + 1 < lineStarts.Count ? lineStarts[line + 1] : bytes.Length;
            var text = bytes.AsSpan(start, end - start).TrimEnd("\r\n"u8);
            if (text.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var json = new Utf8JsonReader(text);
            try
            {
                if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
                {
                    Problem(ProblemCodes.SeedNotItems, "Each line of a .jsonl seed file is one item (a JSON object).", start + json.TokenStartIndex);
                    continue;
                }

                items.Add(ReadItem(ref json, start));
                if (json.Read())
                {
                    Problem(ProblemCodes.SeedNotItems, "One item a line: more follows the item on this line.", start + json.TokenStartIndex);
                }
            }
            catch (JsonException e)
            {
                Syntax(e, line, start);
            }
        }

        return items;
    }

    private SeedItem ReadItem(ref Utf8JsonReader json, int offset)
    {
        var location = At(offset + json.TokenStartIndex);
        var reported = problems.Count;
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.GetString()!;
            var nameAt = offset + json.TokenStartIndex;
            json.Read();
            var valueAt = At(offset + json.TokenStartIndex);
            var value = source.IsDynamoDbJson ? Typed(ref json, offset) : Plain(ref json);
            if (attributes.ContainsKey(name))
            {
                Problem(ProblemCodes.SeedInvalidValue, $"The attribute '{name}' is written twice in this item.", nameAt);
            }
            else if (value is not null)
            {
                attributes[name] = value;
                locations[name] = valueAt;
            }
        }

        return new SeedItem(attributes, location, locations, problems.Count > reported);
    }

    // As the SDK's Document.FromJson: the number keeps the text it was written with.
    private static AttributeValue Plain(ref Utf8JsonReader json)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String: return new AttributeValue { S = json.GetString() };
            case JsonTokenType.Number: return new AttributeValue { N = Encoding.UTF8.GetString(json.ValueSpan) };
            case JsonTokenType.True or JsonTokenType.False: return new AttributeValue { BOOL = json.GetBoolean() };
            case JsonTokenType.Null: return new AttributeValue { NULL = true };
            case JsonTokenType.StartArray:
                var list = new List<AttributeValue>();
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Plain(ref json));
                }

                return new AttributeValue { L = list };
            default:
                var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    var name = json.GetString()!;
                    json.Read();
                    map[name] = Plain(ref json);
                }

                return new AttributeValue { M = map };
        }
    }

    private AttributeValue? Typed(ref Utf8JsonReader json, int offset)
    {
        var at = offset + json.TokenStartIndex;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            json.Skip();
            return Invalid<AttributeValue>(at, "A DynamoDB JSON value is an object with one type, such as {\"S\": \"text\"} or {\"N\": \"42\"}.");
        }

        var depth = json.CurrentDepth;
        if (!json.Read() || json.TokenType != JsonTokenType.PropertyName)
        {
            return Invalid<AttributeValue>(at, "A DynamoDB JSON value is an object with one type, such as {\"S\": \"text\"}; this one is empty.");
        }

        var type = json.GetString();
        json.Read();
        var value = type switch
        {
            "S" => Text(ref json, offset) is { } s ? new AttributeValue { S = s } : null,
            "N" => Number(ref json, offset) is { } n ? new AttributeValue { N = n } : null,
            "B" => Base64(ref json, offset) is { } b ? new AttributeValue { B = new MemoryStream(Convert.FromBase64String(b)) } : null,
            "BOOL" => json.TokenType is JsonTokenType.True or JsonTokenType.False ? new AttributeValue { BOOL = json.GetBoolean() } : Invalid<AttributeValue>(offset + json.TokenStartIndex, "BOOL takes true or false."),
            "NULL" => json.TokenType is JsonTokenType.True ? new AttributeValue { NULL = true } : Invalid<AttributeValue>(offset + json.TokenStartIndex, "NULL takes true."),
            "M" => Map(ref json, offset),
            "L" => List(ref json, offset),
            "SS" => Set(ref json, offset, Text) is { } ss ? new AttributeValue { SS = ss } : null,
            "NS" => Set(ref json, offset, Number) is { } ns ? new AttributeValue { NS = ns } : null,
            "BS" => Set(ref json, offset, Base64) is { } bs ? new AttributeValue { BS = bs.Select(b => new MemoryStream(Convert.FromBase64String(b))).ToList() } : null,
            _ => Invalid<AttributeValue>(at, $"Unknown DynamoDB JSON type '{type}': use S, N, B, BOOL, NULL, M, L, SS, NS or BS."),
        };
        if (value is null || type is not ("M" or "L" or "SS" or "NS" or "BS"))
        {
            json.Skip();
        }

        json.Read();
        if (json.TokenType == JsonTokenType.EndObject && json.CurrentDepth == depth)
        {
            return value;
        }

        while (json.CurrentDepth > depth || json.TokenType != JsonTokenType.EndObject)
        {
            json.Skip();
            json.Read();
        }

        return value is null ? null : Invalid<AttributeValue>(at, "A DynamoDB JSON value has exactly one type; this one has more.");
    }

    private AttributeValue? Map(ref Utf8JsonReader json, int offset)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            return Invalid<AttributeValue>(offset + json.TokenStartIndex, "M takes an object of DynamoDB JSON values.");
        }

        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var valid = true;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.GetString()!;
            json.Read();
            var value = Typed(ref json, offset);
            valid &= value is not null;
            map[name] = value!;
        }

        return valid ? new AttributeValue { M = map } : null;
    }

    private AttributeValue? List(ref Utf8JsonReader json, int offset)
    {
        if (json.TokenType != JsonTokenType.StartArray)
        {
            return Invalid<AttributeValue>(offset + json.TokenStartIndex, "L takes an array of DynamoDB JSON values.");
        }

        var list = new List<AttributeValue>();
        var valid = true;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var value = Typed(ref json, offset);
            valid &= value is not null;
            list.Add(value!);
        }

        return valid ? new AttributeValue { L = list } : null;
    }

    private delegate string? Member(ref Utf8JsonReader json, int offset);

    // Set members are read as their text (base64 for BS), which is also what DynamoDB compares for duplicates.
    private List<string>? Set(ref Utf8JsonReader json, int offset, Member member)
    {
        var at = offset + json.TokenStartIndex;
        if (json.TokenType != JsonTokenType.StartArray)
        {
            return Invalid<List<string>>(at, "A set takes an array.");
        }

        var members = new List<string>();
        var valid = true;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var memberAt = offset + json.TokenStartIndex;
            var value = member(ref json, offset);
            if (value is not null && members.Contains(value))
            {
                value = Invalid<string>(memberAt, "DynamoDB refuses a set that holds the same member twice.");
            }

            valid &= value is not null;
            members.Add(value!);
        }

        return !valid ? null
            : members.Count == 0 ? Invalid<List<string>>(at, "DynamoDB refuses an empty set; leave the attribute out instead.")
            : members;
    }

    private string? Text(ref Utf8JsonReader json, int offset) =>
        json.TokenType == JsonTokenType.String ? json.GetString() : Skipped<string>(ref json, offset, "Expected a string.");

    private string? Number(ref Utf8JsonReader json, int offset)
    {
        var text = json.TokenType switch
        {
            JsonTokenType.String => json.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(json.ValueSpan),
            _ => null,
        };
        return text is not null && NumberText().IsMatch(text)
            ? text
            : Skipped<string>(ref json, offset, $"Expected a number of at most 38 digits, written as a string (\"42\", \"-1.5E3\"), not {(text is null ? json.TokenType.ToString().ToLowerInvariant() : $"'{text}'")}.");
    }

    private string? Base64(ref Utf8JsonReader json, int offset) =>
        json.TokenType == JsonTokenType.String && json.TryGetBytesFromBase64(out _) ? json.GetString() : Skipped<string>(ref json, offset, "Binary values are base64 strings.");

    private T? Skipped<T>(ref Utf8JsonReader json, int offset, string message)
        where T : class
    {
        var at = offset + json.TokenStartIndex;
        json.Skip();
        return Invalid<T>(at, message);
    }

    private T? Invalid<T>(long at, string message)
        where T : class
    {
        Problem(ProblemCodes.SeedInvalidValue, message, at);
        return null;
    }

    private void Syntax(JsonException e, int line, int lineOffset)
    {
        // The reader's message ends with its own 0-based positions, which the location already gives.
        var message = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
        var start = source.IsLines ? lineOffset : lineStarts[Math.Min(line, lineStarts.Count - 1)] + (line == 0 ? lineOffset : 0);
        Problem(ProblemCodes.SeedSyntax, $"Invalid JSON: {message}", start + (e.BytePositionInLine ?? 0));
    }

    private void Problem(string code, string message, long offset) => problems.Add(new DefinitionProblem(code, message, At(offset)));

    private SourceLocation At(long offset)
    {
        var clamped = (int)Math.Min(offset, bytes.Length);
        var line = lineStarts.BinarySearch(clamped);
        line = line >= 0 ? line : ~line - 1;
        return new SourceLocation(source.Path, line + 1, Encoding.UTF8.GetCharCount(bytes.AsSpan(lineStarts[line], clamped - lineStarts[line])) + 1);
    }

    // DynamoDB numbers: up to 38 significant digits, checked by DynamoDB itself for the magnitude.
    [GeneratedRegex(@"^[+-]?(\d{1,38}(\.\d*)?|\.\d{1,38})([eE][+-]?\d{1,3})?$")]
    private static partial Regex NumberText();
}
