using System.Text;
using Amazon.Runtime;

namespace Dynatus.Engine.Connecting;

/// <summary>
/// HTTP clients whose every connection takes a request and answers the description of one table: the warm-up's
/// (<see cref="ProcessWarmUp"/>), which runs the SDK and its HTTP stack without sending anything.
/// </summary>
internal sealed class AnsweredFromMemory : HttpClientFactory
{
    /// <summary>The one table it describes.</summary>
    public const string TableName = "dynatus-warm-up";

    private const string Description = $$$$"""
        {"Table":{"TableName":"{{{{TableName}}}}","TableStatus":"ACTIVE","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
        "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"}}}
        """;

    private static readonly byte[] Response = Encoding.ASCII.GetBytes(
        $"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nConnection: close\r\nContent-Length: {Description.Length}\r\n\r\n{Description}");

    // SocketsHttpHandler itself, as the SDK's client uses it, with its socket replaced.
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new SocketsHttpHandler { ConnectCallback = (_, _) => ValueTask.FromResult<Stream>(new Connection()) });

    // Never shared with, or taken for, a client that sends.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    private sealed class Connection : Stream
    {
        private readonly MemoryStream response = new(Response, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => response.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(response.Read(buffer.Span));

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
