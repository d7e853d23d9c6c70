using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Dynatus.Testing;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>WaitFor(dynamodb) means the tables and their seed rows are there.</summary>
[TestClass]
public sealed class TablesBeforeHealthyTests
{
    [TestMethod]
    public async Task The_resource_is_healthy_once_its_tables_and_seed_rows_are_synced()
    {
        var table = Names.Unique("orders");
        var folder = AppHostFolder.Create(table);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddDynatusDynamoDBLocal("dynamodb").WithTables(Path.Combine(folder, "dynamo")).WithSeedData(Path.Combine(folder, "dynamo", "seed"));
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", timeout.Token);

        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = app.GetEndpoint("dynamodb", "http").ToString(), AuthenticationRegion = "us-east-1" });
        Assert.AreEqual(TableStatus.ACTIVE, (await client.DescribeTableAsync(table, timeout.Token)).Table.TableStatus);
        var rows = await client.ScanAsync(new ScanRequest(table), timeout.Token);
        CollectionAssert.AreEquivalent(new[] { "o1", "o2" }, rows.Items.Select(i => i["id"].S).ToList());
    }
}
