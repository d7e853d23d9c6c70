using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalDynamoDb.Tests;

/// <summary>
/// AWS's JSON protocol as the SDKs speak it: a POST to the endpoint with the target Service.Operation and a JSON body.
/// Written by hand for DynamoDB Streams, because the .NET SDK's streams client (AWSSDK.DynamoDBStreams) is not served to
/// this machine, and for probing which operations a server knows; the local servers check that a request is signed,
/// not the signature.
/// </summary>
internal sealed class JsonProtocolClient(string endpoint, string service = "DynamoDBStreams_20120810") : IDisposable
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpClient http = new() { BaseAddress = new Uri(endpoint) };

    public async Task<JsonNode> CallAsync(string operation, object request)
    {
        var response = await SendAsync(operation, request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new JsonProtocolException(JsonNode.Parse(body)!["__type"]!.GetValue<string>(), body);
        }

        return JsonNode.Parse(body)!;
    }

    public async Task<JsonArray> RecordsAsync(string streamArn, string iteratorType = "TRIM_HORIZON", string? sequenceNumber = null)
    {
        var shard = (await CallAsync("DescribeStream", new { StreamArn = streamArn }))["StreamDescription"]!["Shards"]![0]!["ShardId"]!.GetValue<string>();
        var iterator = (await CallAsync("GetShardIterator", new { StreamArn = streamArn, ShardId = shard, ShardIteratorType = iteratorType, SequenceNumber = sequenceNumber }))["ShardIterator"]!.GetValue<string>();
        return (await CallAsync("GetRecords", new { ShardIterator = iterator }))["Records"]!.AsArray();
    }

    public async Task<HttpResponseMessage> SendAsync(string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(request, Options), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.TryAddWithoutValidation("X-Amz-Target", service + "." + operation);
        message.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261204/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        return await http.SendAsync(message);
    }

    public void Dispose() => http.Dispose();
}

internal sealed class JsonProtocolException(string type, string body) : Exception(body)
{
    public string Type { get; } = type;
}
