using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

var builder = WebApplication.CreateBuilder(args);
// No endpoint, region or credentials in code: the AWS SDK reads them from the environment, which the AppHost's
// WithReference sets for the local DynamoDB and a deployment sets for AWS.
builder.Services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
var app = builder.Build();

app.MapGet("/orders", async (IAmazonDynamoDB dynamodb, CancellationToken cancellationToken) =>
{
    var scan = await dynamodb.ScanAsync(new ScanRequest("orders"), cancellationToken);
    return scan.Items
        .Select(item => new { id = item["id"].S, total = decimal.Parse(item["total"].N, CultureInfo.InvariantCulture) })
        .OrderBy(order => order.id, StringComparer.Ordinal);
});

// The AppHost starts the API once the tables are there, so they are at its first line, with where the client went.
var client = app.Services.GetRequiredService<IAmazonDynamoDB>();
var tables = await client.ListTablesAsync();
app.Logger.LogInformation(
    "Orders.Api started against {Endpoint} in {Region} with the tables {Tables}",
    Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB") ?? "DynamoDB",
    client.Config.RegionEndpoint?.SystemName,
    string.Join(", ", tables.TableNames));
app.Run();
