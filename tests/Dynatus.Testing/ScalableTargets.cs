using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Dynatus.Testing;

/// <summary>
/// Application Auto Scaling's scalable targets (namespace dynamodb) at an endpoint, as
/// <c>aws application-autoscaling register-scalable-target</c> would ask: signed requests, JSON 1.1.
/// </summary>
public static class ScalableTargets
{
    /// <summary>Registers <paramref name="resourceId"/> (<c>table/Name</c> or <c>table/Name/index/Index</c>) for read or write capacity.</summary>
    public static Task<JsonElement> RegisterAsync(string endpoint, string resourceId, bool read, long? min, long? max) =>
        CallAsync(endpoint, "RegisterScalableTarget", new { ServiceNamespace = "dynamodb", ResourceId = resourceId, ScalableDimension = Dimension(resourceId, read), MinCapacity = min, MaxCapacity = max });

    public static Task<JsonElement> DeregisterAsync(string endpoint, string resourceId, bool read) =>
        CallAsync(endpoint, "DeregisterScalableTarget", new { ServiceNamespace = "dynamodb", ResourceId = resourceId, ScalableDimension = Dimension(resourceId, read) });

    /// <summary>The targets of these resources: <c>(ResourceId, ScalableDimension, MinCapacity, MaxCapacity)</c>.</summary>
    public static async Task<List<(string ResourceId, string Dimension, long Min, long Max)>> DescribeAsync(string endpoint, params string[] resourceIds)
    {
        var answer = await CallAsync(endpoint, "DescribeScalableTargets", new { ServiceNamespace = "dynamodb", ResourceIds = resourceIds });
        return [.. answer.GetProperty("ScalableTargets").EnumerateArray().Select(t => (
            t.GetProperty("ResourceId").GetString()!, t.GetProperty("ScalableDimension").GetString()!, t.GetProperty("MinCapacity").GetInt64(), t.GetProperty("MaxCapacity").GetInt64()))];
    }

    private static string Dimension(string resourceId, bool read) =>
        $"dynamodb:{(resourceId.Contains("/index/", StringComparison.Ordinal) ? "index" : "table")}:{(read ? "Read" : "Write")}CapacityUnits";

    private static readonly JsonSerializerOptions Request = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <exception cref="InvalidOperationException">The answer is an error: its message holds the error's body.</exception>
    private static async Task<JsonElement> CallAsync(string endpoint, string operation, object body)
    {
        using var http = new HttpClient(new SigV4SigningHandler(new BasicAWSCredentials("local", "local"), RegionEndpoint.USEast1, "application-autoscaling", new HttpClientHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(JsonSerializer.Serialize(body, Request)) };
        request.Headers.Add("X-Amz-Target", $"AnyScaleFrontendService.{operation}");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{operation} failed: {text}");
    }
}
