using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans a global table's replicas (version 2019.11.21) as DescribeTable lists them, the table's own region aside: each
/// region added or removed is a call of its own, one at a time, as AWS requires. A removal deletes that region's copy
/// of the table with its items, so the plan names it, and the sync refuses it unless allowed.
/// </summary>
internal static class ReplicaChanges
{
    public static void Add(Table desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.Replicas is not { } wanted)
        {
            return;
        }

        var current = Regions(live.Table);
        if (wanted.FirstOrDefault(r => r.RegionName == OwnRegion(live.Table)) is { } own)
        {
            plan.Block($"Replicas lists {own.RegionName}, the table's own region; list only the other regions");
        }

        foreach (var region in current.Except(wanted.Select(r => r.RegionName), StringComparer.Ordinal))
        {
            plan.RemoveReplica(region);
            plan.Add($"Replicas: remove {region} (deletes the table in {region} with ALL its items there)", (Stage.ReplicaDelete, Step(plan.TableName, region, adds: false)));
        }

        foreach (var replica in wanted.Where(r => !current.Contains(r.RegionName, StringComparer.Ordinal) && r.RegionName != OwnRegion(live.Table)))
        {
            plan.Add($"Replicas: add {replica.RegionName}", (Stage.ReplicaCreate, Step(plan.TableName, replica.RegionName, adds: true)));
        }
    }

    /// <summary>What a new table's creation is followed by: its replicas, one at a time.</summary>
    public static IEnumerable<ReplicaStep> AfterCreate(Table desired) =>
        (desired.Replicas ?? []).Select(r => Step(desired.TableName, r.RegionName, adds: true));

    /// <summary>The regions of the live table's replicas, removing ones included; never the table's own region.</summary>
    public static List<string> Regions(TableDescription live) =>
        (live.Replicas ?? []).Select(r => r.RegionName).Where(r => r != OwnRegion(live)).ToList();

    // The region in the table's ARN: arn:aws:dynamodb:<region>:<account>:table/<name>.
    private static string? OwnRegion(TableDescription live) => live.TableArn?.Split(':') is { Length: > 3 } parts ? parts[3] : null;

    private static ReplicaStep Step(string table, string region, bool adds) => new(region, adds, new UpdateTableRequest
    {
        TableName = table,
        ReplicaUpdates =
        [
            adds
                ? new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = region } }
                : new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = region } },
        ],
    });
}
