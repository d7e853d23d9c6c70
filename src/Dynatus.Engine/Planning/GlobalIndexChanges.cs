using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>Plans global secondary indexes: create, delete, delete-and-create, throughput updates.</summary>
internal static class GlobalIndexChanges
{
    public static void Add(Table desired, Table current, LiveTable liveTable, UpdatePlan plan)
    {
        var liveIndexes = current.GlobalSecondaryIndexes ?? [];
        var switchesToProvisioned = !desired.IsOnDemand && current.IsOnDemand;
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
            plan.Add($"GSI {gone.IndexName}: delete", UpdateSteps.DeleteIndex(plan.TableName, gone.IndexName));
        }

        var shapes = wanted.ToDictionary(
            w => w.IndexName,
            w => liveIndexes.FirstOrDefault(l => l.IndexName == w.IndexName) is { } index ? ShapeChanges(w, current, index) : null);

        // Each create names the attributes of the keys the table has when it runs: the table's and its LSIs', the
        // indexes that stay, and the indexes created before it.
        var present = new List<TableKey> { desired.KeySchema };
        present.AddRange((desired.LocalSecondaryIndexes ?? []).Select(l => l.KeySchema));
        present.AddRange(wanted.Where(w => shapes[w.IndexName] is { Count: 0 }).Select(w => w.KeySchema));
        foreach (var index in wanted)
        {
            var reshaped = shapes[index.IndexName];
            if (reshaped is { Count: 0 })
            {
                AddUpdates(index, liveTable.Table.GlobalSecondaryIndexes.First(l => l.IndexName == index.IndexName), switchesToProvisioned, plan, liveTable.AutoScaling);
                continue;
            }

            present.Add(index.KeySchema);
            plan.CreateIndex(index.IndexName);
            var create = UpdateSteps.CreateIndex(plan.TableName, index, Requests.AttributesOf(present));
            if (reshaped is null)
            {
                plan.Add($"GSI {index.IndexName}: create", create);
            }
            else
            {
                plan.Add($"GSI {index.IndexName} {string.Join("; ", reshaped)}: delete, then create again (the table's items stay)", UpdateSteps.DeleteIndex(plan.TableName, index.IndexName), create);
            }
        }
    }

    // What DynamoDB cannot change on an index in place, each as "what: old -> new"; empty when the shape is the same.
    private static List<string> ShapeChanges(SecondaryIndex index, Table live, SecondaryIndex current)
    {
        var changes = new List<string>();
        if (!Compare.SameKeys(index.KeySchema, current.KeySchema))
        {
            changes.Add($"KeySchema: {current.KeySchema} -> {index.KeySchema}");
        }

        if (!Compare.SameProjection(index.Projection, current.Projection))
        {
            changes.Add($"Projection: {Describe.Projection(current.Projection)} -> {Describe.Projection(index.Projection)}");
        }

        changes.AddRange(index.KeySchema.Attributes
            .Select(k => (k.AttributeName, Wanted: k.AttributeType, Live: Compare.TypeOf(live, k.AttributeName)))
            .Where(k => k.Wanted != k.Live)
            .Select(k => $"key attribute {k.AttributeName}: {k.Live} -> {k.Wanted}"));
        return changes;
    }

    private static void AddUpdates(SecondaryIndex index, GlobalSecondaryIndexDescription current, bool switchesToProvisioned, UpdatePlan plan, AutoScaledCapacity? scaling)
    {
        var differences = ThroughputChanges.Differences(
            $"GSI {index.IndexName} ",
            ScalableResource.Index(plan.TableName, index.IndexName),
            index.Throughput,
            LiveCapacity.Of(current),
            switchesToProvisioned,
            plan,
            scaling);
        foreach (var (text, update) in differences)
        {
            plan.Combine(text, request => UpdateSteps.UpdateIndex(request, new UpdateGlobalSecondaryIndexAction
            {
                IndexName = index.IndexName,
                ProvisionedThroughput = update.Provisioned,
                OnDemandThroughput = update.OnDemand,
                WarmThroughput = update.Warm,
            }));
        }
    }
}
