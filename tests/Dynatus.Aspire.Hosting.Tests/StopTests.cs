using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>The local DynamoDB lives as long as its AppHost.</summary>
[TestClass]
public sealed class StopTests
{
    [TestMethod]
    public async Task Stopping_the_AppHost_stops_the_server()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await SampleAppHost.CreateAsync(timeout.Token);
        var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", timeout.Token);
        var endpoint = app.GetEndpoint("dynamodb", "http");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Assert.IsTrue((await http.GetAsync(endpoint, timeout.Token)).IsSuccessStatusCode);

        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(endpoint, timeout.Token));
    }
}
