using Amazon.DynamoDBv2;

namespace Dynatus.Engine.Model;

/// <summary>DynamoDB Streams.</summary>
/// <param name="StreamViewType">The view type when the stream is on; null: off.</param>
public sealed record StreamSetting(StreamViewType? StreamViewType)
{
    /// <summary>The stream's resource-based policy; null: not managed.</summary>
    public ResourcePolicySetting? ResourcePolicy { get; init; }
}

/// <summary>Encryption at rest.</summary>
/// <param name="Kms">True: a KMS key; false: the AWS owned key.</param>
/// <param name="KMSMasterKeyId">With KMS, the key's id, ARN or alias; null: the AWS managed key.</param>
public sealed record EncryptionSetting(bool Kms, string? KMSMasterKeyId);

/// <summary>A tag.</summary>
/// <param name="Key">1 to 128 characters.</param>
/// <param name="Value">0 to 256 characters.</param>
public sealed record TableTag(string Key, string Value);

/// <summary>Time to live.</summary>
/// <param name="Enabled">Whether expiry is on.</param>
/// <param name="AttributeName">The attribute holding the expiry time.</param>
public sealed record TimeToLiveSetting(bool Enabled, string AttributeName);

/// <summary>Point-in-time recovery.</summary>
/// <param name="Enabled">Whether recovery is on.</param>
/// <param name="RecoveryPeriodInDays">1 to 35; null: DynamoDB's 35.</param>
public sealed record RecoverySetting(bool Enabled, int? RecoveryPeriodInDays);

/// <summary>CloudWatch contributor insights on a table or a global secondary index.</summary>
/// <param name="Enabled">Whether it is on.</param>
/// <param name="Mode"><c>ACCESSED_AND_THROTTLED_KEYS</c> or <c>THROTTLED_KEYS</c>; null: AWS's default, the first.</param>
public sealed record ContributorInsightsSetting(bool Enabled, ContributorInsightsMode? Mode);

/// <summary>A resource-based policy.</summary>
/// <param name="PolicyDocument">The policy as compact JSON; null: no policy.</param>
public sealed record ResourcePolicySetting(string? PolicyDocument);

/// <summary>A Kinesis Data Streams destination of the table's changes.</summary>
/// <param name="StreamArn">The Kinesis data stream; null: no destination.</param>
/// <param name="ApproximateCreationDateTimePrecision"><c>MILLISECOND</c> or <c>MICROSECOND</c>; null: AWS's default, the first.</param>
public sealed record KinesisStreamingSetting(string? StreamArn, ApproximateCreationDateTimePrecision? ApproximateCreationDateTimePrecision);

/// <summary>A replica of a global table (version 2019.11.21), with what it has of its own; null: the table's.</summary>
/// <param name="RegionName">The replica's region, never the table's own.</param>
public sealed record ReplicaSetting(string RegionName)
{
    /// <summary>The replica's table class.</summary>
    public TableClass? TableClassOverride { get; init; }

    /// <summary>The KMS key of the table's KMS encryption in the replica's region (keys are regional); null: the AWS managed key there.</summary>
    public string? KMSMasterKeyId { get; init; }

    /// <summary>The replica's read capacity units, for a provisioned table.</summary>
    public long? ReadCapacityUnitsOverride { get; init; }

    /// <summary>The replica's maximum read request units (-1: no limit), for an on-demand table.</summary>
    public long? MaxReadRequestUnitsOverride { get; init; }

    /// <summary>Application Auto Scaling of the replica's read capacity, in its region; null: not managed.</summary>
    public CapacityAutoScaling? ReadAutoScaling { get; init; }

    /// <summary>Deletion protection of the replica's table, which each region keeps for itself.</summary>
    public bool? DeletionProtectionEnabled { get; init; }

    /// <summary>Point-in-time recovery of the replica's table, which each region keeps for itself.</summary>
    public RecoverySetting? PointInTimeRecoverySpecification { get; init; }

    /// <summary>Contributor insights on the replica's table, which each region keeps for itself.</summary>
    public ContributorInsightsSetting? ContributorInsightsSpecification { get; init; }

    /// <summary>The replica's own read throughput of the table's global secondary indexes; an index not listed has the table's.</summary>
    public IReadOnlyList<ReplicaIndexSetting>? GlobalSecondaryIndexes { get; init; }

