using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

/// <summary>One local DynamoDB for the whole test run.</summary>
[TestClass]
public static class Server
{
    public static Dynatus.Testing.LocalDynamoDb Local { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context) => Local = await Dynatus.Testing.LocalDynamoDb.StartAsync();

    [AssemblyCleanup]
    public static async Task StopAsync() => await Local.DisposeAsync();
}
