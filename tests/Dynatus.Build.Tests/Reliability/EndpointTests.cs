using Dynatus.Engine.Connecting;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reliability;

[TestClass]
public sealed class EndpointTests
{
    [TestMethod]
    [DataRow("http://dynamodb.invalid:8000", "error DYN003: The endpoint 'http://dynamodb.invalid:8000' is plain http:// on another machine")]
    [DataRow("localhost:8000", "error DYN002: The DynamoDB endpoint 'localhost:8000' is not an http:// or https:// URL")]
    [DataRow("ftp://127.0.0.1/", "error DYN002")]
    public async Task An_unsafe_or_malformed_endpoint_fails_the_build_before_any_request(string endpoint, string error)
    {
        // The refusal comes before a client exists, so nothing is sent. The .invalid name (reserved, never resolves)
        // keeps it so even if the refusal broke: no address off this machine is ever a target.
        var consumer = Consumer.Create(endpoint: endpoint).WithTable("t.yaml", Yaml.Table(Names.Unique("ep")));
        var result = await consumer.BuildAsync();
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, error);
    }

    [TestMethod]
    public void Plain_http_to_another_machine_is_refused_before_a_client_exists()
    {
        // Unit level: nothing is sent. The opt-in's other side is in UnreachableEndpointTests (a name that never resolves).
        Assert.IsFalse(DynamoClient.TryCreate("http://dynamodb.invalid:8000", null, null, allowInsecure: false, new ClientSettingNames("e", "r", "p", "allow", "stop"), out _, out _, out var refused));
        Assert.AreEqual("DYN003", refused!.Code);
    }
}
