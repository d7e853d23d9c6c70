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
            if (replica.RegionName is not null && replica.Region is not null)
            {
                Report(ProblemCodes.MixedSpellings, "RegionName (DescribeTable's spelling) and Region (CloudFormation's) say the same thing: write one of them.", replica, nameof(replica.Region));
                continue;
            }

            var field = replica.Region is null ? nameof(replica.RegionName) : nameof(replica.Region);
            if (!Required(replica, field, replica.RegionName ?? replica.Region))
            {
                continue;
            }

            var region = (replica.RegionName ?? replica.Region)!;
            if (!RegionName().IsMatch(region))
            {
                Report(ProblemCodes.InvalidValue, $"'{region}' is not an AWS region name (such as eu-west-1).", replica, field);
            }
            else if (!regions.Add(region))
            {
                Report(ProblemCodes.DuplicateName, $"The region '{region}' is listed twice in Replicas.", replica, field);
            }
        }

        // DynamoDB replicates through the table's stream: it turns it on with the first replica, and keeps it.
        if (regions.Count > 0 && table.StreamSpecification is { StreamEnabled: false } stream)
        {
            Report(ProblemCodes.InvalidStream, "A table with Replicas has its stream on: DynamoDB replicates through it (and turns it on, NEW_AND_OLD_IMAGES, with the first replica). Remove StreamEnabled: false, or the replicas.", stream, nameof(stream.StreamEnabled));
        }
    }
}
