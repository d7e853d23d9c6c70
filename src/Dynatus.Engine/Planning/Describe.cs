using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>Short renderings of DynamoDB shapes for the changes a plan lists.</summary>
internal static class Describe
{
    // A side with no value is one the definition leaves alone (or AWS does not report): "unset", never a made-up 0.
    public static string Throughput(long? read, long? write) =>
        $"{read?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"} read / {write?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"} write";

    public static string OnOff(bool on) => on ? "on" : "off";

    public static string Projection(IndexProjection projection) =>
        projection.ProjectionType == ProjectionType.INCLUDE ? $"INCLUDE [{string.Join(", ", projection.NonKeyAttributes.Order(StringComparer.Ordinal))}]" : projection.ProjectionType.Value;

    public static string Tags(IEnumerable<KeyValuePair<string, string>> tags) => string.Join(" ", tags.Select(t => $"{t.Key}={t.Value}"));
}
