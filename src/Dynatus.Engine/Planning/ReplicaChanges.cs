using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans a global table's replicas (version 2019.11.21) as DescribeTable lists them, the table's own region aside: each
/// region added, changed or removed is a call of its own, one at a time, as AWS requires (a strongly consistent table's
/// regions are added and removed together: <see cref="StrongConsistencyChanges"/>). A replica's own table class and
/// read throughput are compared with its entry, where AWS lists an override only when it differs from the table's. A
/// removal deletes that region's copy of the table with its items, so the plan names it, and the sync refuses it unless
/// allowed.
/// </summary>
internal static class ReplicaChanges
{
    public static void Add(Table desired, Table current, LiveTable live, UpdatePlan plan)
    {
        if (desired.Replicas is not { } wanted)
        {
            return;
        }

        var own = OwnRegion(live.Table);
        if (wanted.FirstOrDefault(r => r.RegionName == own) is { } listed)
        {
            plan.Block($"Replicas lists {listed.RegionName}, the table's own region; list only the other regions");
        }

        var entries = Others(live.Table);
        if (!StrongConsistencyChanges.Add(desired, live.Table, own, plan))
        {
            foreach (var region in entries.Select(r => r.RegionName).Except(wanted.Select(r => r.RegionName), StringComparer.Ordinal))
            {
                plan.RemoveReplica(region);
                plan.Add($"Replicas: remove {region} (deletes the table in {region} with ALL its items there)", (Stage.ReplicaDelete, Remove(plan.TableName, region)));
            }

            foreach (var replica in wanted.Where(r => r.RegionName != own && entries.All(c => c.RegionName != r.RegionName)))
            {
                plan.Add($"Replicas: add {replica.RegionName}", (Stage.ReplicaCreate, Create(plan.TableName, replica)));
            }
        }

        if (plan.AddsReplica)
        {
            RequireScaledWrites(desired, current, live.AutoScaling, plan);
        }

        foreach (var replica in wanted.Where(r => r.RegionName != own))
        {
            var entry = entries.FirstOrDefault(r => r.RegionName == replica.RegionName);
            if (entry is not null && Update(replica, entry, live.Table) is { Count: > 0 } changes)
            {
                var action = new UpdateReplicationGroupMemberAction { RegionName = replica.RegionName };
                changes.ForEach(c => c.Set(action));
                var text = $"Replicas {replica.RegionName}: {string.Join(", ", changes.Select(c => c.Text))}";
                plan.Add(text, (Stage.ReplicaCreate, new ReplicaStep(text, [replica.RegionName], Adds: true, Request(plan.TableName, new ReplicationGroupUpdate { Update = action }))));
            }

            AddRegional(desired, replica, live, entry, plan);
        }
    }

    /// <summary>
    /// What a new table's creation is followed by: its replicas, one at a time (or, strongly consistent, all at once), each
    /// with what its region keeps for itself.
    /// </summary>
    public static IEnumerable<PlanStep> AfterCreate(Table desired)
    {
        var replicas = desired.Replicas ?? [];
        IEnumerable<PlanStep> Regional(ReplicaSetting r) => InRegion(desired, r, regional: null).Steps.Select(s => (PlanStep)new RegionalStep(r.RegionName, s));
        return StrongConsistencyChanges.IsStrong(desired) && replicas.Count > 0
            ? replicas.SelectMany(Regional).Prepend(StrongConsistencyChanges.Create(desired))
            : replicas.SelectMany(r => Regional(r).Prepend(Create(desired.TableName, r)));
    }

    /// <summary>
    /// Why a new table's replicas cannot be added after it is made, if they cannot: its writes are not auto scaled, nor
    /// declared to be (a declared auto scaling is registered before the replicas are added).
    /// </summary>
    public static string? NewTableBlocker(Table desired) =>
        desired.Replicas is { Count: > 0 } && !desired.IsOnDemand && Unscaled(desired, desired.GlobalSecondaryIndexes ?? [], scaling: null) is { Count: > 0 } unscaled
            ? $"{ScaledWritesRule}, and the write capacity of {string.Join(", ", unscaled)}, which this sync creates, would not be: make the table PAY_PER_REQUEST, or declare WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings on the table and every global secondary index"
            : null;

