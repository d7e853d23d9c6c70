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
            else if (ShapeChanges(desired, index, live, current) is { Count: > 0 } reshaped)
            {
                plan.Change($"GSI {index.IndexName} {string.Join("; ", reshaped)}: delete, then create again (the table's items stay)");
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

    // What DynamoDB cannot change on an index in place, each as "what: old -> new"; empty when the shape is the same.
    private static List<string> ShapeChanges(TableDefinition desired, GlobalSecondaryIndexDefinition index, TableDescription live, GlobalSecondaryIndexDescription current)
    {
        var changes = new List<string>();
        var keys = Requests.Keys(index.KeySchema);
        if (!Compare.SameKeys(keys, current.KeySchema))
        {
            changes.Add($"KeySchema: {Describe.Keys(current.KeySchema)} -> {Describe.Keys(keys)}");
        }

        if (!Compare.SameProjection(index.Projection!, current.Projection))
        {
            changes.Add($"Projection: {Describe.Projection(current.Projection?.ProjectionType?.Value, current.Projection?.NonKeyAttributes)} -> {Describe.Projection(index.Projection!.ProjectionType, index.Projection.NonKeyAttributes)}");
        }

        changes.AddRange((index.KeySchema ?? [])
            .Select(k => (k.AttributeName, Wanted: Compare.DesiredType(desired, k.AttributeName!), Live: Compare.LiveType(live, k.AttributeName!)))
            .Where(k => k.Wanted != k.Live)
            .Select(k => $"key attribute {k.AttributeName}: {k.Live} -> {k.Wanted}"));
        return changes;
    }

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
