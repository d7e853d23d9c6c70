using Dynatus.Engine.Connecting;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Reporting;

namespace Dynatus.Engine.Tests.Reporting;

/// <summary>The grouping of failures the build log and the console both print: what failed alike once, the rest per table.</summary>
[TestClass]
public sealed class SharedFailureTests
{
    private static readonly SyncTarget Local = new("http://127.0.0.1:8000", IsLoopback: true);

    [TestMethod]
    public void Tables_that_failed_alike_are_one_error_with_the_cause_and_their_names_and_the_others_stay_their_own()
    {
        var refused = Failed("orders", new SyncError(SyncErrorCodes.DynamoDbError, "Table orders: DynamoDB refused the request: ValidationException: no"));
        var failed = new[]
        {
            Failed("users", new SyncError(SyncErrorCodes.Unreachable, "Table users: cannot reach DynamoDB at x: Connection refused") { Cause = "Connection refused" }),
            refused,
            Failed("teams", new SyncError(SyncErrorCodes.Unreachable, "Table teams: cannot reach DynamoDB at x: Connection refused") { Cause = "Connection refused" }),
        };

        var (shared, own) = SharedFailure.Group(failed, Local, dryRun: false);

        Assert.AreEqual(
            new SyncError(SyncErrorCodes.Unreachable, "Cannot reach DynamoDB at http://127.0.0.1:8000 (Connection refused); 2 table(s) not synced: users, teams."),
            shared.Single().Error);
        CollectionAssert.AreEqual(new[] { "users", "teams" }, shared.Single().Tables.ToList());
        Assert.AreSame(refused, own.Single());
    }

    [TestMethod]
    public void A_plan_says_planned_and_a_cancel_says_the_next_sync_continues()
    {
        var (shared, _) = SharedFailure.Group(
            [
                Failed("a", new SyncError(SyncErrorCodes.ClientError, "Table a: the AWS client failed: no profile") { Cause = "no profile" }),
                Failed("b", new SyncError(SyncErrorCodes.Cancelled, "Table b: cancelled")),
            ],
            Local,
            dryRun: true);

        CollectionAssert.AreEqual(
            new[]
            {
                "The AWS client failed before calling DynamoDB; 1 table(s) not planned: a. no profile",
                "Cancelled; 1 table(s) not finished: b. The next sync continues from where this one stopped.",
            },
            shared.Select(s => s.Error.Message).ToList());
    }

    private static TableSyncResult Failed(string table, SyncError error) => new(table, TableAction.Noop) { Error = error };
}
