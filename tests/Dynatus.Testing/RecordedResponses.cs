using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Dynatus.Testing;

/// <summary>
/// Tables as DynamoDB returned them, from the AWS CLI's example pages copied unmodified into tests/Recorded (see its
/// README): each example's output, read into the SDK's <see cref="TableDescription"/>. Fixtures nobody here wrote, so
/// that a planner and a fixture cannot share a wrong idea of what AWS returns.
/// </summary>
public static class RecordedResponses
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "Recorded");

    private static readonly JsonSerializerOptions Options = new() { Converters = { new ConstantConverter(), new TimestampConverter() } };

    /// <summary>The table each example of an AWS CLI example page returned, by the example's title (its bold line).</summary>
    public static IReadOnlyDictionary<string, TableDescription> Tables(string page) =>
        Outputs(page).ToDictionary(o => o.Key, o => (o.Value["TableDescription"] ?? o.Value["Table"])!.Deserialize<TableDescription>(Options)!, StringComparer.Ordinal);

    /// <summary>The response each example of an AWS CLI example page printed, as the SDK's response type.</summary>
    public static IReadOnlyDictionary<string, T> Responses<T>(string page) =>
        Outputs(page).ToDictionary(o => o.Key, o => o.Value.Deserialize<T>(Options)!, StringComparer.Ordinal);

    private static Dictionary<string, JsonNode> Outputs(string page)
    {
        var outputs = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        string? title = null;
        List<string>? output = null;
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, page)).Append("**"))
        {
            // The page's reStructuredText: a bold title line starts an example; "Output::" starts its indented JSON,
            // which the next unindented text ends.
            if (output is not null && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                outputs[title!] = JsonNode.Parse(string.Join('\n', output))!;
                output = null;
            }

            if (line.StartsWith("**", StringComparison.Ordinal))
            {
                title = line.Trim('*', ' ');
            }
            else if (line.TrimEnd() == "Output::")
            {
                output = [];
            }
            else
            {
                output?.Add(line);
            }
        }

        return outputs;
    }

    // The SDK's closed sets (TableStatus, KeyType, ...) are its constant classes, each with its FindValue.
    private sealed class ConstantConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeof(ConstantClass).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Constant<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class Constant<T> : JsonConverter<T>
        where T : ConstantClass
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (T)typeof(T).GetMethod("FindValue", [typeof(string)])!.Invoke(null, [reader.GetString()])!;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    // The CLI prints a timestamp as ISO 8601, or, in its older pages, as the API's epoch seconds.
    private sealed class TimestampConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)(reader.GetDouble() * 1000)).UtcDateTime
                : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture).UtcDateTime;

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
