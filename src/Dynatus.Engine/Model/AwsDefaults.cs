using Amazon.DynamoDBv2;

namespace Dynatus.Engine.Model;

/// <summary>
/// What DynamoDB does or shows where a table leaves a setting out: the one place the validator, the planner (a live
/// value that equals the default is no drift) and the exporter (a default is not written out) read them from.
/// </summary>
internal static class AwsDefaults
{
    /// <summary>The billing mode of a table created without one.</summary>
    public static readonly BillingMode BillingMode = BillingMode.PROVISIONED;

    /// <summary>The projection of an index DescribeTable shows without one.</summary>
    public static readonly ProjectionType ProjectionType = ProjectionType.ALL;

    /// <summary>The table class of a table created without one.</summary>
    public static readonly TableClass TableClass = TableClass.STANDARD;

    /// <summary>Point-in-time recovery's period when enabled without one, and its most (UpdateContinuousBackups: 1 to 35).</summary>
    public const int RecoveryPeriodInDays = 35;

    /// <summary>What DescribeTable shows for an on-demand maximum nobody set: no limit.</summary>
    public const long NoOnDemandLimit = -1;

    /// <summary>Warm throughput every table and index has without asking, in read and write units per second.</summary>
    public const long WarmReadUnits = 12000;

    /// <inheritdoc cref="WarmReadUnits"/>
    public const long WarmWriteUnits = 4000;

    /// <summary>What contributor insights record when enabled without a mode (UpdateContributorInsights).</summary>
    public static readonly ContributorInsightsMode ContributorInsightsMode = ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS;

    /// <summary>The precision of a Kinesis record's creation time when a destination is enabled without one.</summary>
    public static readonly ApproximateCreationDateTimePrecision KinesisCreationTimePrecision = ApproximateCreationDateTimePrecision.MILLISECOND;

    /// <summary>The largest resource-based policy DynamoDB takes, in bytes of its JSON.</summary>
    public const int MaxResourcePolicyBytes = 20 * 1024;

    /// <summary>The region a local endpoint is signed for when nothing names one, and a template's AWS::Region by default.</summary>
    public const string Region = "us-east-1";

    /// <summary>A global table's consistency when its replicas were added without one (multi-Region eventual consistency).</summary>
    public static readonly MultiRegionConsistency MultiRegionConsistency = MultiRegionConsistency.EVENTUAL;

    /// <summary>Whether a target tracking policy put without DisableScaleIn only scales out: it scales in too.</summary>
    public const bool DisableScaleIn = false;

    /// <summary>Tags AWS sets on its own (CloudFormation's aws:cloudformation:*), which users cannot set or remove.</summary>
    public static bool IsAwsTag(string key) => key.StartsWith("aws:", StringComparison.Ordinal);
}
