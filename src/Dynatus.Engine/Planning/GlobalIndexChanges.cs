using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Planning;

/// <summary>Plans global secondary indexes: create, delete, delete-and-create, throughput updates.</summary>
internal static class GlobalIndexChanges
{
    public static void Add(TableDefinition desired, TableDescription live, UpdatePlan plan)
    {
        var liveIndexes = live.GlobalSecondaryIndexes ?? [];
        var switchesToProvisioned = desired.BillingMode != "PAY_PER_REQUEST" && Compare.BillingMode(live) == "PAY_PER_REQUEST";
        if (desired.GlobalSecondaryIndexes is not { } wanted)
        {
            // Not mentioned, not managed; but AWS needs every GSI's throughput to switch to PROVISIONED.
            if (switchesToProvisioned && liveIndexes.Count > 0)
            {
                plan.Block("switching to PROVISIONED needs the throughput of every global secondary index: declare GlobalSecondaryIndexes with their ProvisionedThroughput");
            }

            return;
        }

        foreach (var gone in liveIndexes.Where(l => wanted.All(w => w.IndexName != l.IndexName)))
        {
            plan.Change($"GSI {gone.IndexName}: delete");
            plan.DeleteIndex(gone.IndexName);
        }

        // Keys of the indexes the table has when each create runs: survivors, then each new one in turn.
        var present = new List<IReadOnlyList<KeySchemaElementDefinition>?> { desired.KeySchema };
        present.AddRange((desired.LocalSecondaryIndexes ?? []).Select(l => l.KeySchema));
        var creates = new List<GlobalSecondaryIndexDefinition>();
        foreach (var index in wanted)
        {
            var current = liveIndexes.FirstOrDefault(l => l.IndexName == index.IndexName);
            if (current is null)
            {
                plan.Change($"GSI {index.IndexName}: create");
                creates.Add(index);
            }
            else if (!SameShape(desired, index, live, current))
            {
                plan.Change($"GSI {index.IndexName}: key schema or projection changed: delete, then create again (the table's items stay)");
                plan.DeleteIndex(index.IndexName!);
                creates.Add(index);
            }
            else
            {
                present.Add(index.KeySchema);
                AddUpdates(index, current, switchesToProvisioned, plan);
            }
        }

        foreach (var index in creates)
        {
            present.Add(index.KeySchema);
            plan.CreateIndex(index, Requests.AttributesOf(desired, present));
        }
    }

    private static bool SameShape(TableDefinition desired, GlobalSecondaryIndexDefinition index, TableDescription live, GlobalSecondaryIndexDescription current) =>
        Compare.SameKeys(Requests.Keys(index.KeySchema), current.KeySchema)
        && Compare.SameProjection(index.Projection!, current.Projection)
        && (index.KeySchema ?? []).All(k => Compare.DesiredType(desired, k.AttributeName!) == Compare.LiveType(live, k.AttributeName!));

    private static void AddUpdates(GlobalSecondaryIndexDefinition index, GlobalSecondaryIndexDescription current, bool switchesToProvisioned, UpdatePlan plan)
    {
        var name = index.IndexName!;
        if (index.ProvisionedThroughput is { } throughput && (switchesToProvisioned || !Compare.SameThroughput(throughput, current.ProvisionedThroughput)))
        {
            var from = switchesToProvisioned ? "on-demand" : Describe.Throughput(current.ProvisionedThroughput?.ReadCapacityUnits, current.ProvisionedThroughput?.WriteCapacityUnits);
            plan.UpdateIndex(
                new UpdateGlobalSecondaryIndexAction { IndexName = name, ProvisionedThroughput = Requests.Throughput(throughput) },
                $"GSI {name} ProvisionedThroughput: {from} -> {Describe.Throughput(throughput.ReadCapacityUnits, throughput.WriteCapacityUnits)}");
        }

        if (index.OnDemandThroughput is { } onDemand && !Compare.SameOnDemand(onDemand, current.OnDemandThroughput))
        {
            plan.UpdateIndex(
                new UpdateGlobalSecondaryIndexAction { IndexName = name, OnDemandThroughput = Requests.OnDemand(onDemand) },
                $"GSI {name} OnDemandThroughput: {Describe.Throughput(current.OnDemandThroughput?.MaxReadRequestUnits ?? -1, current.OnDemandThroughput?.MaxWriteRequestUnits ?? -1)} -> {Describe.Throughput(onDemand.MaxReadRequestUnits, onDemand.MaxWriteRequestUnits)}");
        }

        if (index.WarmThroughput is { } warm && !Compare.WarmEnough(warm, current.WarmThroughput?.ReadUnitsPerSecond, current.WarmThroughput?.WriteUnitsPerSecond))
        {
            plan.UpdateIndex(
                new UpdateGlobalSecondaryIndexAction { IndexName = name, WarmThroughput = Requests.Warm(warm) },
                $"GSI {name} WarmThroughput: {Describe.Throughput(current.WarmThroughput?.ReadUnitsPerSecond, current.WarmThroughput?.WriteUnitsPerSecond)} -> {Describe.Throughput(warm.ReadUnitsPerSecond, warm.WriteUnitsPerSecond)}");
        }
    }
}
