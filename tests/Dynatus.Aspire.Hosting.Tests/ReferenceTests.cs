using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>The sample's API references the local DynamoDB: an unchanged AWS SDK client in it finds the endpoint, a region and credentials, after the tables.</summary>
[TestClass]
public sealed class ReferenceTests
{
    [TestMethod]
    public async Task The_referencing_API_gets_the_endpoint_and_region_and_starts_after_the_tables_are_there()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await SampleAppHost.CreateAsync(timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        var started = await Logs.FirstLineAsync(app, "api", line => line.Contains("Orders.Api started with the tables", StringComparison.Ordinal), timeout.Token);

        StringAssert.EndsWith(started, "started with the tables orders", "the API started after the table was created");
        var api = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<IResourceWithEnvironment>().Single(r => r.Name == "api");
        var environment = await api.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);
        Assert.AreEqual(app.GetEndpoint("dynamodb", "http").ToString().TrimEnd('/'), environment["AWS_ENDPOINT_URL_DYNAMODB"].TrimEnd('/'));
        Assert.AreEqual("us-east-1", environment["AWS_REGION"]);
        using var http = app.CreateHttpClient("api");
        var orders = JsonDocument.Parse(await http.GetStringAsync(new Uri("/orders", UriKind.Relative), timeout.Token)).RootElement;
        CollectionAssert.AreEqual(new[] { "o-1001", "o-1002" }, orders.EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList(), "the seed rows, read by the API's own client");
    }
}
