using Amazon.DynamoDBv2;
namespace Dynatus.Engine.Definitions;

// Billing mode and the throughput it requires or forbids.
internal sealed partial class DefinitionValidator
{
    private void CheckThroughput(TableDefinition table)
    {
        OneOf(table, nameof(table.BillingMode), table.BillingMode, BillingModes);
        if ((table.BillingMode is { } mode && !BillingModes.Contains(mode)) || table.WasReported(nameof(table.BillingMode)))
        {
            // Which throughput is right depends on the billing mode, which is itself wrong: one error is enough.
            return;
        }

        var onDemand = table.BillingMode == BillingMode.PAY_PER_REQUEST.Value;
        var holders = new List<(DefinitionNode Node, ProvisionedThroughputDefinition? Throughput)> { (table, table.ProvisionedThroughput) };
        holders.AddRange((table.GlobalSecondaryIndexes ?? []).Select(g => ((DefinitionNode)g, g.ProvisionedThroughput)));
        foreach (var (node, throughput) in holders)
        {
            if (onDemand && throughput is not null)
            {
                Report(ProblemCodes.ThroughputMismatch, $"ProvisionedThroughput is not allowed in {Describe(node)}: BillingMode is PAY_PER_REQUEST.", node, nameof(table.ProvisionedThroughput));
            }
            else if (!onDemand && throughput is null)
            {
                Report(ProblemCodes.ThroughputMismatch, $"ProvisionedThroughput is required in {Describe(node)}: BillingMode is PROVISIONED{(table.BillingMode is null ? " (DynamoDB's default; write BillingMode: PAY_PER_REQUEST for on-demand)" : string.Empty)}.", node, nameof(table.ProvisionedThroughput));
            }
            else if (throughput is not null)
            {
                foreach (var (field, value) in new[] { (nameof(throughput.ReadCapacityUnits), throughput.ReadCapacityUnits), (nameof(throughput.WriteCapacityUnits), throughput.WriteCapacityUnits) })
                {
                    if (Required(throughput, field, value))
                    {
                        AtLeast(throughput, field, value, 1);
                    }
                }
            }
        }

        CheckOptionalThroughput(table.OnDemandThroughput, table.WarmThroughput);
        CheckAutoScaling(table, table.ReadProvisionedThroughputSettings, table.WriteProvisionedThroughputSettings, onDemand);
        foreach (var index in table.GlobalSecondaryIndexes ?? [])
        {
            CheckOptionalThroughput(index.OnDemandThroughput, index.WarmThroughput);
            CheckAutoScaling(index, index.ReadProvisionedThroughputSettings, index.WriteProvisionedThroughputSettings, onDemand);
        }
    }

    private void CheckOptionalThroughput(OnDemandThroughputDefinition? onDemand, WarmThroughputDefinition? warm)
    {
        if (onDemand is not null)
        {
            AtLeast(onDemand, nameof(onDemand.MaxReadRequestUnits), onDemand.MaxReadRequestUnits, 1, allowUnlimited: true);
            AtLeast(onDemand, nameof(onDemand.MaxWriteRequestUnits), onDemand.MaxWriteRequestUnits, 1, allowUnlimited: true);
        }

        if (warm is not null)
        {
            AtLeast(warm, nameof(warm.ReadUnitsPerSecond), warm.ReadUnitsPerSecond, 1);
            AtLeast(warm, nameof(warm.WriteUnitsPerSecond), warm.WriteUnitsPerSecond, 1);
        }
    }
}
