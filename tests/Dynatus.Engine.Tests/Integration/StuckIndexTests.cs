using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// A GSI that never leaves CREATING: a local-server addition (--index-ms=-1), standing in for a backfill
/// that takes hours on a large AWS table.
/// </summary>
[LocalServerOnly("an index the local server never finishes")]
[TestClass]
public sealed class StuckIndexTests
{
    private LocalDynamoDb local = null!;
    private Amazon.DynamoDBv2.AmazonDynamoDBClient client = null!;
    private string folder = null!;

    [TestInitialize]
    public async Task CreateTableWhoseNextIndexNeverBuildsAsync()
    {
        local = await LocalDynamoDb.StartAsync("--index-ms=-1");
        client = local.CreateClient();
        folder = Definitions.Folder(Definitions.OnDemand("stuck"));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        Definitions.Rewrite(folder, 0, Definitions.WithEmailIndex("stuck"));
    }

    [TestCleanup]
    public async Task StopAsync()
    {
        client.Dispose();
        await local.DisposeAsync();
    }

    [TestMethod]
    public async Task The_wait_times_out_naming_the_table_index_and_status()
    {
        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { WaitTimeout = TimeSpan.FromSeconds(1) });
        var error = result.Tables.Single().Error!;
        Assert.AreEqual(SyncErrorCodes.WaitTimedOut, error.Code);
        StringAssert.Contains(error.Message, "stuck");
        StringAssert.Contains(error.Message, "index email-index CREATING (backfilling)");
    }

    [TestMethod]
    public async Task Cancelling_during_the_wait_stops_promptly_and_names_the_unfinished_table()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await TableSync.SyncAsync(client, folder, cancellationToken: cancel.Token);
        Assert.IsLessThan(30, watch.Elapsed.TotalSeconds, "without cancellation this wait would run to its 20-minute default");
        Assert.IsFalse(result.Succeeded);
        var error = result.Tables.Single().Error!;
        Assert.AreEqual(SyncErrorCodes.Cancelled, error.Code);
        StringAssert.Contains(error.Message, "stuck");
    }
}
