using Dynatus.Engine.Connecting;

namespace Dynatus.Engine.Reporting;

/// <summary>
/// What failed for several tables alike (nothing answering, a cancel, the AWS client failing before any call), said
/// once with the tables it stopped, in the same words by every front end; any other failure is its table's own.
/// </summary>
/// <param name="Error">The one error for all of them.</param>
/// <param name="Tables">The tables it stopped, in the order they were declared.</param>
internal sealed record SharedFailure(SyncError Error, IReadOnlyList<string> Tables)
{
    /// <summary>The failed tables grouped: each shared failure once, then every other failed table on its own.</summary>
    public static (List<SharedFailure> Shared, List<TableSyncResult> Own) Group(IEnumerable<TableSyncResult> failed, SyncTarget target, bool dryRun)
    {
        var done = dryRun ? "planned" : "synced";
        var shared = new List<SharedFailure>();
        var own = new List<TableSyncResult>();
        foreach (var group in failed.GroupBy(m => m.Error!.Code))
        {
            var tables = group.Select(m => m.Table).ToList();
            var names = string.Join(", ", tables);
            var cause = group.First().Error!.Cause;
            var message = group.Key switch
            {
                SyncErrorCodes.Unreachable => $"Cannot reach DynamoDB at {target.Description} ({cause}); {tables.Count} table(s) not {done}: {names}.",
                SyncErrorCodes.Cancelled => $"Cancelled; {tables.Count} table(s) not finished: {names}. The next sync continues from where this one stopped.",
                SyncErrorCodes.ClientError => $"The AWS client failed before calling DynamoDB; {tables.Count} table(s) not {done}: {names}. {cause}",
                _ => null,
            };
            if (message is null)
            {
                own.AddRange(group);
            }
            else
            {
                shared.Add(new SharedFailure(new SyncError(group.Key, message), tables));
            }
        }

        return (shared, own);
    }
}
