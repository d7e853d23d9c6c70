namespace Dynatus.Engine.Definitions;

// The shapes of the DynamoDB CreateTable request, by the same names, plus CloudFormation's
// TimeToLiveSpecification, PointInTimeRecoverySpecification and ContributorInsightsSpecification. A null property was not written
// in the definition, and Dynatus leaves that part of the live table alone.

/// <summary>One table, as a YAML document declares it.</summary>
public sealed class TableDefinition : DefinitionNode
{
    /// <summary>The table's name.</summary>
    public string? TableName { get; set; }
    /// <summary>HASH key, then optionally RANGE key.</summary>
    public IReadOnlyList<KeySchemaElementDefinition>? KeySchema { get; set; }
    /// <summary>Exactly the attributes that table and index keys use.</summary>
    public IReadOnlyList<KeyAttributeDefinition>? AttributeDefinitions { get; set; }
    /// <summary><c>PROVISIONED</c> (DynamoDB's default) or <c>PAY_PER_REQUEST</c>.</summary>
    public string? BillingMode { get; set; }
    /// <summary>Read and write capacity; required when provisioned.</summary>
    public ProvisionedThroughputDefinition? ProvisionedThroughput { get; set; }
    /// <summary>Global secondary indexes; an empty list removes all of them.</summary>
    public IReadOnlyList<GlobalSecondaryIndexDefinition>? GlobalSecondaryIndexes { get; set; }
    /// <summary>Local secondary indexes; fixed at creation.</summary>
    public IReadOnlyList<LocalSecondaryIndexDefinition>? LocalSecondaryIndexes { get; set; }
    /// <summary>DynamoDB Streams.</summary>
    public StreamSpecificationDefinition? StreamSpecification { get; set; }
    /// <summary>Encryption at rest: the AWS owned key unless enabled with KMS.</summary>
    public SseSpecificationDefinition? SSESpecification { get; set; }
    /// <summary><c>STANDARD</c> or <c>STANDARD_INFREQUENT_ACCESS</c>.</summary>
    public string? TableClass { get; set; }
    /// <summary>When true, DeleteTable fails until it is turned off.</summary>
    public bool? DeletionProtectionEnabled { get; set; }
    /// <summary>Tags; an empty list removes all of them.</summary>
    public IReadOnlyList<TagDefinition>? Tags { get; set; }
    /// <summary>Maximum on-demand throughput.</summary>
    public OnDemandThroughputDefinition? OnDemandThroughput { get; set; }
    /// <summary>Pre-warmed throughput; it can only grow.</summary>
    public WarmThroughputDefinition? WarmThroughput { get; set; }
    /// <summary>Auto scaling of the read capacity, as CloudFormation's global table declares it.</summary>
    public ReadProvisionedThroughputSettingsDefinition? ReadProvisionedThroughputSettings { get; set; }
    /// <summary>Auto scaling of the write capacity, as CloudFormation's global table declares it.</summary>
    public WriteProvisionedThroughputSettingsDefinition? WriteProvisionedThroughputSettings { get; set; }
    /// <summary>Time to live, as in CloudFormation.</summary>
    public TimeToLiveSpecificationDefinition? TimeToLiveSpecification { get; set; }
    /// <summary>Point-in-time recovery, as in CloudFormation.</summary>
    public PointInTimeRecoverySpecificationDefinition? PointInTimeRecoverySpecification { get; set; }
    /// <summary>CloudWatch contributor insights on the table, as in CloudFormation.</summary>
    public ContributorInsightsSpecificationDefinition? ContributorInsightsSpecification { get; set; }
    /// <summary>The table's resource-based policy, as in CloudFormation; an empty block means none.</summary>
    public ResourcePolicyDefinition? ResourcePolicy { get; set; }
    /// <summary>The Kinesis data stream the table's changes go to, as in CloudFormation; an empty block means none.</summary>
    public KinesisStreamSpecificationDefinition? KinesisStreamSpecification { get; set; }
    /// <summary>The table's replicas in other regions (a global table, version 2019.11.21); an empty list removes every replica.</summary>
    public IReadOnlyList<ReplicaDefinition>? Replicas { get; set; }
    /// <summary><c>EVENTUAL</c> (AWS's default) or <c>STRONG</c>: the global table's multi-Region consistency, fixed when its replicas are added.</summary>
    public string? MultiRegionConsistency { get; set; }
    /// <summary>The witness of a multi-Region strongly consistent global table, one at most.</summary>
    public IReadOnlyList<GlobalTableWitnessDefinition>? GlobalTableWitnesses { get; set; }
}