    /// <summary>Tags of the replica's table, which each region keeps for itself; null: not managed; empty: none.</summary>
    public IReadOnlyList<TableTag>? Tags { get; init; }

    /// <summary>The resource-based policy of the replica's table, which each region keeps for itself; null: not managed.</summary>
    public ResourcePolicySetting? ResourcePolicy { get; init; }

    /// <summary>The resource-based policy of the replica's stream (ReplicaStreamSpecification), which each region keeps for itself; null: not managed.</summary>
    public ResourcePolicySetting? StreamResourcePolicy { get; init; }

    /// <summary>The Kinesis data stream the replica's changes go to, which each region keeps for itself; null: not managed.</summary>
    public KinesisStreamingSetting? KinesisStreamSpecification { get; init; }

    /// <summary>True when the replica declares a setting of its region's own table (<see cref="InRegion"/>).</summary>
    public bool HasRegionalSettings => DeletionProtectionEnabled is not null || PointInTimeRecoverySpecification is not null || ContributorInsightsSpecification is not null || Tags is not null
        || ResourcePolicy is not null || StreamResourcePolicy is not null || KinesisStreamSpecification is not null
        || ReadAutoScaling is not null || (GlobalSecondaryIndexes ?? []).Any(i => i.ContributorInsightsSpecification is not null || i.ReadAutoScaling is not null);

    /// <summary>
    /// The replica's table in its region as a model of its own, holding only the settings that region keeps for itself, so
    /// that it is read and planned as any table is; the rest is the global table's, and not managed there.
    /// </summary>
    internal Table InRegion(Table table) => new(table.TableName, table.KeySchema)
    {
        DeletionProtectionEnabled = DeletionProtectionEnabled,
        PointInTimeRecoverySpecification = PointInTimeRecoverySpecification,
        ContributorInsightsSpecification = ContributorInsightsSpecification,
        Tags = Tags,
        ResourcePolicy = ResourcePolicy,
        KinesisStreamSpecification = KinesisStreamSpecification,
        // A new replica's stream has the table's view type, turned on as NEW_AND_OLD_IMAGES with the first replica; an existing
        // one's policy is compared on the stream its region has (ReplicaChanges).
        StreamSpecification = StreamResourcePolicy is null ? null
            : new StreamSetting(table.StreamSpecification?.StreamViewType ?? StreamViewType.NEW_AND_OLD_IMAGES) { ResourcePolicy = StreamResourcePolicy },
        // Read auto scaling is registered in each region for its own table and indexes; the writes' is the table's.
        Throughput = Throughput.None with { ReadAutoScaling = ReadAutoScaling },
        GlobalSecondaryIndexes = (GlobalSecondaryIndexes ?? []).Where(i => i.ContributorInsightsSpecification is not null || i.ReadAutoScaling is not null)
            .Select(i => table.GlobalSecondaryIndexes!.Single(g => g.IndexName == i.IndexName) with
            {
                Throughput = Throughput.None with { ReadAutoScaling = i.ReadAutoScaling },
                ContributorInsightsSpecification = i.ContributorInsightsSpecification,
            })
            .ToList() is { Count: > 0 } indexes ? indexes : null,
    };
}

/// <summary>A replica's own settings of one of the table's global secondary indexes; null: the index's.</summary>
/// <param name="IndexName">One of the table's global secondary indexes.</param>
public sealed record ReplicaIndexSetting(string IndexName)
{
    /// <summary>The index's read capacity units in the replica, for a provisioned table.</summary>
    public long? ReadCapacityUnitsOverride { get; init; }

    /// <summary>The index's maximum read request units in the replica (-1: no limit), for an on-demand table.</summary>
    public long? MaxReadRequestUnitsOverride { get; init; }

    /// <summary>Contributor insights on the index in the replica's region, which each region keeps for itself.</summary>
    public ContributorInsightsSetting? ContributorInsightsSpecification { get; init; }

    /// <summary>Application Auto Scaling of the index's read capacity in the replica's region; null: not managed.</summary>
    public CapacityAutoScaling? ReadAutoScaling { get; init; }

    /// <summary>True when a read override is declared: what ReplicaUpdates sets, as opposed to the region's own insights.</summary>
    internal bool HasReadOverride => ReadCapacityUnitsOverride is not null || MaxReadRequestUnitsOverride is not null;
}
