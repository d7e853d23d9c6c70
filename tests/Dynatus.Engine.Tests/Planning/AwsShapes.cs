using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// A live table as DescribeTable reports one created from a definition on AWS: ARNs, counters, the
/// billing summary, zero throughput on on-demand tables, default warm throughput, deletion protection
/// false, and no SSE, stream or table class unless they were set (shapes from the DynamoDB API reference).
/// </summary>
internal static class AwsShapes
{
    private const string Arn = "arn:aws:dynamodb:us-east-1:123456789012:table/";

    public static LiveTable LiveFrom(Engine.Model.Table definition)
    {
        // Written from the model field by field, never through the request builders under test: a builder that got a
        // key or a default wrong would otherwise be wrong on both sides of every comparison, and no test would see it.
        var name = definition.TableName;
        var onDemand = definition.BillingMode == BillingMode.PAY_PER_REQUEST;
        var table = new TableDescription
        {
            TableName = name,
            TableArn = Arn + name,
            TableId = Guid.NewGuid().ToString(),
            TableStatus = TableStatus.ACTIVE,
            CreationDateTime = DateTime.UtcNow.AddDays(-3),
            ItemCount = 1234,
            TableSizeBytes = 56789,
            KeySchema = Keys(definition.KeySchema),
            // AWS lists the definitions in an order of its own.
            AttributeDefinitions = definition.AllKeys.SelectMany(k => k.Attributes).DistinctBy(a => a.AttributeName).Reverse()
                .Select(a => new AttributeDefinition(a.AttributeName, a.AttributeType)).ToList(),
            BillingModeSummary = onDemand ? new BillingModeSummary { BillingMode = BillingMode.PAY_PER_REQUEST, LastUpdateToPayPerRequestDateTime = DateTime.UtcNow.AddDays(-3) } : null,
            ProvisionedThroughput = Throughput(definition.Throughput.ProvisionedThroughput),
            DeletionProtectionEnabled = definition.DeletionProtectionEnabled ?? false,
            WarmThroughput = new TableWarmThroughputDescription
            {
                ReadUnitsPerSecond = Math.Max(12000, definition.Throughput.WarmThroughput?.Read ?? 0),
                WriteUnitsPerSecond = Math.Max(4000, definition.Throughput.WarmThroughput?.Write ?? 0),
                Status = TableStatus.ACTIVE,
            },
            OnDemandThroughput = onDemand ? OnDemand(definition.Throughput.OnDemandThroughput) : null,
            TableClassSummary = definition.TableClass is null ? null : new TableClassSummary { TableClass = definition.TableClass },
            StreamSpecification = definition.StreamSpecification is { StreamViewType: { } view } ? new StreamSpecification { StreamEnabled = true, StreamViewType = view } : null,
            LatestStreamArn = definition.StreamSpecification is { StreamViewType: not null } ? Arn + name + "/stream/2026-01-01T00:00:00.000" : null,
            SSEDescription = definition.SSESpecification is { Kms: true } sse
                ? new SSEDescription { Status = SSEStatus.ENABLED, SSEType = SSEType.KMS, KMSMasterKeyArn = "arn:aws:kms:us-east-1:123456789012:key/" + (sse.KMSMasterKeyId ?? "aws-managed") }
                : null,
            GlobalSecondaryIndexes = definition.GlobalSecondaryIndexes is { Count: > 0 } globals ? globals.Select(g => new GlobalSecondaryIndexDescription
            {
                IndexName = g.IndexName,
                IndexArn = Arn + name + "/index/" + g.IndexName,
                IndexStatus = IndexStatus.ACTIVE,
                IndexSizeBytes = 100,
                ItemCount = 10,
                KeySchema = Keys(g.KeySchema),
                Projection = Projection(g.Projection),
                ProvisionedThroughput = Throughput(g.Throughput.ProvisionedThroughput),
                OnDemandThroughput = onDemand ? OnDemand(g.Throughput.OnDemandThroughput) : null,
                WarmThroughput = new GlobalSecondaryIndexWarmThroughputDescription { ReadUnitsPerSecond = 12000, WriteUnitsPerSecond = 4000, Status = IndexStatus.ACTIVE },
            }).ToList() : null,
            LocalSecondaryIndexes = definition.LocalSecondaryIndexes is { Count: > 0 } locals ? locals.Select(l => new LocalSecondaryIndexDescription
            {
                IndexName = l.IndexName,
                IndexArn = Arn + name + "/index/" + l.IndexName,
                KeySchema = Keys(l.KeySchema),
                Projection = Projection(l.Projection),
                IndexSizeBytes = 100,
                ItemCount = 10,
            }).ToList() : null,
            // DescribeTable lists the other regions' replicas only, and a regional table has neither field.
            // An override is listed only where the replica's value differs from the table's.
            Replicas = definition.Replicas is { Count: > 0 } replicas
                ? replicas.Select(r => new ReplicaDescription
                {
                    RegionName = r.RegionName,
                    ReplicaStatus = ReplicaStatus.ACTIVE,
                    ReplicaTableClassSummary = new TableClassSummary { TableClass = r.TableClassOverride ?? definition.TableClass ?? TableClass.STANDARD },
                    KMSMasterKeyId = r.KMSMasterKeyId is { } key ? $"arn:aws:kms:{r.RegionName}:123456789012:key/{key}" : null,
                    ProvisionedThroughputOverride = r.ReadCapacityUnitsOverride is { } read && read != definition.Throughput.ProvisionedThroughput?.ReadCapacityUnits ? new ProvisionedThroughputOverride { ReadCapacityUnits = read } : null,
                    OnDemandThroughputOverride = r.MaxReadRequestUnitsOverride is { } max && max != (definition.Throughput.OnDemandThroughput?.Read ?? -1) ? new OnDemandThroughputOverride { MaxReadRequestUnits = max } : null,
                    GlobalSecondaryIndexes = (r.GlobalSecondaryIndexes ?? [])
                        .Where(i => i.MaxReadRequestUnitsOverride is { } max && max != (definition.GlobalSecondaryIndexes!.Single(g => g.IndexName == i.IndexName).Throughput.OnDemandThroughput?.Read ?? -1))
                        .Select(i => new ReplicaGlobalSecondaryIndexDescription { IndexName = i.IndexName, OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = i.MaxReadRequestUnitsOverride } })
                        .ToList() is { Count: > 0 } indexes ? indexes : null,
                }).ToList()
                : null,
            GlobalTableVersion = definition.Replicas is { Count: > 0 } ? "2019.11.21" : null,
            // A global table made without a consistency is EVENTUAL.
            MultiRegionConsistency = definition.Replicas is { Count: > 0 } ? definition.MultiRegionConsistency ?? MultiRegionConsistency.EVENTUAL : null,
            GlobalTableWitnesses = definition.GlobalTableWitness is { } witness ? [new GlobalTableWitnessDescription { RegionName = witness, WitnessStatus = WitnessStatus.ACTIVE }] : null,
        };
        var ttl = definition.TimeToLiveSpecification is { Enabled: true } t
            ? new TimeToLiveDescription { AttributeName = t.AttributeName, TimeToLiveStatus = TimeToLiveStatus.ENABLED }
            : new TimeToLiveDescription { TimeToLiveStatus = TimeToLiveStatus.DISABLED };
        // AWS services add tags of their own under aws:, which a definition never lists.
        var tags = (definition.Tags ?? []).Select(tag => new Tag { Key = tag.Key, Value = tag.Value })
            .Append(new Tag { Key = "aws:cloudformation:stack-name", Value = "infra" }).Reverse().ToList();
        var regional = (definition.Replicas ?? []).ToDictionary(r => r.RegionName, r => InRegion(table, r, definition.StreamSpecification?.StreamViewType), StringComparer.Ordinal);
        return new LiveTable(table, ttl, Recovery(definition.PointInTimeRecoverySpecification), tags, Replicas: regional.Count == 0 ? null : regional);
    }

    // A replica's table as DescribeTable, DescribeContinuousBackups, DescribeContributorInsights, ListTagsOfResource,
    // GetResourcePolicy and DescribeKinesisStreamingDestination answer in its region. Its stream is the table's, turned
    // on as NEW_AND_OLD_IMAGES with the first replica. Its key and indexes are the table's.
    private static LiveTable InRegion(TableDescription source, Engine.Model.ReplicaSetting replica, StreamViewType? view)
    {
        var name = source.TableName;
        var arn = $"arn:aws:dynamodb:{replica.RegionName}:123456789012:table/{name}";
        var table = new TableDescription
        {
            TableName = name,
            TableArn = arn,
            KeySchema = source.KeySchema,
            AttributeDefinitions = source.AttributeDefinitions,
            GlobalSecondaryIndexes = source.GlobalSecondaryIndexes,
            TableStatus = TableStatus.ACTIVE,
            DeletionProtectionEnabled = replica.DeletionProtectionEnabled ?? false,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = view ?? StreamViewType.NEW_AND_OLD_IMAGES },
            LatestStreamArn = arn + "/stream/2026-01-01T00:00:00.000",
        };
        var tags = (replica.Tags ?? []).Select(tag => new Tag { Key = tag.Key, Value = tag.Value }).ToList();
        var contributorInsights = (replica.GlobalSecondaryIndexes ?? []).Where(i => i.ContributorInsightsSpecification is not null)
            .ToDictionary(i => i.IndexName, i => Insights(name, i.IndexName, i.ContributorInsightsSpecification), StringComparer.Ordinal);
        contributorInsights[LiveTable.TableInsights] = Insights(name, null, replica.ContributorInsightsSpecification);
        var kinesis = replica.KinesisStreamSpecification is { StreamArn: { } stream } declared
            ? new List<KinesisDataStreamDestination> { new() { StreamArn = stream, DestinationStatus = DestinationStatus.ACTIVE, ApproximateCreationDateTimePrecision = declared.ApproximateCreationDateTimePrecision ?? ApproximateCreationDateTimePrecision.MILLISECOND } }
            : [];
        return new LiveTable(
            table,
            PointInTimeRecovery: Recovery(replica.PointInTimeRecoverySpecification),
            Tags: tags,
            ContributorInsights: contributorInsights,
            ResourcePolicy: new GetResourcePolicyResponse { Policy = replica.ResourcePolicy?.PolicyDocument },
            KinesisDestinations: kinesis,
            StreamResourcePolicy: new GetResourcePolicyResponse { Policy = replica.StreamResourcePolicy?.PolicyDocument });
    }

    private static DescribeContributorInsightsResponse Insights(string name, string? index, Engine.Model.ContributorInsightsSetting? declared) => new()
    {
        TableName = name,
        IndexName = index,
        ContributorInsightsStatus = declared is { Enabled: true } ? ContributorInsightsStatus.ENABLED : ContributorInsightsStatus.DISABLED,
        ContributorInsightsMode = declared is { Enabled: true, Mode: { } mode } ? mode : null,
    };

    private static PointInTimeRecoveryDescription Recovery(Engine.Model.RecoverySetting? declared) => declared is { Enabled: true } p
        ? new PointInTimeRecoveryDescription { PointInTimeRecoveryStatus = PointInTimeRecoveryStatus.ENABLED, RecoveryPeriodInDays = p.RecoveryPeriodInDays ?? 35, EarliestRestorableDateTime = DateTime.UtcNow.AddDays(-3), LatestRestorableDateTime = DateTime.UtcNow }
        : new PointInTimeRecoveryDescription { PointInTimeRecoveryStatus = PointInTimeRecoveryStatus.DISABLED };

    private static List<KeySchemaElement> Keys(Engine.Model.TableKey key) =>
        [.. key.HashKeys.Select(k => new KeySchemaElement(k.AttributeName, KeyType.HASH)), .. key.RangeKeys.Select(k => new KeySchemaElement(k.AttributeName, KeyType.RANGE))];

    // DescribeTable lists INCLUDE's attributes and leaves NonKeyAttributes out for the other types.
    private static Projection Projection(Engine.Model.IndexProjection projection) => new()
    {
        ProjectionType = projection.ProjectionType,
        NonKeyAttributes = projection.NonKeyAttributes.Count > 0 ? [.. projection.NonKeyAttributes] : null,
    };

    // A maximum nobody set reads as -1: no limit.
    private static OnDemandThroughput OnDemand(Engine.Model.Units? units) => new() { MaxReadRequestUnits = units?.Read ?? -1, MaxWriteRequestUnits = units?.Write ?? -1 };

    private static ProvisionedThroughputDescription Throughput(Engine.Model.ProvisionedCapacity? throughput) => new()
    {
        ReadCapacityUnits = throughput?.ReadCapacityUnits ?? 0,
        WriteCapacityUnits = throughput?.WriteCapacityUnits ?? 0,
    };
}
