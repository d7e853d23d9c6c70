using Dynatus.Testing;

namespace Dynatus.Engine.Tests;

/// <summary>One DynamoDB for the whole test run: a local server, or the account of an AWS run.</summary>
[TestClass]
public static class Server
{
    public static SharedDynamoDb Local { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context) => Local = await SharedDynamoDb.StartAsync(typeof(Server).Assembly);

    [AssemblyCleanup]
    public static async Task StopAsync() => await Local.DisposeAsync();
}
