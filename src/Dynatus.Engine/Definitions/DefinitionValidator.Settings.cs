using Dynatus.Engine.Model;

namespace Dynatus.Engine.Definitions;

// Stream, SSE, TTL, tags, point-in-time recovery, contributor insights, the resource policy and the Kinesis destination.
internal sealed partial class DefinitionValidator
{
    private void CheckStreamAndSettings(TableDefinition table)
    {
        OneOf(table, nameof(table.TableClass), table.TableClass, TableClasses);
        // CloudFormation writes a stream as its StreamViewType alone, which means on.
        if (table.StreamSpecification is { } stream && (stream.StreamViewType is not null || Required(stream, nameof(stream.StreamEnabled), stream.StreamEnabled)))
        {
            if (stream.StreamEnabled == true && stream.StreamViewType is null)
            {
                Report(ProblemCodes.InvalidStream, $"StreamViewType is required when StreamEnabled is true: one of {string.Join(", ", StreamViewTypes)}.", stream, nameof(stream.StreamEnabled));
            }
            else if (stream.StreamEnabled == false && stream.StreamViewType is not null)
            {
                Report(ProblemCodes.InvalidStream, "StreamViewType is not allowed when StreamEnabled is false.", stream, nameof(stream.StreamViewType));
            }

            OneOf(stream, nameof(stream.StreamViewType), stream.StreamViewType, StreamViewTypes);
            CheckResourcePolicy(stream.ResourcePolicy);
            if (stream.StreamEnabled == false && stream.ResourcePolicy?.PolicyDocument is not null)
            {
                Report(ProblemCodes.InvalidStream, "A stream's ResourcePolicy needs the stream on (StreamEnabled: true).", stream, nameof(stream.ResourcePolicy));
            }
        }

        if (table.SSESpecification is { } sse)
        {
            OneOf(sse, nameof(sse.SSEType), sse.SSEType, ["KMS"]);
            if (sse.Enabled is not null && sse.SSEEnabled is not null)
            {
                Report(ProblemCodes.MixedSpellings, "Enabled (the CreateTable spelling) and SSEEnabled (CloudFormation's) say the same thing: write one of them.", sse, nameof(sse.SSEEnabled));
            }
            else if ((sse.Enabled ?? sse.SSEEnabled) != true && (sse.KMSMasterKeyId ?? sse.SSEType) is not null)
            {
                Report(ProblemCodes.InvalidValue, "SSEType and KMSMasterKeyId are allowed only when Enabled (SSEEnabled) is true.", sse, sse.SSEEnabled is null ? nameof(sse.Enabled) : nameof(sse.SSEEnabled));
            }
        }

        if (table.TimeToLiveSpecification is { } ttl)
        {
            Required(ttl, nameof(ttl.AttributeName), ttl.AttributeName);
            Required(ttl, nameof(ttl.Enabled), ttl.Enabled);
        }
    }

    private void CheckTags(IReadOnlyList<TagDefinition>? tags)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            Required(tag, nameof(tag.Value), tag.Value);
            if (!Required(tag, nameof(tag.Key), tag.Key))
            {
                continue;
            }

