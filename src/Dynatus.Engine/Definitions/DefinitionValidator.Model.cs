using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Definitions;

internal sealed partial class DefinitionValidator
{
    // The table model of a definition these checks passed, and only of one: every value it reads was checked (a
    // required field is present, a name is one of the SDK's constants), which is what each '!' below relies on.
    private static Table TableOf(DeclaredTable declared)
    {
        var definition = declared.Definition;
        var origin = new TableOrigin(definition.LocationOf(nameof(definition.TableName)))
        {
            LogicalId = declared.LogicalId,
            DeployedByCloudFormation = declared.DeployedByCloudFormation,
        };
        var types = definition.AttributeDefinitions!.ToDictionary(a => a.AttributeName!, a => ScalarAttributeType.FindValue(a.AttributeType!), StringComparer.Ordinal);
        var billingMode = definition.BillingMode is null ? AwsDefaults.BillingMode : BillingMode.FindValue(definition.BillingMode);
        var provisioned = billingMode == BillingMode.PROVISIONED;
        return new Table(definition.TableName!, Key(definition.KeySchema!, types))
        {
            BillingMode = billingMode,
            Throughput = Throughput(provisioned ? definition.ProvisionedThroughput : null, definition.OnDemandThroughput, definition.WarmThroughput) with
            {
                ReadAutoScaling = AutoScaling(definition.ReadProvisionedThroughputSettings?.ReadCapacityAutoScalingSettings),
                WriteAutoScaling = AutoScaling(definition.WriteProvisionedThroughputSettings?.WriteCapacityAutoScalingSettings),
            },
            GlobalSecondaryIndexes = definition.GlobalSecondaryIndexes?.Select(g => new SecondaryIndex(
                g.IndexName!, Key(g.KeySchema!, types), Projection(g.Projection!), Throughput(provisioned ? g.ProvisionedThroughput : null, g.OnDemandThroughput, g.WarmThroughput) with
                {
                    ReadAutoScaling = AutoScaling(g.ReadProvisionedThroughputSettings?.ReadCapacityAutoScalingSettings),
                    WriteAutoScaling = AutoScaling(g.WriteProvisionedThroughputSettings?.WriteCapacityAutoScalingSettings),
                })
            {
                ContributorInsightsSpecification = Insights(g.ContributorInsightsSpecification),
            }).ToList(),
            LocalSecondaryIndexes = definition.LocalSecondaryIndexes?.Select(l => new SecondaryIndex(
                l.IndexName!, Key(l.KeySchema!, types), Projection(l.Projection!), Model.Throughput.None)).ToList(),
            StreamSpecification = definition.StreamSpecification is { } stream
                ? new StreamSetting((stream.StreamEnabled ?? stream.StreamViewType is not null) ? Value(stream.StreamViewType, StreamViewType.FindValue) : null) { ResourcePolicy = Policy(stream.ResourcePolicy) }
                : null,
            SSESpecification = definition.SSESpecification is { } sse
                ? new EncryptionSetting((sse.Enabled ?? sse.SSEEnabled) == true, sse.KMSMasterKeyId)
                : null,
            TableClass = Value(definition.TableClass, TableClass.FindValue),
            DeletionProtectionEnabled = definition.DeletionProtectionEnabled,
            Tags = Tags(definition.Tags),
            TimeToLiveSpecification = definition.TimeToLiveSpecification is { } ttl ? new TimeToLiveSetting(ttl.Enabled!.Value, ttl.AttributeName!) : null,
            PointInTimeRecoverySpecification = Recovery(definition.PointInTimeRecoverySpecification),
            ContributorInsightsSpecification = Insights(definition.ContributorInsightsSpecification),
            ResourcePolicy = Policy(definition.ResourcePolicy),
            KinesisStreamSpecification = Kinesis(definition.KinesisStreamSpecification),
            Replicas = definition.Replicas?.Select(r => new ReplicaSetting((r.RegionName ?? r.Region)!)
            {
                TableClassOverride = Value(r.TableClassOverride, TableClass.FindValue),
                KMSMasterKeyId = r.KMSMasterKeyId,
                ReadCapacityUnitsOverride = r.ProvisionedThroughputOverride?.ReadCapacityUnits,
                MaxReadRequestUnitsOverride = r.OnDemandThroughputOverride?.MaxReadRequestUnits,
                ReadAutoScaling = AutoScaling(r.ReadProvisionedThroughputSettings?.ReadCapacityAutoScalingSettings),
                DeletionProtectionEnabled = r.DeletionProtectionEnabled,
                PointInTimeRecoverySpecification = Recovery(r.PointInTimeRecoverySpecification),
                ContributorInsightsSpecification = Insights(r.ContributorInsightsSpecification),
                Tags = Tags(r.Tags),
                ResourcePolicy = Policy(r.ResourcePolicy),
                StreamResourcePolicy = Policy(r.ReplicaStreamSpecification?.ResourcePolicy),
                KinesisStreamSpecification = Kinesis(r.KinesisStreamSpecification),
                GlobalSecondaryIndexes = r.GlobalSecondaryIndexes?.Select(i => new ReplicaIndexSetting(i.IndexName!)
                {
                    ReadCapacityUnitsOverride = i.ProvisionedThroughputOverride?.ReadCapacityUnits,
                    MaxReadRequestUnitsOverride = i.OnDemandThroughputOverride?.MaxReadRequestUnits,
                    ReadAutoScaling = AutoScaling(i.ReadProvisionedThroughputSettings?.ReadCapacityAutoScalingSettings),
                    ContributorInsightsSpecification = Insights(i.ContributorInsightsSpecification),
                }).ToList(),
            }).ToList(),
            MultiRegionConsistency = Value(definition.MultiRegionConsistency, MultiRegionConsistency.FindValue),
            GlobalTableWitness = definition.GlobalTableWitnesses?.Select(w => w.RegionName ?? w.Region).FirstOrDefault(),
            Origin = origin,
        };
    }

