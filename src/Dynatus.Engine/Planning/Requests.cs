using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>The table model in the shapes of DynamoDB requests.</summary>
internal static class Requests
{
    public static List<KeySchemaElement> Keys(TableKey key) =>
        key.Schema.Select(k => new KeySchemaElement(k.Attribute.AttributeName, k.KeyType)).ToList();

    public static Projection Projection(IndexProjection projection) => new()
    {
        ProjectionType = projection.ProjectionType,
        NonKeyAttributes = projection.NonKeyAttributes.Count == 0 ? null : projection.NonKeyAttributes.ToList(),
    };

    public static ProvisionedThroughput? Provisioned(ProvisionedCapacity? capacity) =>
        capacity is null ? null : new ProvisionedThroughput(capacity.ReadCapacityUnits, capacity.WriteCapacityUnits);

    public static OnDemandThroughput? OnDemand(Units? units) =>
        units is null ? null : new OnDemandThroughput { MaxReadRequestUnits = units.Read, MaxWriteRequestUnits = units.Write };

    public static WarmThroughput? Warm(Units? units) =>
        units is null ? null : new WarmThroughput { ReadUnitsPerSecond = units.Read, WriteUnitsPerSecond = units.Write };

    public static StreamSpecification Stream(StreamSetting stream) => new()
    {
        StreamEnabled = stream.StreamViewType is not null,
        StreamViewType = stream.StreamViewType,
    };

    public static SSESpecification Sse(EncryptionSetting sse) => new()
    {
        Enabled = sse.Kms,
        SSEType = sse.Kms ? SSEType.KMS : null,
        KMSMasterKeyId = sse.KMSMasterKeyId,
    };

    // The attribute definitions of the given keys, each attribute once.
    public static List<AttributeDefinition> AttributesOf(IEnumerable<TableKey> keys) =>
        keys.SelectMany(k => k.Attributes)
            .DistinctBy(a => a.AttributeName)
            .Select(a => new AttributeDefinition(a.AttributeName, a.AttributeType))
            .ToList();

    public static GlobalSecondaryIndex GlobalIndex(SecondaryIndex index) => new()
    {
        IndexName = index.IndexName,
        KeySchema = Keys(index.KeySchema),
        Projection = Projection(index.Projection),
        ProvisionedThroughput = Provisioned(index.Throughput.ProvisionedThroughput),
        OnDemandThroughput = OnDemand(index.Throughput.OnDemandThroughput),
        WarmThroughput = Warm(index.Throughput.WarmThroughput),
    };

    public static CreateTableRequest CreateTable(Table table)
    {
        var request = new CreateTableRequest
        {
            TableName = table.TableName,
            KeySchema = Keys(table.KeySchema),
            AttributeDefinitions = AttributesOf(table.AllKeys),
            BillingMode = table.BillingMode,
            ProvisionedThroughput = Provisioned(table.Throughput.ProvisionedThroughput),
            OnDemandThroughput = OnDemand(table.Throughput.OnDemandThroughput),
            WarmThroughput = Warm(table.Throughput.WarmThroughput),
            DeletionProtectionEnabled = table.DeletionProtectionEnabled,
            ResourcePolicy = table.ResourcePolicy?.PolicyDocument,
            TableClass = table.TableClass,
            StreamSpecification = table.StreamSpecification is { } stream ? Stream(stream) : null,
            SSESpecification = table.SSESpecification is { } sse ? Sse(sse) : null,
            Tags = table.Tags is { Count: > 0 } tags ? tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() : null,
        };
        if (table.GlobalSecondaryIndexes is { Count: > 0 } globals)
        {
            request.GlobalSecondaryIndexes = globals.Select(GlobalIndex).ToList();
        }

        if (table.LocalSecondaryIndexes is { Count: > 0 } locals)
        {
            request.LocalSecondaryIndexes = locals.Select(l => new LocalSecondaryIndex
            {
                IndexName = l.IndexName,
                KeySchema = Keys(l.KeySchema),
                Projection = Projection(l.Projection),
            }).ToList();
        }

        return request;
    }
}