            if (tag.Key!.Length is 0 or > 128 || tag.Value?.Length > 256)
            {
                Report(ProblemCodes.OutOfRange, "A tag key has 1 to 128 characters and a value at most 256.", tag, nameof(tag.Key));
            }
            else if (AwsDefaults.IsAwsTag(tag.Key))
            {
                Report(ProblemCodes.InvalidValue, $"The tag key '{tag.Key}' starts with 'aws:', which AWS reserves for itself.", tag, nameof(tag.Key));
            }
            else if (!keys.Add(tag.Key))
            {
                Report(ProblemCodes.DuplicateName, $"The tag key '{tag.Key}' is used twice.", tag, nameof(tag.Key));
            }
        }
    }

    private void CheckRecovery(PointInTimeRecoverySpecificationDefinition? pitr)
    {
        if (pitr is null)
        {
            return;
        }

        Required(pitr, nameof(pitr.PointInTimeRecoveryEnabled), pitr.PointInTimeRecoveryEnabled);
        if (pitr.RecoveryPeriodInDays is { } days && (days < 1 || days > AwsDefaults.RecoveryPeriodInDays))
        {
            Report(ProblemCodes.OutOfRange, $"RecoveryPeriodInDays must be 1 to {AwsDefaults.RecoveryPeriodInDays}, but is {days}.", pitr, nameof(pitr.RecoveryPeriodInDays));
        }
        else if (pitr.RecoveryPeriodInDays is not null && pitr.PointInTimeRecoveryEnabled == false)
        {
            Report(ProblemCodes.InvalidValue, "RecoveryPeriodInDays is allowed only when PointInTimeRecoveryEnabled is true.", pitr, nameof(pitr.RecoveryPeriodInDays));
        }
    }

    private void CheckContributorInsights(ContributorInsightsSpecificationDefinition? insights)
    {
        if (insights is null)
        {
            return;
        }

        Required(insights, nameof(insights.Enabled), insights.Enabled);
        OneOf(insights, nameof(insights.Mode), insights.Mode, ContributorInsightsModes);
        if (insights.Mode is not null && insights.Enabled == false)
        {
            Report(ProblemCodes.InvalidValue, "Mode is allowed only when Enabled is true.", insights, nameof(insights.Mode));
        }
    }

    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html: at most 20 KB, checked
    // here so that no call is made with a policy DynamoDB refuses.
    private void CheckResourcePolicy(ResourcePolicyDefinition? policy)
    {
        if (policy?.PolicyDocument is not { } document)
        {
            return;
        }

        if (document is not System.Text.Json.Nodes.JsonObject { } statements || !statements.ContainsKey("Statement"))
        {
            Report(ProblemCodes.InvalidValue, "PolicyDocument must be an IAM policy: a mapping with a Statement.", policy, nameof(policy.PolicyDocument));
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(document.ToJsonString()) is var size && size > AwsDefaults.MaxResourcePolicyBytes)
        {
            Report(ProblemCodes.OutOfRange, $"PolicyDocument is {size} bytes as JSON; DynamoDB takes at most {AwsDefaults.MaxResourcePolicyBytes}.", policy, nameof(policy.PolicyDocument));
        }
    }

    // A replica's destination is in the replica's region: "the Kinesis data stream must exist in the same account and
    // region as the DynamoDB table" (Terraform's aws_dynamodb_kinesis_streaming_destination); a table's own region is
    // known only when the sync runs.
    private void CheckKinesisDestination(KinesisStreamSpecificationDefinition? kinesis, string? region)
    {
        if (kinesis is null)
        {
            return;
        }

        OneOf(kinesis, nameof(kinesis.ApproximateCreationDateTimePrecision), kinesis.ApproximateCreationDateTimePrecision, CreationTimePrecisions);
        if (kinesis.StreamArn is null && kinesis.ApproximateCreationDateTimePrecision is not null)
        {
            Report(ProblemCodes.MissingField, "StreamArn is required with ApproximateCreationDateTimePrecision (an empty KinesisStreamSpecification means no destination).", kinesis, nameof(kinesis.ApproximateCreationDateTimePrecision));
        }
        else if (kinesis.StreamArn is { } arn && !KinesisStreamArn().IsMatch(arn))
        {
            Report(ProblemCodes.InvalidValue, $"StreamArn must be a Kinesis data stream's ARN (arn:aws:kinesis:region:account:stream/name), not '{arn}'.", kinesis, nameof(kinesis.StreamArn));
        }
        else if (region is not null && kinesis.StreamArn?.Split(':')[3] is { } streamRegion && streamRegion != region)
        {
            Report(ProblemCodes.InvalidValue, $"StreamArn must be a Kinesis data stream in the replica's region, {region}; this one is in {streamRegion}.", kinesis, nameof(kinesis.StreamArn));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^arn:aws[\w-]*:kinesis:[a-z0-9-]+:\d{12}:stream/[a-zA-Z0-9_.-]{1,128}$")]
    private static partial System.Text.RegularExpressions.Regex KinesisStreamArn();
}