/// <summary>A key element.</summary>
public sealed class KeySchemaElementDefinition : DefinitionNode
{
    /// <summary>The attribute.</summary>
    public string? AttributeName { get; set; }
    /// <summary><c>HASH</c> or <c>RANGE</c>.</summary>
    public string? KeyType { get; set; }
}

/// <summary>An entry of AttributeDefinitions: DynamoDB accepts only attributes that a key uses.</summary>
public sealed class KeyAttributeDefinition : DefinitionNode
{
    /// <summary>The attribute.</summary>
    public string? AttributeName { get; set; }
    /// <summary><c>S</c>, <c>N</c> or <c>B</c>.</summary>
    public string? AttributeType { get; set; }
}

/// <summary>Provisioned read and write capacity units.</summary>
public sealed class ProvisionedThroughputDefinition : DefinitionNode
{
    /// <summary>Read capacity units, at least 1.</summary>
    public long? ReadCapacityUnits { get; set; }
    /// <summary>Write capacity units, at least 1.</summary>
    public long? WriteCapacityUnits { get; set; }
}

/// <summary>Maximum on-demand request units; -1 means no limit.</summary>
public sealed class OnDemandThroughputDefinition : DefinitionNode
{
    /// <summary>Maximum read request units.</summary>
    public long? MaxReadRequestUnits { get; set; }
    /// <summary>Maximum write request units.</summary>
    public long? MaxWriteRequestUnits { get; set; }
}

/// <summary>Warm throughput, in units per second.</summary>
public sealed class WarmThroughputDefinition : DefinitionNode
{
    /// <summary>Read units per second.</summary>
    public long? ReadUnitsPerSecond { get; set; }
    /// <summary>Write units per second.</summary>
    public long? WriteUnitsPerSecond { get; set; }
}

/// <summary>The read side of CloudFormation's global table throughput settings: its auto scaling (the fixed units are ProvisionedThroughput's).</summary>
public sealed class ReadProvisionedThroughputSettingsDefinition : DefinitionNode
{
    /// <summary>The scalable target and policy of the read capacity.</summary>
    public CapacityAutoScalingSettingsDefinition? ReadCapacityAutoScalingSettings { get; set; }
}

/// <summary>The write side of CloudFormation's global table throughput settings.</summary>
public sealed class WriteProvisionedThroughputSettingsDefinition : DefinitionNode
{
    /// <summary>The scalable target and policy of the write capacity.</summary>
    public CapacityAutoScalingSettingsDefinition? WriteCapacityAutoScalingSettings { get; set; }
}

/// <summary>A capacity's Application Auto Scaling: its bounds and its target tracking policy.</summary>
public sealed class CapacityAutoScalingSettingsDefinition : DefinitionNode
{
    /// <summary>The lower bound, at least 1.</summary>
    public long? MinCapacity { get; set; }
    /// <summary>The upper bound, at least MinCapacity.</summary>
    public long? MaxCapacity { get; set; }
    /// <summary>The utilization the capacity is kept at.</summary>
    public TargetTrackingScalingPolicyConfigurationDefinition? TargetTrackingScalingPolicyConfiguration { get; set; }
}

