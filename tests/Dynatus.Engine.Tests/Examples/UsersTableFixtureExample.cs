using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Seeding;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Examples;

/// <summary>
/// The README's example of a test class that owns its tables: before its tests it syncs the project's YAML
/// definitions into the local DynamoDB with their seed rows (dynamo/seed), its tests get a ready client, and
/// afterwards it deletes what it created.
/// </summary>
[LocalServerOnly("the README's local-development example, which targets a local endpoint")]
[TestClass]
public sealed class UsersTableFixtureExample
{
    // A prefix of its own, so that test runs and developers sharing one local DynamoDB never collide.
    private static readonly string Prefix = $"test-{Guid.NewGuid():N}"[..13] + "-";
    private static AmazonDynamoDBClient client = null!;
    private static List<string> created = [];

    // In your project: Environment.GetEnvironmentVariable("DYNAMODB_LOCAL_ENDPOINT") ?? "http://localhost:8000".
    private static string Endpoint => Server.Local.Endpoint!; // LocalServerOnly: there is always a local server here.

    [ClassInitialize]
    public static async Task SyncTablesAsync(TestContext context)
    {
        client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1" });
        var definitions = Path.Combine(RepositoryRoot.Path, "samples", "AppStartup", "dynamo");
        var result = await TableSync.SyncAsync(client, definitions, new SyncOptions { TablePrefix = Prefix, Seed = SeedMode.OnCreate }, context.CancellationToken);
        Assert.IsTrue(result.Succeeded, result.Error);
        created = result.Tables.Where(m => m.Action == TableAction.Create).Select(m => m.Table).ToList();
    }

    [ClassCleanup]
    public static async Task DeleteTablesAsync()
    {
        foreach (var table in created)
        {
            await client.DeleteTableAsync(table);
        }

        client.Dispose();
    }

    [TestMethod]
    public async Task The_seed_users_are_there_from_the_start()
    {
        var ada = await client.GetItemAsync(Prefix + "users", new() { ["user_id"] = new AttributeValue("u-ada") });
        Assert.AreEqual("Ada Lovelace", ada.Item["name"].S);
        Assert.AreEqual("admin", ada.Item["roles"].L.Single().S);
    }

    [TestMethod]
    public async Task A_user_is_found_by_email_through_the_index_the_YAML_declares()
    {
        var users = Prefix + "users";
        await client.PutItemAsync(users, new() { ["user_id"] = new AttributeValue("u1"), ["email"] = new AttributeValue("linus@example.com") });

        var found = await client.QueryAsync(new QueryRequest
        {
            TableName = users,
            IndexName = "email-index",
            KeyConditionExpression = "email = :email",
            ExpressionAttributeValues = new() { [":email"] = new AttributeValue("linus@example.com") },
        });

        Assert.AreEqual("u1", found.Items.Single()["user_id"].S);
    }
}
