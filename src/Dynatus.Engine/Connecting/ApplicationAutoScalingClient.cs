using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Dynatus.Engine.Connecting;

/// <summary>
/// Application Auto Scaling's JSON API (target prefix <c>AnyScaleFrontendService</c>, JSON 1.1), signed by AWSSDK.Core's
/// own SigV4 handler with the DynamoDB client's credentials and region. Not AWSSDK.ApplicationAutoScaling: the package
/// registry this project builds from does not serve it; Dynatus needs one read (DescribeScalableTargets) of it.
/// </summary>
internal sealed partial class ApplicationAutoScalingClient : IDisposable
{
    private const string SigningName = "application-autoscaling";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    // Member names as given (the API's PascalCase); an absent value is left out rather than sent as null.
    private static readonly JsonSerializerOptions RequestOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpClient http;

    /// <param name="credentials">The DynamoDB client's.</param>
    /// <param name="region">The region requests are signed for.</param>
    /// <param name="endpoint">Null: Application Auto Scaling's regional AWS endpoint.</param>
    public ApplicationAutoScalingClient(AWSCredentials credentials, string region, Uri? endpoint)
    {
        var regionEndpoint = RegionEndpoint.GetBySystemName(region);
        Endpoint = endpoint ?? new Uri($"https://{SigningName}.{region}.{regionEndpoint.PartitionDnsSuffix}/");
        http = new HttpClient(new SigV4SigningHandler(credentials, regionEndpoint, SigningName, new SocketsHttpHandler())) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where the requests go.</summary>
    public Uri Endpoint { get; }

    /// <summary>Sends one operation; an error answer is thrown as the <see cref="AmazonServiceException"/> AWS named.</summary>
    public async Task<JsonElement> CallAsync(string operation, object request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, RequestOptions)) };
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.Add("X-Amz-Target", $"AnyScaleFrontendService.{operation}");
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var answer = ParseOrNull(body);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(answer?.RootElement, body, response);
        }

        return answer?.RootElement.Clone() ?? throw new AmazonClientException($"Application Auto Scaling at {Endpoint} answered {operation} with a body that is not JSON.");
    }

    public void Dispose() => http.Dispose();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*<(\w+)")]
    private static partial System.Text.RegularExpressions.Regex XmlErrorName();

    private static JsonDocument? ParseOrNull(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The JSON protocols name the error in __type ("prefix#Name" or "Name"), with message or Message. A server that does
    // not speak them at all may answer with an XML element naming the error (dynalite: <UnknownOperationException/>).
    private static AmazonServiceException Error(JsonElement? answer, byte[] body, HttpResponseMessage response)
    {
        string? Text(string name) => answer is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var element = XmlErrorName().Match(System.Text.Encoding.UTF8.GetString(body));
        var type = Text("__type")?.Split('#')[^1] ?? (element.Success ? element.Groups[1].Value : $"HTTP{(int)response.StatusCode}");
        var text = Text("message") ?? Text("Message") ?? response.ReasonPhrase ?? string.Empty;
        var errorType = (int)response.StatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        return new AmazonServiceException(text, null, errorType, type, requestId, response.StatusCode == 0 ? HttpStatusCode.BadRequest : response.StatusCode);
    }
}
