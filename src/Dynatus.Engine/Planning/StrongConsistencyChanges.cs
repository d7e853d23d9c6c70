using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans the regions of a multi-Region strongly consistent (MRSC) global table. AWS adds its replicas and witness in the
/// one UpdateTable that sets its consistency, to a table still empty, and removes them together, leaving a single-region
/// table: a witness "must be added when creating the MRSC global table" and removed "in conjunction with removing a
/// replica" (GlobalTableWitnessGroupUpdate, DynamoDB API reference); a global table's consistency cannot change once it
/// is made (DynamoDB developer guide, global tables' consistency modes). What AWS would refuse is blocked in the plan.
/// </summary>
internal static class StrongConsistencyChanges
{
    private static readonly MultiRegionConsistency Strong = MultiRegionConsistency.STRONG;

    public static bool IsStrong(Table desired) => desired.MultiRegionConsistency == Strong;

    /// <summary>Plans the table's regions and returns true when it is, or is to be, MRSC; false leaves them to one replica a call.</summary>
    public static bool Add(Table desired, TableDescription live, string? own, UpdatePlan plan)
    {
        var liveStrong = live.MultiRegionConsistency == Strong;
        if (!liveStrong && !IsStrong(desired))
        {
            return false;
        }

        var wanted = (desired.Replicas ?? []).Select(r => r.RegionName).Where(r => r != own).ToList();
        var current = ReplicaChanges.Regions(live);
        var witness = live.GlobalTableWitnesses?.FirstOrDefault()?.RegionName;
        if (!liveStrong)
        {
            if (current.Count > 0)
            {
                plan.Block($"MultiRegionConsistency {AwsDefaults.MultiRegionConsistency} -> {Strong}: a global table's consistency is set when its replicas are added and never changes; remove them (Replicas: []) in a sync of its own, then declare them again with {Strong} while the table is empty");
            }
            else if (own is not null && !RegionSets.OneSet(wanted.Append(own).Concat(desired.GlobalTableWitness is { } w ? [w] : [])))
            {
                plan.Block($"an MRSC global table's regions are all in one region set, and this table is in {own}: {RegionSets.Listed}");
            }
            else if (desired.GlobalTableWitness is { } ownWitness && ownWitness == own)
            {
                plan.Block($"GlobalTableWitnesses lists {own}, the table's own region; a witness is a region of its own");
            }
            else
            {
                var create = Create(desired);
                plan.Add($"Replicas: {create.Description}", (Stage.ReplicaCreate, create));
            }

            return true;
        }

        var regions = string.Join(", ", current) + (witness is null ? string.Empty : $" and witness {witness}");
        if (desired.MultiRegionConsistency == AwsDefaults.MultiRegionConsistency)
        {
            plan.Block($"MultiRegionConsistency {Strong} -> {AwsDefaults.MultiRegionConsistency}: a global table's consistency never changes; remove its replicas (Replicas: [], without MultiRegionConsistency or GlobalTableWitnesses) in a sync of its own, then add them again");
        }
        else if (wanted.Count == 0 && desired.GlobalTableWitness is null)
        {
            current.ForEach(plan.RemoveReplica);
            var text = $"Replicas: remove {regions} together, as an MRSC table's are (deletes the table in {string.Join(", ", current)} with ALL its items there)";
            plan.Add(text, (Stage.ReplicaDelete, new ReplicaStep(text, current, Adds: false, new UpdateTableRequest
            {
                TableName = desired.TableName,
                ReplicaUpdates = current.Select(r => new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = r } }).ToList(),
                GlobalTableWitnessUpdates = witness is null ? null : [new GlobalTableWitnessGroupUpdate { Delete = new DeleteGlobalTableWitnessGroupMemberAction { RegionName = witness } }],
            }, witness)));
        }
        else if (!wanted.Order(StringComparer.Ordinal).SequenceEqual(current.Order(StringComparer.Ordinal)) || desired.GlobalTableWitness != witness)
        {
            plan.Block($"an MRSC global table's regions change only all together: it has {regions}; remove them (Replicas: [], without MultiRegionConsistency or GlobalTableWitnesses) in a sync of its own, then declare the new ones while the table is empty");
        }

        return true;
    }

    /// <summary>The one UpdateTable that makes the table MRSC: every replica, the witness, and the consistency.</summary>
    public static ReplicaStep Create(Table desired)
    {
        var replicas = desired.Replicas ?? [];
        var regions = replicas.Select(r => r.RegionName).ToList();
        var witness = desired.GlobalTableWitness;
        return new ReplicaStep(
            $"add {string.Join(", ", regions)}{(witness is null ? string.Empty : $" and witness {witness}")} with MultiRegionConsistency {Strong}, in one call (the table must be empty)",
            regions,
            Adds: true,
            new UpdateTableRequest
            {
                TableName = desired.TableName,
                ReplicaUpdates = replicas.Select(r => new ReplicationGroupUpdate { Create = ReplicaChanges.CreateAction(r) }).ToList(),
                GlobalTableWitnessUpdates = witness is null ? null : [new GlobalTableWitnessGroupUpdate { Create = new CreateGlobalTableWitnessGroupMemberAction { RegionName = witness } }],
                MultiRegionConsistency = MultiRegionConsistency.STRONG,
            },
            witness);
    }
}
