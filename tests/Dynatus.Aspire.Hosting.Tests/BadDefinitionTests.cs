using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>A definition error shows on the resource as in a build; the resource never becomes healthy, so what waits for it never starts.</summary>
[TestClass]
public sealed class BadDefinitionTests
{
    [TestMethod]
    public async Task A_bad_definition_leaves_the_resource_unhealthy_with_the_DYN_error_in_its_logs_and_the_API_waiting()
    {
        // The sample's files with BillingMode misspelt; the AppHost's relative paths start from the copy.
        var copy = Path.Combine(Path.GetTempPath(), "dynatus-aspire", Guid.NewGuid().ToString("N"));
        SampleAppHost.CopySample(SampleAppHost.Folder, copy);
        var definition = Path.Combine(copy, "Orders.Api", "dynamo", "orders.yaml");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("BillingMode", "BilingMode", StringComparison.Ordinal));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await SampleAppHost.CreateAsync(timeout.Token, appHostDirectory: Path.Combine(copy, "AppHost"));
        await using var app = await builder.BuildAsync(timeout.Token);
        // Not awaited: StartAsync returns once every resource has started, and the API waits for a healthy dynamodb.
        var starting = app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceAsync("dynamodb", KnownResourceStates.Running, timeout.Token);

        var error = await Logs.FirstLineAsync(app, "dynamodb", line => line.Contains("DYN1", StringComparison.Ordinal), timeout.Token);

        StringAssert.Contains(error, definition + "(8,1): error DYN101");
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        Assert.IsFalse(starting.IsCompleted);
        Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState("dynamodb", out var dynamodb));
        Assert.AreNotEqual(HealthStatus.Healthy, dynamodb.Snapshot.HealthStatus);
        Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState("api", out var api));
        Assert.AreEqual(KnownResourceStates.Waiting, api.Snapshot.State?.Text);
    }
}
