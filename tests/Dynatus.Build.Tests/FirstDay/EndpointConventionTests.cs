using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class EndpointConventionTests
{
    [LocalServerOnly("the local server's endpoint in AWS_ENDPOINT_URL_DYNAMODB")]
    [TestMethod]
    public async Task AWS_ENDPOINT_URL_DYNAMODB_is_the_endpoint_of_both_syncs_and_each_reports_it()
    {
        var (built, published) = (Names.Unique("awsb"), Names.Unique("awsp"));
        var consumer = Consumer.Create(defaultEndpoint: true).WithTable("t.yaml", Yaml.Table(built));
        var endpoint = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_DYNAMODB"] = Package.Server.Endpoint };

        var build = await consumer.RunAsync(endpoint, "build");
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, $"Dynatus: synced 1 table(s) against {Package.Server.Endpoint}: 1 create");

        consumer.WithTable("t.yaml", Yaml.Table(published));
        var publish = await consumer.RunAsync(endpoint, "publish", "-c", "Release");
        Assert.AreEqual(0, publish.ExitCode, publish.Output);
        StringAssert.Contains(publish.Output, $"Dynatus: synced 1 table(s) against {Package.Server.Endpoint}: 1 create");
        Assert.DoesNotContain("against AWS", publish.Output);

        using var client = Package.Server.CreateClient();
        Assert.AreEqual(built, (await client.DescribeTableAsync(built)).Table.TableName);
        Assert.AreEqual(published, (await client.DescribeTableAsync(published)).Table.TableName);
    }
}
