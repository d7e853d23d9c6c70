using System.Net.Sockets;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class DefaultEndpointTests
{
    [TestMethod]
    public async Task A_build_without_a_local_DynamoDB_at_the_default_endpoint_warns_and_succeeds_even_with_warnings_as_errors()
    {
        await AssertNothingListensAtTheDefaultEndpointAsync();
        var consumer = Consumer.Create(defaultEndpoint: true)
            .WithTable("a.yaml", Yaml.Table(Names.Unique("a"))).WithTable("b.yaml", Yaml.Table(Names.Unique("b")));

        var result = await consumer.BuildAsync("-warnaserror");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var warnings = BuildOutput.LinesWith(result.Output, "warning DYN011");
        Assert.HasCount(1, warnings, result.Output);
        StringAssert.Contains(warnings[0], "No DynamoDB answers at http://localhost:8000, the default local endpoint, so 2 table(s) were not synced");
        StringAssert.Contains(warnings[0], "DynamoDB Local");
        StringAssert.Contains(warnings[0], "DynatusSyncOnBuild=false");
    }

    [TestMethod]
    public async Task An_endpoint_the_user_named_in_DYNAMODB_LOCAL_ENDPOINT_stays_an_error()
    {
        var consumer = Consumer.Create(defaultEndpoint: true).WithTable("t.yaml", Yaml.Table(Names.Unique("named")));

        var result = await consumer.RunAsync(new Dictionary<string, string?> { ["DYNAMODB_LOCAL_ENDPOINT"] = "http://127.0.0.1:9" }, "build");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DYN201: Cannot reach DynamoDB at http://127.0.0.1:9");
        Assert.DoesNotContain("warning DYN011", result.Output);
    }

    internal static async Task AssertNothingListensAtTheDefaultEndpointAsync()
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync("localhost", 8000);
        }
        catch (SocketException)
        {
            return;
        }

        Assert.Inconclusive("Something listens at localhost:8000 (a local DynamoDB started by hand?): the default endpoint answers here.");
    }
}
