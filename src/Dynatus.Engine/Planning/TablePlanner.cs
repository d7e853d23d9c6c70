using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Compares a table definition with the live table and plans the difference. Pure: no I/O.
/// Only what the definition mentions is compared; what AWS fills in by default is never drift.
/// </summary>
internal static class TablePlanner
{
    /// <summary>Plans one table.</summary>
    /// <param name="desired">The table as declared.</param>
    /// <param name="live">The live table, or null when it does not exist.</param>
    public static TablePlan Plan(Table desired, LiveTable? live)
    {
        var name = desired.TableName;
        if (live is null)
        {
            var create = Requests.CreateTable(desired);
            return new TablePlan(name, TableAction.Create, CreateSummary(desired, create), CreateSteps(desired, create)) { Blocker = ReplicaChanges.NewTableBlocker(desired) };
        }

        // The live table read into the model once: the planner and the exporter see AWS's defaults the same way.
        var current = LiveTableModel.From(live, prefix: null);
        var reasons = RecreateReasons(desired, current);
        if (reasons.Count > 0)
        {
            return new TablePlan(name, TableAction.Recreate, reasons.Select(r => r.Change).ToList(), [new DeleteTableStep(name), .. CreateSteps(desired, Requests.CreateTable(desired))])
            {
                RecreateReason = string.Join(", ", reasons.Select(r => r.Reason).Distinct()),
                Blocker = current.DeletionProtectionEnabled == true
                    ? "deletion protection is on for this table; turn it off (DeletionProtectionEnabled: false) in a sync of its own before it can be recreated"
                    : ReplicaChanges.Regions(live.Table) is { Count: > 0 } regions
                    ? $"it has replicas in {string.Join(", ", regions)}; remove them (Replicas: []) in a sync of its own before it can be recreated"
                    : ReplicaChanges.NewTableBlocker(desired),
            };
        }

        var plan = new UpdatePlan(desired);
        GlobalIndexChanges.Add(desired, current, live, plan);
        TableChanges.Add(desired, current, live, plan);
        ContributorInsightsChanges.Add(desired, current, plan);
        ResourcePolicyChanges.Add(desired, current, live, plan);
        ResourcePolicyChanges.AddStream(desired, current, plan);
        KinesisDestinationChanges.Add(desired, live, plan);
        AutoScalingChanges.Add(desired, live, plan);
        ReplicaChanges.Add(desired, current, live, plan);
        return plan.Build();
    }

    // What a new table will have, in the words of its definition.
    private static List<string> CreateSummary(Table desired, CreateTableRequest create)
    {
        var summary = new List<string> { $"KeySchema {desired.KeySchema}", create.BillingMode.Value };
        if (create.ProvisionedThroughput is { } throughput)
        {
            summary.Add($"ProvisionedThroughput {Describe.Throughput(throughput.ReadCapacityUnits, throughput.WriteCapacityUnits)}");
        }

        if (create.OnDemandThroughput is { } onDemand)
        {
            summary.Add($"OnDemandThroughput {Describe.Throughput(onDemand.MaxReadRequestUnits, onDemand.MaxWriteRequestUnits)}");
        }

        if (create.WarmThroughput is { } warm)
        {
            summary.Add($"WarmThroughput {Describe.Throughput(warm.ReadUnitsPerSecond, warm.WriteUnitsPerSecond)}");
        }

        summary.AddRange((create.GlobalSecondaryIndexes ?? []).Select(g => $"GSI {g.IndexName}"));
        summary.AddRange((create.LocalSecondaryIndexes ?? []).Select(l => $"LSI {l.IndexName}"));
        if (create.StreamSpecification is { StreamEnabled: true } stream)
        {
            summary.Add($"stream {stream.StreamViewType.Value}");
        }

        if (create.SSESpecification is { Enabled: true } sse)
        {
            summary.Add($"SSE KMS{(sse.KMSMasterKeyId is { } key ? " " + key : string.Empty)}");
        }

        if (create.TableClass is { } tableClass)
        {
            summary.Add($"TableClass {tableClass.Value}");
        }

        if (create.DeletionProtectionEnabled == true)
        {
            summary.Add("deletion protection");
        }

        if (create.Tags is { Count: > 0 } tags)
        {
            summary.Add($"Tags {Describe.Tags(tags.Select(t => KeyValuePair.Create(t.Key, t.Value)))}");
        }

        if (desired.TimeToLiveSpecification is { Enabled: true } ttl)
        {
            summary.Add($"TTL on {ttl.AttributeName}");
        }

        if (desired.PointInTimeRecoverySpecification is { Enabled: true })
        {
            summary.Add("point-in-time recovery");
        }

        if (create.ResourcePolicy is { } policy)
        {
            summary.Add($"ResourcePolicy {ResourcePolicyChanges.Describe(policy)}");
        }

        summary.AddRange(ResourcePolicyChanges.AfterCreate(desired).Select(s => $"stream ResourcePolicy {ResourcePolicyChanges.Describe(s.Policy)}"));
        summary.AddRange(KinesisDestinationChanges.AfterCreate(desired).Select(s => $"Kinesis destination {s.Request.StreamArn}"));
        summary.AddRange(ContributorInsightsChanges.AfterCreate(desired).Select(s => s.Description.Replace("enable ", string.Empty, StringComparison.Ordinal)));
        summary.AddRange(AutoScalingChanges.Declared(desired).Select(d => $"{AutoScalingChanges.SettingName(d.Label, d.Read)} {AutoScalingChanges.Describe(d.Setting)}"));
        summary.AddRange(ReplicaChanges.AfterCreate(desired).SelectMany(s => s is ReplicaStep replica ? ReplicaChanges.Summary(replica) : [s.Description]));

        return summary;
    }

