using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

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

        var started = await Logs.FirstLineAsync(app, "api", line => line.Contains("Orders.Api started against", StringComparison.Ordinal), timeout.Token);

        // What the API's own SDK client took from the environment WithReference set, once the table was there.
        var endpoint = app.GetEndpoint("dynamodb", "http").ToString().TrimEnd('/');
        StringAssert.EndsWith(started, $"started against {endpoint} in us-east-1 with the tables orders");
        using var http = app.CreateHttpClient("api");
        var orders = JsonDocument.Parse(await http.GetStringAsync(new Uri("/orders", UriKind.Relative), timeout.Token)).RootElement;
        CollectionAssert.AreEqual(new[] { "o-1001", "o-1002" }, orders.EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList(), "the seed rows, read by the API's own client");
    }
}
