using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// A live table as the table model a definition would give, declaring only what differs from what AWS fills in by
/// default: the planner compares a definition with this model, and the exporter writes it, so the two cannot disagree
/// about a default and the plan of an export is noop. A change under way counts as made (ENABLING as on, DISABLING as
/// off): the planner does not ask for it again, and an export writes where it is going. Pure.
/// </summary>
internal static class LiveTableModel
{
    /// <summary>The table model of <paramref name="live"/>, named without <paramref name="prefix"/>.</summary>
    public static Table From(LiveTable live, string? prefix)
    {
        var table = live.Table;
        var types = (table.AttributeDefinitions ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType, StringComparer.Ordinal);
        var billingMode = table.BillingModeSummary?.BillingMode ?? AwsDefaults.BillingMode;
        var provisioned = billingMode == BillingMode.PROVISIONED;
        var name = !string.IsNullOrEmpty(prefix) && table.TableName.StartsWith(prefix, StringComparison.Ordinal) ? table.TableName[prefix.Length..] : table.TableName;
        return new Table(name, Key(table.KeySchema, types))
        {
            BillingMode = billingMode,
            Throughput = Scaled(live, ScalableResource.Table(table.TableName), Throughput(provisioned ? table.ProvisionedThroughput : null, table.OnDemandThroughput, table.WarmThroughput?.ReadUnitsPerSecond, table.WarmThroughput?.WriteUnitsPerSecond)),
            GlobalSecondaryIndexes = table.GlobalSecondaryIndexes is { Count: > 0 } globals
                ? globals.Select(g => new SecondaryIndex(
                    g.IndexName,
                    Key(g.KeySchema, types),
                    Projection(g.Projection),
                    Scaled(live, ScalableResource.Index(table.TableName, g.IndexName), Throughput(provisioned ? g.ProvisionedThroughput : null, g.OnDemandThroughput, g.WarmThroughput?.ReadUnitsPerSecond, g.WarmThroughput?.WriteUnitsPerSecond)))
                {
                    ContributorInsightsSpecification = Insights(live, g.IndexName),
                }).ToList()
                : null,
            LocalSecondaryIndexes = table.LocalSecondaryIndexes is { Count: > 0 } locals
                ? locals.Select(l => new SecondaryIndex(l.IndexName, Key(l.KeySchema, types), Projection(l.Projection), Model.Throughput.None)).ToList()
                : null,
            StreamSpecification = table.StreamSpecification is { StreamEnabled: true } stream
                ? new StreamSetting(stream.StreamViewType) { ResourcePolicy = Policy(live.StreamResourcePolicy) }
                : null,
            SSESpecification = table.SSEDescription is { } sse && sse.SSEType == SSEType.KMS && sse.Status != SSEStatus.DISABLED && sse.Status != SSEStatus.DISABLING
                ? new EncryptionSetting(true, Key(sse.KMSMasterKeyArn))
                : null,
            TableClass = Compare.TableClass(table.TableClassSummary) is var tableClass && tableClass != AwsDefaults.TableClass ? tableClass : null,
            DeletionProtectionEnabled = Protection(table),
            Tags = Tags(live),
            TimeToLiveSpecification = live.TimeToLive is { } ttl && (ttl.TimeToLiveStatus == TimeToLiveStatus.ENABLED || ttl.TimeToLiveStatus == TimeToLiveStatus.ENABLING)
                ? new TimeToLiveSetting(true, ttl.AttributeName)
                : null,
            PointInTimeRecoverySpecification = Recovery(live),
            ContributorInsightsSpecification = Insights(live, LiveTable.TableInsights),
            KinesisStreamSpecification = Kinesis(live),
            ResourcePolicy = Policy(live.ResourcePolicy),
            Replicas = Replicas(live) is { Count: > 0 } replicas ? replicas : null,
            // EVENTUAL is what AWS makes a global table without one, and is not written.
            MultiRegionConsistency = table.MultiRegionConsistency == MultiRegionConsistency.STRONG ? table.MultiRegionConsistency : null,
            GlobalTableWitness = table.GlobalTableWitnesses?.FirstOrDefault(w => w.WitnessStatus != WitnessStatus.DELETING)?.RegionName,
        };
    }