/// <summary>A target tracking policy on DynamoDB's capacity utilization.</summary>
public sealed class TargetTrackingScalingPolicyConfigurationDefinition : DefinitionNode
{
    /// <summary>The utilization, in percent: 10 to 90.</summary>
    public double? TargetValue { get; set; }
    /// <summary>Seconds after a scale-in before the next one.</summary>
    public int? ScaleInCooldown { get; set; }
    /// <summary>Seconds after a scale-out before the next one.</summary>
    public int? ScaleOutCooldown { get; set; }
    /// <summary>True: the policy only scales out.</summary>
    public bool? DisableScaleIn { get; set; }
}

/// <summary>What an index holds besides its keys.</summary>
public sealed class ProjectionDefinition : DefinitionNode
{
    /// <summary><c>ALL</c>, <c>KEYS_ONLY</c> or <c>INCLUDE</c>.</summary>
    public string? ProjectionType { get; set; }
    /// <summary>With INCLUDE, the other attributes to project.</summary>
    public IReadOnlyList<string>? NonKeyAttributes { get; set; }
}

/// <summary>A global secondary index.</summary>
public sealed class GlobalSecondaryIndexDefinition : DefinitionNode
{
    /// <summary>The index name.</summary>
    public string? IndexName { get; set; }
    /// <summary>The index key.</summary>
    public IReadOnlyList<KeySchemaElementDefinition>? KeySchema { get; set; }
    /// <summary>The projection.</summary>
    public ProjectionDefinition? Projection { get; set; }
    /// <summary>Required on provisioned tables, refused on on-demand ones.</summary>
    public ProvisionedThroughputDefinition? ProvisionedThroughput { get; set; }
    /// <summary>Maximum on-demand throughput of the index.</summary>
    public OnDemandThroughputDefinition? OnDemandThroughput { get; set; }
    /// <summary>Warm throughput of the index.</summary>
    public WarmThroughputDefinition? WarmThroughput { get; set; }
    /// <summary>Auto scaling of the index's read capacity.</summary>
    public ReadProvisionedThroughputSettingsDefinition? ReadProvisionedThroughputSettings { get; set; }
    /// <summary>Auto scaling of the index's write capacity.</summary>
    public WriteProvisionedThroughputSettingsDefinition? WriteProvisionedThroughputSettings { get; set; }
    /// <summary>CloudWatch contributor insights on the index, as in CloudFormation.</summary>
    public ContributorInsightsSpecificationDefinition? ContributorInsightsSpecification { get; set; }
}

/// <summary>A local secondary index.</summary>
public sealed class LocalSecondaryIndexDefinition : DefinitionNode
{
    /// <summary>The index name.</summary>
    public string? IndexName { get; set; }
    /// <summary>The table's HASH key and another RANGE key.</summary>
    public IReadOnlyList<KeySchemaElementDefinition>? KeySchema { get; set; }
    /// <summary>The projection.</summary>
    public ProjectionDefinition? Projection { get; set; }
}

/// <summary>DynamoDB Streams settings.</summary>
public sealed class StreamSpecificationDefinition : DefinitionNode
{
    /// <summary>Whether the stream is on; CloudFormation leaves it out, a StreamViewType alone meaning on.</summary>
    public bool? StreamEnabled { get; set; }
    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    public string? StreamViewType { get; set; }
    /// <summary>The stream's resource-based policy, as in CloudFormation; an empty block means none.</summary>
    public ResourcePolicyDefinition? ResourcePolicy { get; set; }
}

/// <summary>Server-side encryption settings.</summary>
public sealed class SseSpecificationDefinition : DefinitionNode
{
    /// <summary>True: a KMS key (AWS managed or yours); false: the AWS owned key.</summary>
    public bool? Enabled { get; set; }
    /// <summary>CloudFormation's spelling of <see cref="Enabled"/>; a block may use one of the two.</summary>
    public bool? SSEEnabled { get; set; }
    /// <summary><c>KMS</c>, the only type DynamoDB accepts.</summary>
    public string? SSEType { get; set; }
    /// <summary>The KMS key's id, ARN or alias; the AWS managed key when absent.</summary>
    public string? KMSMasterKeyId { get; set; }
}

