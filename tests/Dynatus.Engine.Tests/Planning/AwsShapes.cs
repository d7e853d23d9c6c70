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
        var create = Requests.CreateTable(definition);
        var onDemand = create.BillingMode == BillingMode.PAY_PER_REQUEST;
        var table = new TableDescription
        {
            TableName = create.TableName,
            TableArn = Arn + create.TableName,
            TableId = Guid.NewGuid().ToString(),
            TableStatus = TableStatus.ACTIVE,
            CreationDateTime = DateTime.UtcNow.AddDays(-3),
            ItemCount = 1234,
            TableSizeBytes = 56789,
            KeySchema = create.KeySchema,
            AttributeDefinitions = Enumerable.Reverse(create.AttributeDefinitions).ToList(),
            BillingModeSummary = onDemand ? new BillingModeSummary { BillingMode = BillingMode.PAY_PER_REQUEST, LastUpdateToPayPerRequestDateTime = DateTime.UtcNow.AddDays(-3) } : null,
            ProvisionedThroughput = Throughput(create.ProvisionedThroughput),
            DeletionProtectionEnabled = create.DeletionProtectionEnabled ?? false,
            WarmThroughput = new TableWarmThroughputDescription
            {
                ReadUnitsPerSecond = Math.Max(12000, create.WarmThroughput?.ReadUnitsPerSecond ?? 0),
                WriteUnitsPerSecond = Math.Max(4000, create.WarmThroughput?.WriteUnitsPerSecond ?? 0),
                Status = TableStatus.ACTIVE,
            },
            OnDemandThroughput = onDemand ? new OnDemandThroughput { MaxReadRequestUnits = create.OnDemandThroughput?.MaxReadRequestUnits ?? -1, MaxWriteRequestUnits = create.OnDemandThroughput?.MaxWriteRequestUnits ?? -1 } : null,
            TableClassSummary = create.TableClass is null ? null : new TableClassSummary { TableClass = create.TableClass },
            StreamSpecification = create.StreamSpecification is { StreamEnabled: true } ? create.StreamSpecification : null,
            LatestStreamArn = create.StreamSpecification is { StreamEnabled: true } ? Arn + create.TableName + "/stream/2026-01-01T00:00:00.000" : null,
            SSEDescription = create.SSESpecification is { Enabled: true } sse
                ? new SSEDescription { Status = SSEStatus.ENABLED, SSEType = SSEType.KMS, KMSMasterKeyArn = "arn:aws:kms:us-east-1:123456789012:key/" + (sse.KMSMasterKeyId ?? "aws-managed") }
                : null,
            GlobalSecondaryIndexes = create.GlobalSecondaryIndexes?.Select(g => new GlobalSecondaryIndexDescription
            {
                IndexName = g.IndexName,
                IndexArn = Arn + create.TableName + "/index/" + g.IndexName,
                IndexStatus = IndexStatus.ACTIVE,
                IndexSizeBytes = 100,
                ItemCount = 10,
                KeySchema = g.KeySchema,
                Projection = g.Projection,
                ProvisionedThroughput = Throughput(g.ProvisionedThroughput),
                OnDemandThroughput = onDemand ? new OnDemandThroughput { MaxReadRequestUnits = g.OnDemandThroughput?.MaxReadRequestUnits ?? -1, MaxWriteRequestUnits = g.OnDemandThroughput?.MaxWriteRequestUnits ?? -1 } : null,
                WarmThroughput = new GlobalSecondaryIndexWarmThroughputDescription { ReadUnitsPerSecond = 12000, WriteUnitsPerSecond = 4000, Status = IndexStatus.ACTIVE },
            }).ToList(),
            LocalSecondaryIndexes = create.LocalSecondaryIndexes?.Select(l => new LocalSecondaryIndexDescription
            {
                IndexName = l.IndexName,
                IndexArn = Arn + create.TableName + "/index/" + l.IndexName,
                KeySchema = l.KeySchema,
                Projection = l.Projection,
                IndexSizeBytes = 100,
                ItemCount = 10,
            }).ToList(),
        };
        var ttl = definition.TimeToLiveSpecification is { Enabled: true } t
            ? new TimeToLiveDescription { AttributeName = t.AttributeName, TimeToLiveStatus = TimeToLiveStatus.ENABLED }
            : new TimeToLiveDescription { TimeToLiveStatus = TimeToLiveStatus.DISABLED };
        var pitr = definition.PointInTimeRecoverySpecification is { Enabled: true } p
            ? new PointInTimeRecoveryDescription { PointInTimeRecoveryStatus = PointInTimeRecoveryStatus.ENABLED, RecoveryPeriodInDays = p.RecoveryPeriodInDays ?? 35, EarliestRestorableDateTime = DateTime.UtcNow.AddDays(-3), LatestRestorableDateTime = DateTime.UtcNow }
            : new PointInTimeRecoveryDescription { PointInTimeRecoveryStatus = PointInTimeRecoveryStatus.DISABLED };
        // AWS services add tags of their own under aws:, which a definition never lists.
        var tags = (create.Tags ?? []).Append(new Tag { Key = "aws:cloudformation:stack-name", Value = "infra" }).Reverse().ToList();
        return new LiveTable(table, ttl, pitr, tags);
    }

    private static ProvisionedThroughputDescription Throughput(ProvisionedThroughput? throughput) => new()
    {
        ReadCapacityUnits = throughput?.ReadCapacityUnits ?? 0,
        WriteCapacityUnits = throughput?.WriteCapacityUnits ?? 0,
    };
}