    // The destination the table streams to, with its precision unless it is AWS's default.
    private static KinesisStreamingSetting? Kinesis(LiveTable live) =>
        Compare.Streaming(live.KinesisDestinations).FirstOrDefault() is { } kinesis
            ? new KinesisStreamingSetting(kinesis.StreamArn, Compare.Precision(kinesis) is var precision && precision != AwsDefaults.KinesisCreationTimePrecision ? precision : null)
            : null;

    private static ResourcePolicySetting? Policy(GetResourcePolicyResponse? live) =>
        live?.Policy is { } policy ? new ResourcePolicySetting(System.Text.Json.Nodes.JsonNode.Parse(policy)?.ToJsonString()) : null;

    // The AWS managed key is what a definition without a key gets, and is not written.
    private static string? Key(string? arn) => arn?.EndsWith(":alias/aws/dynamodb", StringComparison.Ordinal) == true ? null : arn;

    // Off is AWS's default, and is not written.
    private static bool? Protection(TableDescription table) => table.DeletionProtectionEnabled == true ? true : null;

    // AWS's own (aws:) tags are not the user's to declare; no tags are not written.
    private static List<TableTag>? Tags(LiveTable live) =>
        (live.Tags ?? []).Where(t => !AwsDefaults.IsAwsTag(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TableTag(t.Key, t.Value)).ToList() is { Count: > 0 } tags ? tags : null;

    private static RecoverySetting? Recovery(LiveTable live) =>
        live.PointInTimeRecovery?.PointInTimeRecoveryStatus == PointInTimeRecoveryStatus.ENABLED
            ? new RecoverySetting(true, live.PointInTimeRecovery.RecoveryPeriodInDays is null or AwsDefaults.RecoveryPeriodInDays ? null : live.PointInTimeRecovery.RecoveryPeriodInDays)
            : null;

    // The other regions' replicas, each with what it has of its own: AWS lists a read override only where it differs, and
    // what each region keeps for itself is read there.
    private static List<ReplicaSetting> Replicas(LiveTable live) =>
        ReplicaChanges.Others(live.Table).Where(r => r.ReplicaStatus != ReplicaStatus.DELETING)
            .Select(r => Replica(r, live.Table, live.Replicas?.GetValueOrDefault(r.RegionName))).ToList();

    private static ReplicaSetting Replica(ReplicaDescription entry, TableDescription table, LiveTable? regional) => new(entry.RegionName)
    {
        TableClassOverride = entry.ReplicaTableClassSummary?.TableClass is { } own && own != Compare.TableClass(table.TableClassSummary) ? own : null,
        KMSMasterKeyId = Key(entry.KMSMasterKeyId),
        ReadCapacityUnitsOverride = entry.ProvisionedThroughputOverride?.ReadCapacityUnits,
        MaxReadRequestUnitsOverride = entry.OnDemandThroughputOverride?.MaxReadRequestUnits,
        ReadAutoScaling = regional?.AutoScaling?.Setting(ScalableResource.Table(table.TableName), read: true),
        GlobalSecondaryIndexes = ReplicaIndexes(entry, table, regional),
        DeletionProtectionEnabled = regional is null ? null : Protection(regional.Table),
        PointInTimeRecoverySpecification = regional is null ? null : Recovery(regional),
        ContributorInsightsSpecification = regional is null ? null : Insights(regional, LiveTable.TableInsights),
        Tags = regional is null ? null : Tags(regional),
        ResourcePolicy = regional is null ? null : Policy(regional.ResourcePolicy),
        StreamResourcePolicy = regional is null ? null : Policy(regional.StreamResourcePolicy),
        KinesisStreamSpecification = regional is null ? null : Kinesis(regional),
    };

    // Each of the table's indexes the replica has a read override (in its entry), or insights or read auto scaling (in its
    // region, where asked) for.
    private static List<ReplicaIndexSetting>? ReplicaIndexes(ReplicaDescription entry, TableDescription table, LiveTable? regional) =>
        (table.GlobalSecondaryIndexes ?? []).Select(g => (g.IndexName, Entry: entry.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == g.IndexName)))
            .Select(i => new ReplicaIndexSetting(i.IndexName)
            {
                ReadCapacityUnitsOverride = i.Entry?.ProvisionedThroughputOverride?.ReadCapacityUnits,
                MaxReadRequestUnitsOverride = i.Entry?.OnDemandThroughputOverride?.MaxReadRequestUnits,
                ContributorInsightsSpecification = regional is null ? null : Insights(regional, i.IndexName),
                ReadAutoScaling = regional?.AutoScaling?.Setting(ScalableResource.Index(table.TableName, i.IndexName), read: true),
            })
            .Where(i => i.HasReadOverride || i.ContributorInsightsSpecification is not null || i.ReadAutoScaling is not null)
            .ToList() is { Count: > 0 } indexes ? indexes : null;