    /// <summary>How a new table's summary names what a replica step adds.</summary>
    public static IEnumerable<string> Summary(ReplicaStep step) =>
        step.RegionNames.Select(r => $"replica {r}").Concat(step.WitnessRegionName is { } witness ? [$"witness {witness}"] : [])
            .Concat(step.Request.MultiRegionConsistency is { } consistency ? [$"MultiRegionConsistency {consistency.Value}"] : []);

    // What the replica's region keeps for itself, planned as that region's table: against the table read there, or, for a
    // replica this sync adds, the table AWS makes (deletion protection, recovery and insights off). A replica still being
    // made or removed is compared in a later sync.
    private static void AddRegional(Table desired, ReplicaSetting replica, LiveTable live, ReplicaDescription? entry, UpdatePlan plan)
    {
        if (!replica.HasRegionalSettings)
        {
            return;
        }

        if (entry is null)
        {
            plan.AddInRegion(replica.RegionName, InRegion(desired, replica, regional: null));
        }
        else if (live.Replicas?.GetValueOrDefault(replica.RegionName) is { } regional)
        {
            plan.AddInRegion(replica.RegionName, InRegion(desired, replica, regional));
        }
        else
        {
            plan.Note($"Replicas {replica.RegionName}: {entry.ReplicaStatus?.Value ?? "not ACTIVE"}; its own settings are compared in a sync once it is ACTIVE");
        }
    }

    // A replica this sync adds (no regional table yet) has what AWS makes: the table's key, without an ARN to read, and
    // every setting of its own at AWS's default, nothing auto scaled.
    private static TablePlan InRegion(Table desired, ReplicaSetting replica, LiveTable? regional)
    {
        var inRegion = replica.InRegion(desired);
        var current = regional is null ? new Table(desired.TableName, desired.KeySchema) : LiveTableModel.From(regional, prefix: null);
        if (inRegion.StreamSpecification is { } stream && current.StreamSpecification?.StreamViewType is { } liveView)
        {
            // The replica's stream is the one AWS made with it: its policy goes on that stream, whatever view AWS gave it.
            inRegion = inRegion with { StreamSpecification = stream with { StreamViewType = liveView } };
        }

        var plan = new UpdatePlan(inRegion);
        TableChanges.AddRegional(inRegion, current, regional ?? new LiveTable(new TableDescription { TableName = desired.TableName }, AutoScaling: AutoScaledCapacity.None), plan);
        return plan.Build();
    }

    // "When using the latest version of global tables, you must either use on-demand capacity or enable autoscaling on the
    // table" (DynamoDB developer guide, best practices and requirements for managing global tables); AWS refuses the
    // replica otherwise ("Table write capacity should either be Pay-Per-Request or AutoScaled."), so the plan is blocked
    // before any call. Whether the writes are scaled is asked of Application Auto Scaling, as for a differing capacity.
    private const string ScaledWritesRule = "AWS adds a replica to a provisioned table only when its write capacity and every global secondary index's are auto scaled";

    private static void RequireScaledWrites(Table desired, Table current, AutoScaledCapacity? scaling, UpdatePlan plan)
    {
        if (desired.IsOnDemand)
        {
            return;
        }

        var indexes = desired.GlobalSecondaryIndexes ?? current.GlobalSecondaryIndexes ?? [];
        if (scaling is null)
        {
            Unscaled(desired, indexes, scaling: null).ForEach(plan.AskAutoScaling);
        }
        else if (Unscaled(desired, indexes, scaling) is { Count: > 0 } unscaled)
        {
            plan.Block($"{ScaledWritesRule}, and the write capacity of {string.Join(", ", unscaled)} is not: declare its WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings (or register it with Application Auto Scaling), or make the table PAY_PER_REQUEST, before adding replicas");
        }
    }

