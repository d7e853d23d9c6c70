using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dynatus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>A resource that references the local DynamoDB gets its endpoint, a region and credentials, and starts after its tables.</summary>
[TestClass]
public sealed class ReferenceTests
{
    // Lists the tables with an unsigned call (the local DynamoDB checks that a request is signed, not the signature), then
    // prints what an AWS SDK in the process would read from the environment.
    private const string Script = """
        const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB
        fetch(endpoint, { method: 'POST', body: '{}', headers: {
          'X-Amz-Target': 'DynamoDB_20120810.ListTables', 'Content-Type': 'application/x-amz-json-1.0',
          Authorization: 'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' } })
          .then((r) => r.json())
          .then((tables) => console.log('seen: ' + JSON.stringify({ endpoint, region: process.env.AWS_REGION, key: process.env.AWS_ACCESS_KEY_ID, tables: tables.TableNames })))
        """;

    [TestMethod]
    public async Task A_referencing_executable_gets_the_endpoint_and_region_and_starts_after_the_tables_are_there()
    {
        var table = Names.Unique("orders");
        var folder = AppHostFolder.Create(table);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = DistributedApplicationTestingBuilder.Create();
        var dynamodb = builder.AddDynatusDynamoDBLocal("dynamodb").WithTables(Path.Combine(folder, "dynamo"));
        builder.AddExecutable("api", "node", folder, "-e", Script).WithReference(dynamodb).WaitFor(dynamodb);
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        var seen = await Logs.FirstLineAsync(app, "api", line => line.Contains("seen: {", StringComparison.Ordinal), timeout.Token);

        var endpoint = app.GetEndpoint("dynamodb", "http").ToString().TrimEnd('/');
        StringAssert.Contains(seen, $"\"endpoint\":\"{endpoint}\"");
        StringAssert.Contains(seen, "\"region\":\"us-east-1\"");
        StringAssert.Contains(seen, "\"key\":\"dynatus-local\"");
        StringAssert.Contains(seen, $"\"tables\":[\"{table}\"]", "the executable started after the table was created");
    }
}