    // On, with its mode unless it is AWS's default; off is not written, as it is AWS's default.
    private static ContributorInsightsSetting? Insights(LiveTable live, string key) =>
        live.ContributorInsights?.GetValueOrDefault(key) is { } insights
            && (insights.ContributorInsightsStatus == ContributorInsightsStatus.ENABLED || insights.ContributorInsightsStatus == ContributorInsightsStatus.ENABLING)
            ? new ContributorInsightsSetting(true, insights.ContributorInsightsMode == AwsDefaults.ContributorInsightsMode ? null : insights.ContributorInsightsMode)
            : null;

    private static TableKey Key(List<KeySchemaElement> keys, Dictionary<string, ScalarAttributeType> types)
    {
        List<KeyElement> Of(KeyType keyType) =>
            keys.Where(k => k.KeyType == keyType).Select(k => new KeyElement(k.AttributeName, types.GetValueOrDefault(k.AttributeName) ?? throw Undefined(k.AttributeName))).ToList();
        return new TableKey(Of(KeyType.HASH), Of(KeyType.RANGE));
    }

    // DynamoDB defines every key attribute; a server that does not cannot be compared with.
    private static InvalidOperationException Undefined(string attribute) =>
        new($"DescribeTable lists the key attribute '{attribute}' without its type in AttributeDefinitions, as DynamoDB always gives it; this server's tables cannot be compared with a definition.");

    private static IndexProjection Projection(Projection? projection) =>
        new(projection?.ProjectionType ?? AwsDefaults.ProjectionType, (projection?.NonKeyAttributes ?? []).ToList());

    // The auto scaling Application Auto Scaling has for a provisioned capacity, where it was asked (an export asks).
    private static Throughput Scaled(LiveTable live, ScalableResource resource, Throughput throughput) =>
        throughput.ProvisionedThroughput is null || live.AutoScaling is not { } scaling ? throughput : throughput with
        {
            ReadAutoScaling = scaling.Setting(resource, read: true),
            WriteAutoScaling = scaling.Setting(resource, read: false),
        };

    // -1 (no limit) is what AWS shows for an on-demand limit nobody set; warm throughput is declared above the default only.
    private static Throughput Throughput(ProvisionedThroughputDescription? provisioned, OnDemandThroughput? onDemand, long? warmRead, long? warmWrite) => new(
        provisioned is { ReadCapacityUnits: { } read, WriteCapacityUnits: { } write } ? new ProvisionedCapacity(read, write) : null,
        Compare.OnDemandLimits(onDemand) is var (maxRead, maxWrite) && (maxRead, maxWrite) != (AwsDefaults.NoOnDemandLimit, AwsDefaults.NoOnDemandLimit)
            ? new Units(maxRead, maxWrite)
            : null,
        (warmRead ?? 0) > AwsDefaults.WarmReadUnits || (warmWrite ?? 0) > AwsDefaults.WarmWriteUnits ? new Units(warmRead, warmWrite) : null);
}