    private static List<PlanStep> CreateSteps(Table desired, CreateTableRequest create)
    {
        var steps = new List<PlanStep> { new CreateTableStep(create) };
        if (desired.TimeToLiveSpecification is { Enabled: true } ttl)
        {
            steps.Add(TableChanges.TimeToLiveStep(desired.TableName, ttl.AttributeName, enabled: true));
        }

        if (desired.PointInTimeRecoverySpecification is { Enabled: true } pitr)
        {
            steps.Add(TableChanges.RecoveryStep(desired.TableName, pitr));
        }

        steps.AddRange(ContributorInsightsChanges.AfterCreate(desired));
        steps.AddRange(ResourcePolicyChanges.AfterCreate(desired));
        steps.AddRange(KinesisDestinationChanges.AfterCreate(desired));
        steps.AddRange(AutoScalingChanges.AfterCreate(desired));
        steps.AddRange(ReplicaChanges.AfterCreate(desired));
        return steps;
    }

    private static List<(string Reason, string Change)> RecreateReasons(Table desired, Table current)
    {
        var reasons = new List<(string, string)>();
        if (!Compare.SameKeys(desired.KeySchema, current.KeySchema))
        {
            reasons.Add(("key schema", $"KeySchema: {current.KeySchema} -> {desired.KeySchema}"));
        }

        foreach (var key in desired.KeySchema.Attributes)
        {
            var (wanted, actual) = (key.AttributeType, Compare.TypeOf(current, key.AttributeName));
            if (actual is not null && wanted != actual)
            {
                reasons.Add(("key attribute type", $"key attribute {key.AttributeName}: type {actual} -> {wanted}"));
            }
        }

        if (desired.LocalSecondaryIndexes is { } locals)
        {
            var liveLocals = current.LocalSecondaryIndexes ?? [];
            var names = locals.Select(l => l.IndexName).Union(liveLocals.Select(l => l.IndexName)).Order(StringComparer.Ordinal);
            foreach (var indexName in names)
            {
                var wanted = locals.FirstOrDefault(l => l.IndexName == indexName);
                var actual = liveLocals.FirstOrDefault(l => l.IndexName == indexName);
                var change = (wanted, actual) switch
                {
                    (null, _) => "remove",
                    (_, null) => "add",
                    _ when !Compare.SameKeys(wanted.KeySchema, actual.KeySchema) || !Compare.SameProjection(wanted.Projection, actual.Projection) => "change",
                    _ => null,
                };
                if (change is not null)
                {
                    reasons.Add(("local secondary indexes", $"LSI {indexName}: {change} (local secondary indexes are fixed at creation)"));
                }
            }
        }

        return reasons;
    }
}
