using Amazon.DynamoDBv2.Model;

namespace Dynatus.Engine.Planning;

/// <summary>Short renderings of DynamoDB shapes for the changes a plan lists.</summary>
internal static class Describe
{
    public static string Keys(IEnumerable<KeySchemaElement>? keys) =>
        "[" + string.Join(", ", (keys ?? []).Select(k => $"{k.AttributeName} {k.KeyType?.Value}")) + "]";

    public static string Throughput(long? read, long? write) => $"{read ?? 0} read / {write ?? 0} write";

    public static string OnOff(bool on) => on ? "on" : "off";

    public static string Projection(string? type, IEnumerable<string>? nonKeyAttributes) =>
        type == "INCLUDE" ? $"INCLUDE [{string.Join(", ", (nonKeyAttributes ?? []).Order(StringComparer.Ordinal))}]" : type ?? "ALL";

    public static string Tags(IEnumerable<KeyValuePair<string, string>> tags) => string.Join(" ", tags.Select(t => $"{t.Key}={t.Value}"));
}
