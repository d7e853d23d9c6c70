using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Dynatus.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>A definition error shows on the resource as in a build, and the resource never becomes healthy.</summary>
[TestClass]
public sealed class BadDefinitionTests
{
    [TestMethod]
    public async Task A_bad_definition_leaves_the_resource_unhealthy_with_the_DYN_error_in_its_logs()
    {
        var folder = AppHostFolder.Create(Names.Unique("orders"), misspelt: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddDynatusDynamoDBLocal("dynamodb").WithTables(Path.Combine(folder, "dynamo"));
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        var error = await Logs.FirstLineAsync(app, "dynamodb", line => line.Contains("DYN1", StringComparison.Ordinal), timeout.Token);

        StringAssert.Contains(error, Path.Combine(folder, "dynamo", "orders.yaml") + "(8,1): error DYN101");
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState("dynamodb", out var state));
        Assert.AreNotEqual(HealthStatus.Healthy, state.Snapshot.HealthStatus);
    }
}
