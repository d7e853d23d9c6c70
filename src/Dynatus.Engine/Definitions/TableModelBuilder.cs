using Dynatus.Engine.Model;

namespace Dynatus.Engine.Definitions;

/// <summary>Turns a definition the validator passed into the table model. Every value it reads was checked there.</summary>
internal static class TableModelBuilder
{
    public static Table Build(TableDefinition definition, TableOrigin origin)
    {
        var types = definition.AttributeDefinitions!.ToDictionary(a => a.AttributeName!, a => a.AttributeType!, StringComparer.Ordinal);
        var provisioned = definition.BillingMode is null or "PROVISIONED";
        return new Table(definition.TableName!, Key(definition.KeySchema!, types))
        {
            BillingMode = definition.BillingMode ?? "PROVISIONED",
            Throughput = Throughput(provisioned ? definition.ProvisionedThroughput : null, definition.OnDemandThroughput, definition.WarmThroughput),
            GlobalSecondaryIndexes = definition.GlobalSecondaryIndexes?.Select(g => new SecondaryIndex(
                g.IndexName!, Key(g.KeySchema!, types), Projection(g.Projection!), Throughput(provisioned ? g.ProvisionedThroughput : null, g.OnDemandThroughput, g.WarmThroughput))
            {
                ContributorInsightsSpecification = Insights(g.ContributorInsightsSpecification),
            }).ToList(),
            LocalSecondaryIndexes = definition.LocalSecondaryIndexes?.Select(l => new SecondaryIndex(
                l.IndexName!, Key(l.KeySchema!, types), Projection(l.Projection!), Model.Throughput.None)).ToList(),
            StreamSpecification = definition.StreamSpecification is { } stream
                ? new StreamSetting((stream.StreamEnabled ?? stream.StreamViewType is not null) ? stream.StreamViewType : null) { ResourcePolicy = Policy(stream.ResourcePolicy) }
                : null,
            SSESpecification = definition.SSESpecification is { } sse
                ? new EncryptionSetting((sse.Enabled ?? sse.SSEEnabled) == true, sse.KMSMasterKeyId)
                : null,
            TableClass = definition.TableClass,
            DeletionProtectionEnabled = definition.DeletionProtectionEnabled,
            Tags = Tags(definition.Tags),
            TimeToLiveSpecification = definition.TimeToLiveSpecification is { } ttl ? new TimeToLiveSetting(ttl.Enabled!.Value, ttl.AttributeName!) : null,
            PointInTimeRecoverySpecification = Recovery(definition.PointInTimeRecoverySpecification),
            ContributorInsightsSpecification = Insights(definition.ContributorInsightsSpecification),
            ResourcePolicy = Policy(definition.ResourcePolicy),
            KinesisStreamSpecification = definition.KinesisStreamSpecification is { } kinesis
                ? new KinesisStreamingSetting(kinesis.StreamArn, kinesis.ApproximateCreationDateTimePrecision)
                : null,
            Replicas = definition.Replicas?.Select(r => new ReplicaSetting((r.RegionName ?? r.Region)!)
            {
                TableClassOverride = r.TableClassOverride,
                KMSMasterKeyId = r.KMSMasterKeyId,
                ReadCapacityUnitsOverride = r.ProvisionedThroughputOverride?.ReadCapacityUnits,
                MaxReadRequestUnitsOverride = r.OnDemandThroughputOverride?.MaxReadRequestUnits,
                DeletionProtectionEnabled = r.DeletionProtectionEnabled,
                PointInTimeRecoverySpecification = Recovery(r.PointInTimeRecoverySpecification),
                ContributorInsightsSpecification = Insights(r.ContributorInsightsSpecification),
                Tags = Tags(r.Tags),
                GlobalSecondaryIndexes = r.GlobalSecondaryIndexes?.Select(i => new ReplicaIndexSetting(i.IndexName!)
                {
                    ReadCapacityUnitsOverride = i.ProvisionedThroughputOverride?.ReadCapacityUnits,
                    MaxReadRequestUnitsOverride = i.OnDemandThroughputOverride?.MaxReadRequestUnits,
                    ContributorInsightsSpecification = Insights(i.ContributorInsightsSpecification),
                }).ToList(),
            }).ToList(),
            MultiRegionConsistency = definition.MultiRegionConsistency,
            GlobalTableWitness = definition.GlobalTableWitnesses?.Select(w => w.RegionName ?? w.Region).FirstOrDefault(),
            Origin = origin,
        };
    }

    private static ResourcePolicySetting? Policy(ResourcePolicyDefinition? policy) =>
        policy is null ? null : new ResourcePolicySetting(policy.PolicyDocument?.ToJsonString());

    private static List<TableTag>? Tags(IReadOnlyList<TagDefinition>? tags) => tags?.Select(t => new TableTag(t.Key!, t.Value!)).ToList();

    private static RecoverySetting? Recovery(PointInTimeRecoverySpecificationDefinition? pitr) =>
        pitr is null ? null : new RecoverySetting(pitr.PointInTimeRecoveryEnabled!.Value, pitr.RecoveryPeriodInDays);

    private static ContributorInsightsSetting? Insights(ContributorInsightsSpecificationDefinition? insights) =>
        insights is null ? null : new ContributorInsightsSetting(insights.Enabled!.Value, insights.Mode);

    private static TableKey Key(IReadOnlyList<KeySchemaElementDefinition> keys, Dictionary<string, string> types)
    {
        List<KeyElement> Of(string keyType) =>
            keys.Where(k => k.KeyType == keyType).Select(k => new KeyElement(k.AttributeName!, types[k.AttributeName!])).ToList();
        return new TableKey(Of("HASH"), Of("RANGE"));
    }

    private static IndexProjection Projection(ProjectionDefinition projection) =>
        new(projection.ProjectionType!, projection.NonKeyAttributes ?? []);

    private static Throughput Throughput(ProvisionedThroughputDefinition? provisioned, OnDemandThroughputDefinition? onDemand, WarmThroughputDefinition? warm) => new(
        provisioned is null ? null : new ProvisionedCapacity(provisioned.ReadCapacityUnits!.Value, provisioned.WriteCapacityUnits!.Value),
        onDemand is null ? null : new Units(onDemand.MaxReadRequestUnits, onDemand.MaxWriteRequestUnits),
        warm is null ? null : new Units(warm.ReadUnitsPerSecond, warm.WriteUnitsPerSecond));
}
