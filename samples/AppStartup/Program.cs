// Syncs the tables in dynamo/ into the local DynamoDB, as an application would at start-up
// when it runs against a local endpoint.
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Dynatus.Engine;

var endpoint = Environment.GetEnvironmentVariable("DYNAMODB_LOCAL_ENDPOINT") ?? "http://localhost:8000";
using var client = new AmazonDynamoDBClient(
    new BasicAWSCredentials("local", "local"),
    new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });

var result = await TableSync.SyncAsync(client, Path.Combine(AppContext.BaseDirectory, "dynamo"));
foreach (var table in result.Tables)
{
    var changes = table.Changes.Count == 0 ? string.Empty : $" ({string.Join("; ", table.Changes)})";
    Console.WriteLine($"{table.Table}: {table.Action.ToString().ToLowerInvariant()}{changes}{(table.Error is null ? string.Empty : " FAILED " + table.Error)}");
}

Console.WriteLine(result.Succeeded ? $"sync: true, {result.Count} tables" : $"sync: false: {result.Reason} {result.Error}");
foreach (var problem in result.Problems)
{
    Console.WriteLine(problem);
}

return result.Succeeded ? 0 : 1;
