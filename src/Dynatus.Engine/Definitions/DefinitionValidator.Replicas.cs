using Amazon.DynamoDBv2;
using System.Text.RegularExpressions;

namespace Dynatus.Engine.Definitions;

// Replicas (global tables version 2019.11.21).
internal sealed partial class DefinitionValidator
{
    // AWS's region names: us-east-1, eu-central-2, us-gov-west-1, ap-southeast-5.
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionName();

    private void CheckReplicas(TableDefinition table)
    {
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var replica in table.Replicas ?? [])
        {
            if (Spelled(replica, replica.RegionName, replica.Region) is not var (region, field))
            {
                continue;
            }

            CheckReplicaOverrides(table, replica);
            CheckRecovery(replica.PointInTimeRecoverySpecification);
            CheckContributorInsights(replica.ContributorInsightsSpecification);
            CheckTags(replica.Tags);
            CheckResourcePolicy(replica.ResourcePolicy);
            CheckResourcePolicy(replica.ReplicaStreamSpecification?.ResourcePolicy);
            CheckKinesisDestination(replica.KinesisStreamSpecification, region);
            if (IsRegion(replica, field, region) && !regions.Add(region))
            {
                Report(ProblemCodes.DuplicateName, $"The region '{region}' is listed twice in Replicas.", replica, field);
            }
        }

        CheckConsistency(table, regions);

        // DynamoDB replicates through the table's stream: it turns it on with the first replica, and keeps it.
        if (regions.Count > 0 && table.StreamSpecification is { StreamEnabled: false } stream)
        {
            Report(ProblemCodes.InvalidStream, "A table with Replicas has its stream on: DynamoDB replicates through it (and turns it on, NEW_AND_OLD_IMAGES, with the first replica). Remove StreamEnabled: false, or the replicas.", stream, nameof(stream.StreamEnabled));
        }
    }

    // The region a replica or witness names, in DescribeTable's spelling or CloudFormation's; null once the problem is reported.
    private (string Region, string Field)? Spelled(DefinitionNode owner, string? regionName, string? region)
    {
        if (regionName is not null && region is not null)
        {
            Report(ProblemCodes.MixedSpellings, "RegionName (DescribeTable's spelling) and Region (CloudFormation's) say the same thing: write one of them.", owner, nameof(ReplicaDefinition.Region));
            return null;
        }

        var field = region is null ? nameof(ReplicaDefinition.RegionName) : nameof(ReplicaDefinition.Region);
        return Required(owner, field, regionName ?? region) ? ((regionName ?? region)!, field) : null;
    }

    private bool IsRegion(DefinitionNode owner, string field, string region)
    {
        if (!RegionName().IsMatch(region))
        {
            Report(ProblemCodes.InvalidValue, $"'{region}' is not an AWS region name (such as eu-west-1).", owner, field);
            return false;
        }

        return true;
    }

    // A replica's own class and read throughput (CreateReplicationGroupMemberAction), and its indexes' (each one of the
    // table's, once): capacity for a provisioned table, a maximum for an on-demand one, as the table's own throughput.
    private void CheckReplicaOverrides(TableDefinition table, ReplicaDefinition replica)
    {
        OneOf(replica, nameof(replica.TableClassOverride), replica.TableClassOverride, TableClasses);
        if (replica.KMSMasterKeyId is not null && (table.SSESpecification is not { } sse || (sse.Enabled ?? sse.SSEEnabled) != true))
        {
            Report(ProblemCodes.InvalidValue, "A replica's KMSMasterKeyId is its region's key for the table's KMS encryption: give the table SSESpecification with Enabled: true (SSEType KMS), or remove the key.", replica, nameof(replica.KMSMasterKeyId));
        }

        var onDemand = table.BillingMode == BillingMode.PAY_PER_REQUEST.Value;
        CheckReadOverrides(onDemand, replica, replica.ProvisionedThroughputOverride, replica.OnDemandThroughputOverride);
        CheckAutoScaling(replica, replica.ReadProvisionedThroughputSettings, write: null, onDemand);
        var indexes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in replica.GlobalSecondaryIndexes ?? [])
        {
            if (!Required(index, nameof(index.IndexName), index.IndexName))
            {
                continue;
            }

            if ((table.GlobalSecondaryIndexes ?? []).All(g => g.IndexName != index.IndexName))
            {
                Report(ProblemCodes.InvalidValue, $"'{index.IndexName}' is not one of the table's GlobalSecondaryIndexes.", index, nameof(index.IndexName));
            }
            else if (!indexes.Add(index.IndexName!))
            {
                Report(ProblemCodes.DuplicateName, $"The index '{index.IndexName}' is listed twice in the replica's GlobalSecondaryIndexes.", index, nameof(index.IndexName));
            }

            CheckReadOverrides(onDemand, index, index.ProvisionedThroughputOverride, index.OnDemandThroughputOverride);
            CheckAutoScaling(index, index.ReadProvisionedThroughputSettings, write: null, onDemand);
            CheckContributorInsights(index.ContributorInsightsSpecification);
        }
    }

    private void CheckReadOverrides(bool onDemand, DefinitionNode owner, ReplicaReadCapacityDefinition? read, ReplicaReadMaximumDefinition? maximum)
    {
        if (read is not null)
        {
            if (onDemand)
            {
                Report(ProblemCodes.ThroughputMismatch, "ProvisionedThroughputOverride is not allowed in a replica of an on-demand table: use OnDemandThroughputOverride.", owner, nameof(ReplicaDefinition.ProvisionedThroughputOverride));
            }
            else if (Required(read, nameof(read.ReadCapacityUnits), read.ReadCapacityUnits))
            {
                AtLeast(read, nameof(read.ReadCapacityUnits), read.ReadCapacityUnits, 1);
            }
        }

        if (maximum is not null)
        {
            if (!onDemand)
            {
                Report(ProblemCodes.ThroughputMismatch, "OnDemandThroughputOverride is allowed only in a replica of an on-demand table (BillingMode: PAY_PER_REQUEST).", owner, nameof(ReplicaDefinition.OnDemandThroughputOverride));
            }
            else if (Required(maximum, nameof(maximum.MaxReadRequestUnits), maximum.MaxReadRequestUnits))
            {
                AtLeast(maximum, nameof(maximum.MaxReadRequestUnits), maximum.MaxReadRequestUnits, 1, allowUnlimited: true);
            }
        }
    }
}
