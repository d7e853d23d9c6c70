using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>WaitFor(dynamodb) means the tables and their seed rows are there.</summary>
[TestClass]
public sealed class TablesBeforeHealthyTests
{
    [TestMethod]
    public async Task The_resource_is_healthy_once_its_tables_and_seed_rows_are_synced()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await SampleAppHost.CreateAsync(timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", timeout.Token);

        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = app.GetEndpoint("dynamodb", "http").ToString(), AuthenticationRegion = "us-east-1" });
        Assert.AreEqual(TableStatus.ACTIVE, (await client.DescribeTableAsync("orders", timeout.Token)).Table.TableStatus);
        var rows = await client.ScanAsync(new ScanRequest("orders"), timeout.Token);
        CollectionAssert.AreEquivalent(new[] { "o-1001", "o-1002" }, rows.Items.Select(i => i["id"].S).ToList());
    }
}