    private static ResourcePolicySetting? Policy(ResourcePolicyDefinition? policy) =>
        policy is null ? null : new ResourcePolicySetting(policy.PolicyDocument?.ToJsonString());

    private static KinesisStreamingSetting? Kinesis(KinesisStreamSpecificationDefinition? kinesis) =>
        kinesis is null ? null : new KinesisStreamingSetting(kinesis.StreamArn, Value(kinesis.ApproximateCreationDateTimePrecision, ApproximateCreationDateTimePrecision.FindValue));

    private static List<TableTag>? Tags(IReadOnlyList<TagDefinition>? tags) => tags?.Select(t => new TableTag(t.Key!, t.Value!)).ToList();

    private static RecoverySetting? Recovery(PointInTimeRecoverySpecificationDefinition? pitr) =>
        pitr is null ? null : new RecoverySetting(pitr.PointInTimeRecoveryEnabled!.Value, pitr.RecoveryPeriodInDays);

    private static ContributorInsightsSetting? Insights(ContributorInsightsSpecificationDefinition? insights) =>
        insights is null ? null : new ContributorInsightsSetting(insights.Enabled!.Value, Value(insights.Mode, ContributorInsightsMode.FindValue));

    // One of the values the validator allowed, as the SDK's constant of that name.
    private static T? Value<T>(string? name, Func<string, T> find)
        where T : ConstantClass => name is null ? null : find(name);

    private static TableKey Key(IReadOnlyList<KeySchemaElementDefinition> keys, Dictionary<string, ScalarAttributeType> types)
    {
        List<KeyElement> Of(KeyType keyType) =>
            keys.Where(k => k.KeyType == keyType.Value).Select(k => new KeyElement(k.AttributeName!, types[k.AttributeName!])).ToList();
        return new TableKey(Of(KeyType.HASH), Of(KeyType.RANGE));
    }

    private static IndexProjection Projection(ProjectionDefinition projection) =>
        new(ProjectionType.FindValue(projection.ProjectionType!), projection.NonKeyAttributes ?? []);

    private static CapacityAutoScaling? AutoScaling(CapacityAutoScalingSettingsDefinition? settings) =>
        settings is null ? null : new CapacityAutoScaling(settings.MinCapacity!.Value, settings.MaxCapacity!.Value, settings.TargetTrackingScalingPolicyConfiguration!.TargetValue!.Value)
        {
            ScaleInCooldown = settings.TargetTrackingScalingPolicyConfiguration.ScaleInCooldown,
            ScaleOutCooldown = settings.TargetTrackingScalingPolicyConfiguration.ScaleOutCooldown,
            DisableScaleIn = settings.TargetTrackingScalingPolicyConfiguration.DisableScaleIn,
        };

    private static Throughput Throughput(ProvisionedThroughputDefinition? provisioned, OnDemandThroughputDefinition? onDemand, WarmThroughputDefinition? warm) => new(
        provisioned is null ? null : new ProvisionedCapacity(provisioned.ReadCapacityUnits!.Value, provisioned.WriteCapacityUnits!.Value),
        onDemand is null ? null : new Units(onDemand.MaxReadRequestUnits, onDemand.MaxWriteRequestUnits),
        warm is null ? null : new Units(warm.ReadUnitsPerSecond, warm.WriteUnitsPerSecond));
}
