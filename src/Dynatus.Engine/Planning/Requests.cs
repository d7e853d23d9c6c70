using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Planning;

/// <summary>Definitions in the shapes of DynamoDB requests. Called only on validated definitions.</summary>
internal static class Requests
{
    public static List<KeySchemaElement> Keys(IReadOnlyList<KeySchemaElementDefinition>? keys) =>
        (keys ?? []).Select(k => new KeySchemaElement(k.AttributeName!, new KeyType(k.KeyType!))).ToList();

    public static Projection Projection(ProjectionDefinition projection) => new()
    {
        ProjectionType = new ProjectionType(projection.ProjectionType!),
        NonKeyAttributes = projection.NonKeyAttributes?.ToList(),
    };

    public static ProvisionedThroughput? Throughput(ProvisionedThroughputDefinition? throughput) =>
        throughput is null ? null : new ProvisionedThroughput(throughput.ReadCapacityUnits!.Value, throughput.WriteCapacityUnits!.Value);

    public static OnDemandThroughput? OnDemand(OnDemandThroughputDefinition? throughput) =>
        throughput is null ? null : new OnDemandThroughput { MaxReadRequestUnits = throughput.MaxReadRequestUnits, MaxWriteRequestUnits = throughput.MaxWriteRequestUnits };

    public static WarmThroughput? Warm(WarmThroughputDefinition? throughput) =>
        throughput is null ? null : new WarmThroughput { ReadUnitsPerSecond = throughput.ReadUnitsPerSecond, WriteUnitsPerSecond = throughput.WriteUnitsPerSecond };

    public static StreamSpecification Stream(StreamSpecificationDefinition stream) => new()
    {
        StreamEnabled = stream.StreamEnabled,
        StreamViewType = stream.StreamViewType is null ? null : new StreamViewType(stream.StreamViewType),
    };

    public static SSESpecification Sse(SseSpecificationDefinition sse) => new()
    {
        Enabled = sse.Enabled ?? false,
        SSEType = sse.Enabled == true ? SSEType.KMS : null,
        KMSMasterKeyId = sse.KMSMasterKeyId,
    };

    // The attribute definitions of the given key schemas, with their types from the definition.
    public static List<AttributeDefinition> AttributesOf(TableDefinition table, IEnumerable<IReadOnlyList<KeySchemaElementDefinition>?> keySchemas)
    {
        var names = keySchemas.SelectMany(k => k ?? []).Select(k => k.AttributeName).ToHashSet(StringComparer.Ordinal);
        return (table.AttributeDefinitions ?? [])
            .Where(a => names.Contains(a.AttributeName))
            .Select(a => new AttributeDefinition(a.AttributeName!, new ScalarAttributeType(a.AttributeType!)))
            .ToList();
    }

    public static GlobalSecondaryIndex GlobalIndex(GlobalSecondaryIndexDefinition index) => new()
    {
        IndexName = index.IndexName,
        KeySchema = Keys(index.KeySchema),
        Projection = Projection(index.Projection!),
        ProvisionedThroughput = Throughput(index.ProvisionedThroughput),
        OnDemandThroughput = OnDemand(index.OnDemandThroughput),
        WarmThroughput = Warm(index.WarmThroughput),
    };

    public static CreateTableRequest CreateTable(TableDefinition table)
    {
        var request = new CreateTableRequest
        {
            TableName = table.TableName,
            KeySchema = Keys(table.KeySchema),
            AttributeDefinitions = AttributesOf(table, [table.KeySchema, .. (table.GlobalSecondaryIndexes ?? []).Select(g => g.KeySchema), .. (table.LocalSecondaryIndexes ?? []).Select(l => l.KeySchema)]),
            BillingMode = new BillingMode(table.BillingMode ?? BillingMode.PROVISIONED.Value),
            ProvisionedThroughput = Throughput(table.ProvisionedThroughput),
            OnDemandThroughput = OnDemand(table.OnDemandThroughput),
            WarmThroughput = Warm(table.WarmThroughput),
            DeletionProtectionEnabled = table.DeletionProtectionEnabled,
            TableClass = table.TableClass is null ? null : new TableClass(table.TableClass),
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
                Projection = Projection(l.Projection!),
            }).ToList();
        }

        return request;
    }
}
