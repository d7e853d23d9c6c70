using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Dynatus.Testing;

/// <summary>
/// Tables as teams make them without Dynatus: CreateTable requests written for the AWS SDK, then TTL, point-in-time
/// recovery and tags set by their own calls. Every setting an export writes is in at least one of them.
/// </summary>
public static class SdkTables
{
    public static IReadOnlyList<(CreateTableRequest Create, string? TimeToLive, int? RecoveryDays)> All(string prefix)
    {
        var tables = new List<(CreateTableRequest, string?, int?)>();
        void Add(string name, Action<CreateTableRequest> configure, string? ttl = null, int? recoveryDays = null)
        {
            var request = new CreateTableRequest
            {
                TableName = prefix + name,
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            };
            configure(request);
            tables.Add((request, ttl, recoveryDays));
        }

        void Provisioned(CreateTableRequest r, long read = 5, long write = 5)
        {
            r.BillingMode = BillingMode.PROVISIONED;
            r.ProvisionedThroughput = new ProvisionedThroughput(read, write);
        }

        GlobalSecondaryIndex Index(CreateTableRequest r, string name, string hash, ScalarAttributeType type, string? range = null, Projection? projection = null)
        {
            foreach (var (attribute, attributeType) in new[] { (hash, type), (range, ScalarAttributeType.S) })
            {
                if (attribute is not null && r.AttributeDefinitions.All(a => a.AttributeName != attribute))
                {
                    r.AttributeDefinitions.Add(new AttributeDefinition(attribute, attributeType));
                }
            }

            var index = new GlobalSecondaryIndex
            {
                IndexName = name,
                KeySchema = range is null ? [new KeySchemaElement(hash, KeyType.HASH)] : [new KeySchemaElement(hash, KeyType.HASH), new KeySchemaElement(range, KeyType.RANGE)],
                Projection = projection ?? new Projection { ProjectionType = ProjectionType.ALL },
                ProvisionedThroughput = r.BillingMode == BillingMode.PROVISIONED ? new ProvisionedThroughput(3, 2) : null,
            };
            (r.GlobalSecondaryIndexes ??= []).Add(index);
            return index;
        }

        void Sorted(CreateTableRequest r, ScalarAttributeType type)
        {
            r.KeySchema.Add(new KeySchemaElement("sk", KeyType.RANGE));
            r.AttributeDefinitions.Add(new AttributeDefinition("sk", type));
        }

        Add("plain", _ => { });
        Add("provisioned", r => Provisioned(r, 10, 4));
        Add("number-key", r => r.AttributeDefinitions[0].AttributeType = ScalarAttributeType.N);
        Add("binary-range", r => Sorted(r, ScalarAttributeType.B));
        Add("one-gsi", r => Index(r, "by-email", "email", ScalarAttributeType.S));
        Add("many-gsi", r =>
        {
            Index(r, "by-email", "email", ScalarAttributeType.S);
            Index(r, "by-age", "age", ScalarAttributeType.N, "email", new Projection { ProjectionType = ProjectionType.KEYS_ONLY });
            Index(r, "by-city", "city", ScalarAttributeType.S, null, new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["name", "#odd: name", "true"] });
        });
        Add("provisioned-gsi", r => { Provisioned(r); Index(r, "by-email", "email", ScalarAttributeType.S); });
        Add("lsi", r =>
        {
            Sorted(r, ScalarAttributeType.S);
            r.AttributeDefinitions.Add(new AttributeDefinition("placed", ScalarAttributeType.N));
            r.LocalSecondaryIndexes =
            [
                new() { IndexName = "by-placed", KeySchema = [new("id", KeyType.HASH), new("placed", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } },
            ];
        });
        Add("lsi-and-gsi", r =>
        {
            Sorted(r, ScalarAttributeType.N);
            r.AttributeDefinitions.Add(new AttributeDefinition("status", ScalarAttributeType.S));
            r.LocalSecondaryIndexes = [new() { IndexName = "by-status", KeySchema = [new("id", KeyType.HASH), new("status", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
            Index(r, "status-index", "status", ScalarAttributeType.S, "sk");
        });
        Add("stream-new-and-old", r => r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES });
        Add("stream-keys-only", r => r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY });
        Add("sse-managed", r => r.SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS });
        Add("sse-own-key", r => r.SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS, KMSMasterKeyId = "alias/orders-key" });
        Add("infrequent", r => r.TableClass = TableClass.STANDARD_INFREQUENT_ACCESS);
        Add("protected", r => r.DeletionProtectionEnabled = true);
        Add("on-demand-limits", r => r.OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 100, MaxWriteRequestUnits = 50 });
        Add("gsi-limits", r => Index(r, "by-email", "email", ScalarAttributeType.S).OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 40, MaxWriteRequestUnits = 20 });
        Add("warm", r =>
        {
            r.WarmThroughput = new WarmThroughput { ReadUnitsPerSecond = 15000, WriteUnitsPerSecond = 6000 };
            Index(r, "by-email", "email", ScalarAttributeType.S).WarmThroughput = new WarmThroughput { ReadUnitsPerSecond = 13000, WriteUnitsPerSecond = 5000 };
        });
        Add("multi-attribute-gsi", r =>
        {
            // A GSI keyed by two HASH and two RANGE attributes (DynamoDB, November 2025), the order being part of the key.
            r.AttributeDefinitions.AddRange([new("tournament", ScalarAttributeType.S), new("region", ScalarAttributeType.S), new("round", ScalarAttributeType.N), new("bracket", ScalarAttributeType.S)]);
            r.GlobalSecondaryIndexes = [new GlobalSecondaryIndex
            {
                IndexName = "by-bracket",
                KeySchema = [new("tournament", KeyType.HASH), new("region", KeyType.HASH), new("round", KeyType.RANGE), new("bracket", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
            }];
        });
        Add("tagged", r => r.Tags = [new Tag { Key = "team", Value = "payments" }, new Tag { Key = "cost:centre", Value = "4711 ${budget} \"q\"" }, new Tag { Key = "empty", Value = "" }]);
        Add("ttl", _ => { }, ttl: "expires_at");
        Add("pitr-default", _ => { }, recoveryDays: 35);
        Add("pitr-week", r => Provisioned(r), recoveryDays: 7);
        Add("everything", r =>
        {
            Provisioned(r, 20, 10);
            Sorted(r, ScalarAttributeType.S);
            Index(r, "by-email", "email", ScalarAttributeType.S, "sk", new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["name"] });
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE };
            r.SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS };
            r.TableClass = TableClass.STANDARD_INFREQUENT_ACCESS;
            r.DeletionProtectionEnabled = true;
            r.Tags = [new Tag { Key = "owner", Value = "core" }];
        }, ttl: "ttl", recoveryDays: 14);
        return tables;
    }

    public static async Task CreateAsync(IAmazonDynamoDB client, IReadOnlyList<(CreateTableRequest Create, string? TimeToLive, int? RecoveryDays)> tables)
    {
        await Task.WhenAll(tables.Select(async t =>
        {
            await client.CreateTableAsync(t.Create);

            // As on AWS, a table takes TTL and backup settings only once it is ACTIVE.
            await UntilActiveAsync(client, t.Create.TableName);
            if (t.TimeToLive is { } attribute)
            {
                await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = t.Create.TableName, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = true } });
            }

            if (t.RecoveryDays is { } days)
            {
                await client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
                {
                    TableName = t.Create.TableName,
                    PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true, RecoveryPeriodInDays = days },
                });
            }
        }));
    }

    private static async Task UntilActiveAsync(IAmazonDynamoDB client, string table)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(100))
        {
            var description = (await client.DescribeTableAsync(table)).Table;
            if (description.TableStatus == TableStatus.ACTIVE && (description.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{table} did not become ACTIVE in 60 s.");
    }
}
