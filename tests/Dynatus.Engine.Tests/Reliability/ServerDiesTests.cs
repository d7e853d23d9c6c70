using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Reliability;

/// <summary>The server is killed in the middle of a sync, then started again on its data folder (local-server latency control).</summary>
[LocalServerOnly("a local server it kills")]
[TestClass]
public sealed class ServerDiesTests
{
    [TestMethod]
    public async Task Unfinished_tables_are_named_and_the_next_sync_converges()
    {
        var data = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));
        var names = Enumerable.Range(0, 6).Select(i => $"survivor-{i}").ToList();
        var folder = Integration.Definitions.Folder([.. names.Select(n => Integration.Definitions.OnDemand(n))]);
        var options = new SyncOptions { MaxParallelism = 1 };

        SyncResult interrupted;
        string endpoint;
        await using (var first = await LocalDynamoDb.StartAsync("--path", data))
        {
            endpoint = first.Endpoint;
            // Every request waits 150 ms before it is handled, so the kill lands with tables still to do.
            await first.SetLatencyAsync(150);
            using var client = first.CreateClient(maxErrorRetry: 0);
            var sync = TableSync.SyncAsync(client, folder, options);
            while ((await first.RequestCountsAsync()).GetValueOrDefault("CreateTable") < 3)
            {
                await Task.Delay(20);
            }

            first.Kill();
            interrupted = await sync;
        }

        Assert.IsFalse(interrupted.Succeeded);
        var unfinished = interrupted.Tables.Where(m => m.Error is not null).ToList();
        Assert.IsNotEmpty(unfinished, "the kill must land before the sync ends");
        Assert.IsNotEmpty(interrupted.Tables.Where(m => m.Succeeded), "and after some tables were done");
        foreach (var table in unfinished)
        {
            Assert.AreEqual(SyncErrorCodes.Unreachable, table.Error!.Code);
            StringAssert.Contains(table.Error.Message, table.Table);
        }

        var port = new Uri(endpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var second = await LocalDynamoDb.StartAsync("--path", data, "--port", port);
        using var again = second.CreateClient();
        var converged = await TableSync.SyncAsync(again, folder, options);
        Assert.IsTrue(converged.Succeeded, converged.Error);
        foreach (var table in interrupted.Tables)
        {
            // A table cut off while its sync waited may already exist: then the next sync finds it in sync.
            TableAction[] expected = table.Succeeded ? [TableAction.Noop] : [TableAction.Create, TableAction.Noop];
            CollectionAssert.Contains(expected, converged.Tables.Single(m => m.Table == table.Table).Action, table.Table);
        }

        Assert.HasCount(names.Count, (await again.ListTablesAsync()).TableNames);
    }
}
