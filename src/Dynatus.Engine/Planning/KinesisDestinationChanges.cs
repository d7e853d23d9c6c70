using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans the table's Kinesis Data Streams destination, as CloudFormation declares one: another stream is the old one
/// disabled and the new one enabled; another precision is one update; an empty declaration disables every destination.
/// </summary>
internal static class KinesisDestinationChanges
{
    public static void Add(Table desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.KinesisStreamSpecification is not { } wanted)
        {
            return;
        }

        var streaming = Compare.Streaming(live.KinesisDestinations);
        foreach (var other in streaming.Where(d => d.StreamArn != wanted.StreamArn))
        {
            plan.Add($"KinesisStreamSpecification: {other.StreamArn} -> off", UpdateSteps.Setting(new DisableKinesisStreamingStep(new DisableKinesisStreamingDestinationRequest { TableName = plan.TableName, StreamArn = other.StreamArn })));
        }

        if (wanted.StreamArn is not { } arn)
        {
            return;
        }

        var precision = wanted.ApproximateCreationDateTimePrecision ?? AwsDefaults.KinesisCreationTimePrecision;
        if (streaming.FirstOrDefault(d => d.StreamArn == arn) is not { } current)
        {
            plan.Add($"KinesisStreamSpecification: {arn} ({precision}): enable", UpdateSteps.Setting(Enable(plan.TableName, arn, precision)));
        }
        else if (Compare.Precision(current) != precision)
        {
            plan.Add(
                $"KinesisStreamSpecification {arn}: ApproximateCreationDateTimePrecision {Compare.Precision(current)} -> {precision}",
                UpdateSteps.Setting(new UpdateKinesisStreamingStep(new UpdateKinesisStreamingDestinationRequest
                {
                    TableName = plan.TableName,
                    StreamArn = arn,
                    UpdateKinesisStreamingConfiguration = new UpdateKinesisStreamingConfiguration { ApproximateCreationDateTimePrecision = precision },
                })));
        }
    }

    /// <summary>What a new table's creation is followed by: its destination, if it declares one.</summary>
    public static IEnumerable<EnableKinesisStreamingStep> AfterCreate(Table desired) =>
        desired.KinesisStreamSpecification is { StreamArn: { } arn } wanted
            ? [Enable(desired.TableName, arn, wanted.ApproximateCreationDateTimePrecision ?? AwsDefaults.KinesisCreationTimePrecision)]
            : [];

    private static EnableKinesisStreamingStep Enable(string table, string arn, ApproximateCreationDateTimePrecision precision) => new(new EnableKinesisStreamingDestinationRequest
    {
        TableName = table,
        StreamArn = arn,
        EnableKinesisStreamingConfiguration = new EnableKinesisStreamingConfiguration { ApproximateCreationDateTimePrecision = precision },
    });
}
