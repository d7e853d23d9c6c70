using Dynatus.Engine.Connecting;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Reporting;

namespace Dynatus.Engine.Tests.Reporting;

/// <summary>The closing line the build log and the console both print.</summary>
[TestClass]
public sealed class SyncSummaryTests
{
    private static readonly SyncTarget Local = new("http://127.0.0.1:8000", IsLoopback: true);

    [TestMethod]
    public void The_line_counts_each_action_the_failures_deferred_changes_seeded_items_and_unmanaged_tables()
    {
        var result = new SyncResult
        {
            Tables =
            [
                new TableSyncResult("a", TableAction.Create) { Seeded = 3 },
                new TableSyncResult("b", TableAction.Noop),
                new TableSyncResult("c", TableAction.Update) { Deferred = ["TTL: expires -> ttl (within the hour)"] },
                new TableSyncResult("d", TableAction.Noop) { Error = new SyncError(SyncErrorCodes.DynamoDbError, "Table d: refused") },
            ],
            UnmanagedTables = ["legacy"],
        };

        Assert.AreEqual(
            "synced 3 of 4 table(s) against http://127.0.0.1:8000: 1 create, 1 noop, 1 update, 1 failed, 1 with deferred changes, 3 item(s) seeded, 1 unmanaged (1.5 s)",
            SyncSummary.Line(result, Local, dryRun: false, TimeSpan.FromSeconds(1.5)));
    }

    [TestMethod]
    public void A_plan_of_nothing_declared_says_so()
    {
        Assert.AreEqual("planned 0 table(s) against http://127.0.0.1:8000: no table is declared (0.0 s)", SyncSummary.Line(new SyncResult(), Local, dryRun: true, TimeSpan.Zero));
    }
}
