using Amazon.DynamoDBv2;

namespace Dynatus.Engine.Model;

// The one shape every source (Dynatus YAML in either spelling, a CloudFormation template, code) is validated into,
// and the only one the planner sees. A null setting was not declared: Dynatus leaves that part of the live table alone.

/// <summary>
/// A table, validated: what DynamoDB would accept in a CreateTable request, plus the settings applied after it. Only
/// <see cref="Definitions.TableDefinitionLoader"/> makes one, after validating its definition, so a table cannot be
/// built or changed outside the engine and every table a sync is given is valid.
/// </summary>
public sealed record Table
{
    internal Table(string tableName, TableKey keySchema)
    {
        TableName = tableName;
        KeySchema = keySchema;
    }

    /// <summary>The full table name, prefixes applied.</summary>
    public string TableName { get; internal init; }

    /// <summary>The table's key, with the attribute types.</summary>
    public TableKey KeySchema { get; internal init; }

    /// <summary><c>PROVISIONED</c> (DynamoDB's default) or <c>PAY_PER_REQUEST</c>.</summary>
    public BillingMode BillingMode { get; internal init; } = BillingMode.PROVISIONED;

    /// <summary>The table's throughput; its provisioned capacity is set exactly when the table is provisioned.</summary>
    public Throughput Throughput { get; internal init; } = Throughput.None;

    /// <summary>Global secondary indexes; null: not managed; empty: none.</summary>
    public IReadOnlyList<SecondaryIndex>? GlobalSecondaryIndexes { get; internal init; }

    /// <summary>Local secondary indexes, fixed at creation; null: not managed.</summary>
    public IReadOnlyList<SecondaryIndex>? LocalSecondaryIndexes { get; internal init; }

    /// <summary>DynamoDB Streams.</summary>
    public StreamSetting? StreamSpecification { get; internal init; }

    /// <summary>Encryption at rest.</summary>
    public EncryptionSetting? SSESpecification { get; internal init; }

    /// <summary><c>STANDARD</c> or <c>STANDARD_INFREQUENT_ACCESS</c>.</summary>
    public TableClass? TableClass { get; internal init; }

    /// <summary>When true, DeleteTable fails until it is turned off.</summary>
    public bool? DeletionProtectionEnabled { get; internal init; }

    /// <summary>Tags; null: not managed; empty: none.</summary>
    public IReadOnlyList<TableTag>? Tags { get; internal init; }

    /// <summary>Time to live.</summary>
    public TimeToLiveSetting? TimeToLiveSpecification { get; internal init; }

    /// <summary>Point-in-time recovery.</summary>
    public RecoverySetting? PointInTimeRecoverySpecification { get; internal init; }

    /// <summary>CloudWatch contributor insights on the table.</summary>
    public ContributorInsightsSetting? ContributorInsightsSpecification { get; internal init; }

    /// <summary>The table's resource-based policy; null: not managed.</summary>
    public ResourcePolicySetting? ResourcePolicy { get; internal init; }

    /// <summary>The Kinesis data stream the table's changes go to; null: not managed.</summary>
    public KinesisStreamingSetting? KinesisStreamSpecification { get; internal init; }

    /// <summary>The table's replicas in other regions; null: not managed; empty: none.</summary>
    public IReadOnlyList<ReplicaSetting>? Replicas { get; internal init; }

    /// <summary>
    /// <c>EVENTUAL</c> or <c>STRONG</c>: the global table's multi-Region consistency, fixed when its replicas are added;
    /// null: not declared (AWS makes a global table <c>EVENTUAL</c>).
    /// </summary>
    public MultiRegionConsistency? MultiRegionConsistency { get; internal init; }

    /// <summary>
    /// The region of a multi-Region strongly consistent global table's witness (GlobalTableWitnesses holds one at most);
    /// null: none. Managed with <see cref="Replicas"/>.
    /// </summary>
    public string? GlobalTableWitness { get; internal init; }

    /// <summary>Where the table was declared.</summary>
    public TableOrigin Origin { get; internal init; } = TableOrigin.Code;

    /// <summary>True for <c>PAY_PER_REQUEST</c>.</summary>
    public bool IsOnDemand => BillingMode == BillingMode.PAY_PER_REQUEST;

    /// <summary>Every key of the table and its indexes: the attributes DynamoDB needs definitions for.</summary>
    public IEnumerable<TableKey> AllKeys =>
        (GlobalSecondaryIndexes ?? []).Concat(LocalSecondaryIndexes ?? []).Select(i => i.KeySchema).Prepend(KeySchema);
}