    // The resource ids of the table and indexes whose writes neither the definition declares auto scaled nor, when
    // asked, Application Auto Scaling scales.
    private static List<string> Unscaled(Table desired, IEnumerable<SecondaryIndex> indexes, AutoScaledCapacity? scaling) =>
        ScalableResource.Of(desired.TableName, indexes.Select(i => i.IndexName))
            .Where(r => !AutoScalingChanges.DeclaresWrites(desired, r) && scaling?.Range(r, read: false) is null)
            .Select(r => r.ResourceId)
            .ToList();

    /// <summary>The live table's replicas, removing ones included; never the table's own region.</summary>
    public static List<ReplicaDescription> Others(TableDescription live) =>
        (live.Replicas ?? []).Where(r => r.RegionName != OwnRegion(live)).ToList();

    /// <summary>The regions of <see cref="Others"/>.</summary>
    public static List<string> Regions(TableDescription live) => Others(live).Select(r => r.RegionName).ToList();

    // The region in the table's ARN: arn:aws:dynamodb:<region>:<account>:table/<name>.
    private static string? OwnRegion(TableDescription live) => live.TableArn?.Split(':') is { Length: > 3 } parts ? parts[3] : null;

    // What differs between a declared replica's own settings and its entry; AWS leaves an override out while the
    // replica has the table's value.
    private static List<(string Text, Action<UpdateReplicationGroupMemberAction> Set)> Update(ReplicaSetting wanted, ReplicaDescription entry, TableDescription live)
    {
        var changes = new List<(string, Action<UpdateReplicationGroupMemberAction>)>();
        var tableClass = entry.ReplicaTableClassSummary?.TableClass ?? Compare.TableClass(live.TableClassSummary);
        if (wanted.TableClassOverride is { } wantedClass && wantedClass != tableClass)
        {
            changes.Add(($"TableClassOverride {tableClass} -> {wantedClass}", a => a.TableClassOverride = wantedClass));
        }

        if (wanted.KMSMasterKeyId is { } key && !Compare.SameKey(key, entry.KMSMasterKeyId))
        {
            changes.Add(($"KMSMasterKeyId {entry.KMSMasterKeyId} -> {key}", a => a.KMSMasterKeyId = key));
        }

        changes.AddRange(ReadChanges(
            string.Empty,
            (wanted.ReadCapacityUnitsOverride, entry.ProvisionedThroughputOverride?.ReadCapacityUnits ?? live.ProvisionedThroughput?.ReadCapacityUnits),
            (wanted.MaxReadRequestUnitsOverride, entry.OnDemandThroughputOverride?.MaxReadRequestUnits ?? Compare.OnDemandLimits(live.OnDemandThroughput).Read),
            (a, read) => a.ProvisionedThroughputOverride = read,
            (a, max) => a.OnDemandThroughputOverride = max));
        foreach (var index in wanted.GlobalSecondaryIndexes ?? [])
        {
            // An index's read in the replica: its override, else the index's own ("if not described, uses the source
            // table GSI's read capacity settings", ReplicaGlobalSecondaryIndexDescription in the DynamoDB API reference).
            var own = entry.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == index.IndexName);
            var table = live.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == index.IndexName);
            changes.AddRange(ReadChanges(
                $"GSI {index.IndexName} ",
                (index.ReadCapacityUnitsOverride, own?.ProvisionedThroughputOverride?.ReadCapacityUnits ?? table?.ProvisionedThroughput?.ReadCapacityUnits),
                (index.MaxReadRequestUnitsOverride, own?.OnDemandThroughputOverride?.MaxReadRequestUnits ?? Compare.OnDemandLimits(table?.OnDemandThroughput).Read),
                (a, read) => IndexOf(a, index.IndexName).ProvisionedThroughputOverride = read,
                (a, max) => IndexOf(a, index.IndexName).OnDemandThroughputOverride = max));
        }

        return changes;
    }

    // A declared read capacity and read maximum against what the replica (or its index) reads with now.
    private static IEnumerable<(string Text, Action<UpdateReplicationGroupMemberAction> Set)> ReadChanges(
        string owner,
        (long? Wanted, long? Live) read,
        (long? Wanted, long? Live) maximum,
        Action<UpdateReplicationGroupMemberAction, ProvisionedThroughputOverride> setRead,
        Action<UpdateReplicationGroupMemberAction, OnDemandThroughputOverride> setMaximum)
    {
        if (read.Wanted is { } units && units != read.Live)
        {
            yield return ($"{owner}ReadCapacityUnits {read.Live} -> {units}", a => setRead(a, new ProvisionedThroughputOverride { ReadCapacityUnits = units }));
        }

        if (maximum.Wanted is { } max && max != maximum.Live)
        {
            yield return ($"{owner}MaxReadRequestUnits {maximum.Live} -> {max}", a => setMaximum(a, new OnDemandThroughputOverride { MaxReadRequestUnits = max }));
        }
    }

    private static ReplicaGlobalSecondaryIndex IndexOf(UpdateReplicationGroupMemberAction action, string indexName)
    {
        action.GlobalSecondaryIndexes ??= [];
        if (action.GlobalSecondaryIndexes.FirstOrDefault(i => i.IndexName == indexName) is not { } index)
        {
            action.GlobalSecondaryIndexes.Add(index = new ReplicaGlobalSecondaryIndex { IndexName = indexName });
        }

        return index;
    }

    // The indexes' read overrides; their insights are the region's own, set there once the replica exists.
    private static List<ReplicaGlobalSecondaryIndex>? Indexes(ReplicaSetting replica) =>
        (replica.GlobalSecondaryIndexes ?? []).Where(i => i.HasReadOverride).ToList() is { Count: > 0 } indexes
            ? indexes.Select(i => new ReplicaGlobalSecondaryIndex
            {
                IndexName = i.IndexName,
                ProvisionedThroughputOverride = i.ReadCapacityUnitsOverride is { } read ? new ProvisionedThroughputOverride { ReadCapacityUnits = read } : null,
                OnDemandThroughputOverride = i.MaxReadRequestUnitsOverride is { } max ? new OnDemandThroughputOverride { MaxReadRequestUnits = max } : null,
            }).ToList()
            : null;

    private static ReplicaStep Create(string table, ReplicaSetting replica) => new(
        $"add replica {replica.RegionName}",
        [replica.RegionName],
        Adds: true,
        Request(table, new ReplicationGroupUpdate { Create = CreateAction(replica) }));

    /// <summary>The action that adds <paramref name="replica"/>, with what it has of its own.</summary>
    public static CreateReplicationGroupMemberAction CreateAction(ReplicaSetting replica) => new()
    {
        RegionName = replica.RegionName,
        TableClassOverride = replica.TableClassOverride,
        KMSMasterKeyId = replica.KMSMasterKeyId,
        ProvisionedThroughputOverride = replica.ReadCapacityUnitsOverride is { } read ? new ProvisionedThroughputOverride { ReadCapacityUnits = read } : null,
        OnDemandThroughputOverride = replica.MaxReadRequestUnitsOverride is { } max ? new OnDemandThroughputOverride { MaxReadRequestUnits = max } : null,
        GlobalSecondaryIndexes = Indexes(replica),
    };

    private static ReplicaStep Remove(string table, string region) => new(
        $"remove replica {region} (deletes that region's copy)",
        [region],
        Adds: false,
        Request(table, new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = region } }));

    private static UpdateTableRequest Request(string table, ReplicationGroupUpdate update) => new() { TableName = table, ReplicaUpdates = [update] };
}