/// <summary>A tag.</summary>
public sealed class TagDefinition : DefinitionNode
{
    /// <summary>The key, 1-128 characters.</summary>
    public string? Key { get; set; }
    /// <summary>The value, 0-256 characters.</summary>
    public string? Value { get; set; }
}

/// <summary>Time to live.</summary>
public sealed class TimeToLiveSpecificationDefinition : DefinitionNode
{
    /// <summary>The attribute holding the expiry time.</summary>
    public string? AttributeName { get; set; }
    /// <summary>Whether expiry is on.</summary>
    public bool? Enabled { get; set; }
}

/// <summary>Point-in-time recovery.</summary>
public sealed class PointInTimeRecoverySpecificationDefinition : DefinitionNode
{
    /// <summary>Whether recovery is on.</summary>
    public bool? PointInTimeRecoveryEnabled { get; set; }
    /// <summary>1 to 35 days; DynamoDB uses 35 when absent.</summary>
    public int? RecoveryPeriodInDays { get; set; }
}

/// <summary>CloudWatch contributor insights on a table or a global secondary index.</summary>
public sealed class ContributorInsightsSpecificationDefinition : DefinitionNode
{
    /// <summary>Whether it is on.</summary>
    public bool? Enabled { get; set; }
    /// <summary><c>ACCESSED_AND_THROTTLED_KEYS</c> (AWS's default) or <c>THROTTLED_KEYS</c>; only when enabled.</summary>
    public string? Mode { get; set; }
}

/// <summary>A resource-based policy.</summary>
public sealed class ResourcePolicyDefinition : DefinitionNode
{
    /// <summary>The IAM policy document, as YAML or as a JSON string; absent: no policy.</summary>
    public System.Text.Json.Nodes.JsonNode? PolicyDocument { get; set; }
}

/// <summary>A Kinesis Data Streams destination of the table's changes.</summary>
public sealed class KinesisStreamSpecificationDefinition : DefinitionNode
{
    /// <summary>The Kinesis data stream's ARN; absent: no destination.</summary>
    public string? StreamArn { get; set; }
    /// <summary><c>MILLISECOND</c> (AWS's default) or <c>MICROSECOND</c>: the precision of the records' creation time.</summary>
    public string? ApproximateCreationDateTimePrecision { get; set; }
}

/// <summary>A replica of the table in another region.</summary>
public sealed class ReplicaDefinition : DefinitionNode
{
    /// <summary>The replica's region, as DescribeTable spells it.</summary>
    public string? RegionName { get; set; }
    /// <summary>The replica's region, as CloudFormation spells it.</summary>
    public string? Region { get; set; }
    /// <summary>The replica's own table class: <c>STANDARD</c> or <c>STANDARD_INFREQUENT_ACCESS</c>.</summary>
    public string? TableClassOverride { get; set; }
    /// <summary>The KMS key of the table's KMS encryption in the replica's region (id, ARN or alias); absent: the AWS managed key there.</summary>
    public string? KMSMasterKeyId { get; set; }
    /// <summary>The replica's own read capacity, for a provisioned table.</summary>
    public ReplicaReadCapacityDefinition? ProvisionedThroughputOverride { get; set; }
    /// <summary>The replica's own maximum read request units, for an on-demand table.</summary>
    public ReplicaReadMaximumDefinition? OnDemandThroughputOverride { get; set; }
    /// <summary>Auto scaling of the replica's read capacity, registered in its region, for a provisioned table.</summary>
    public ReadProvisionedThroughputSettingsDefinition? ReadProvisionedThroughputSettings { get; set; }
    /// <summary>Deletion protection of the replica's table (each region keeps its own).</summary>
    public bool? DeletionProtectionEnabled { get; set; }
    /// <summary>Point-in-time recovery of the replica's table (each region keeps its own).</summary>
    public PointInTimeRecoverySpecificationDefinition? PointInTimeRecoverySpecification { get; set; }
    /// <summary>Contributor insights on the replica's table (each region keeps its own).</summary>
    public ContributorInsightsSpecificationDefinition? ContributorInsightsSpecification { get; set; }
    /// <summary>Tags of the replica's table (each region keeps its own); an empty list removes all of them.</summary>
    public IReadOnlyList<TagDefinition>? Tags { get; set; }
    /// <summary>The replica's own read throughput of the table's global secondary indexes.</summary>
    public IReadOnlyList<ReplicaGlobalSecondaryIndexDefinition>? GlobalSecondaryIndexes { get; set; }
    /// <summary>The resource-based policy of the replica's table (each region keeps its own); an empty block means none.</summary>
    public ResourcePolicyDefinition? ResourcePolicy { get; set; }
    /// <summary>The replica's stream's resource-based policy, as CloudFormation spells it (each region keeps its own).</summary>
    public ReplicaStreamSpecificationDefinition? ReplicaStreamSpecification { get; set; }
    /// <summary>The Kinesis data stream, in the replica's region, that the replica's changes go to (each region keeps its own).</summary>
    public KinesisStreamSpecificationDefinition? KinesisStreamSpecification { get; set; }
}

/// <summary>A replica's stream settings of its own: its resource-based policy.</summary>
public sealed class ReplicaStreamSpecificationDefinition : DefinitionNode
{
    /// <summary>The replica's stream's resource-based policy; an empty block means none.</summary>
    public ResourcePolicyDefinition? ResourcePolicy { get; set; }
}

/// <summary>A multi-Region strongly consistent global table's witness: a region that keeps its replicated changes, not its items.</summary>
public sealed class GlobalTableWitnessDefinition : DefinitionNode
{
    /// <summary>The witness's region, as DescribeTable spells it.</summary>
    public string? RegionName { get; set; }
    /// <summary>The witness's region, as CloudFormation spells it.</summary>
    public string? Region { get; set; }
}

/// <summary>A replica's own settings of one of the table's global secondary indexes: read throughput (ReplicaGlobalSecondaryIndex) and contributor insights.</summary>
public sealed class ReplicaGlobalSecondaryIndexDefinition : DefinitionNode
{
    /// <summary>One of the table's global secondary indexes.</summary>
    public string? IndexName { get; set; }
    /// <summary>The index's read capacity in the replica, for a provisioned table.</summary>
    public ReplicaReadCapacityDefinition? ProvisionedThroughputOverride { get; set; }
    /// <summary>The index's maximum read request units in the replica, for an on-demand table.</summary>
    public ReplicaReadMaximumDefinition? OnDemandThroughputOverride { get; set; }
    /// <summary>Auto scaling of the index's read capacity in the replica, registered in its region, for a provisioned table.</summary>
    public ReadProvisionedThroughputSettingsDefinition? ReadProvisionedThroughputSettings { get; set; }
    /// <summary>Contributor insights on the index in the replica's region (each region keeps its own).</summary>
    public ContributorInsightsSpecificationDefinition? ContributorInsightsSpecification { get; set; }
}

/// <summary>A replica's own read capacity units.</summary>
public sealed class ReplicaReadCapacityDefinition : DefinitionNode
{
    /// <summary>Read capacity units, at least 1.</summary>
    public long? ReadCapacityUnits { get; set; }
}

/// <summary>A replica's own maximum read request units.</summary>
public sealed class ReplicaReadMaximumDefinition : DefinitionNode
{
    /// <summary>At least 1, or -1 for no limit.</summary>
    public long? MaxReadRequestUnits { get; set; }
}
