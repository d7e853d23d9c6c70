using Amazon.DynamoDBv2;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Definitions;

// Multi-Region strong consistency (MRSC), as the CloudFormation template reference (AWS::DynamoDB::GlobalTable
// GlobalTableWitness) and the DynamoDB API reference (GlobalTableWitnessGroupUpdate) state it: "either three replicas,
// or two replicas and one witness", one witness a table, in a region of its own, all within one region set.
internal sealed partial class DefinitionValidator
{
    private static readonly string Strong = MultiRegionConsistency.STRONG.Value;

    private static readonly string Eventual = MultiRegionConsistency.EVENTUAL.Value;

    private static readonly string[] Consistencies = [Eventual, Strong];

    private void CheckConsistency(TableDefinition table, HashSet<string> replicas)
    {
        OneOf(table, nameof(table.MultiRegionConsistency), table.MultiRegionConsistency, Consistencies);
        var witnesses = new List<string>();
        foreach (var witness in table.GlobalTableWitnesses ?? [])
        {
            if (Spelled(witness, witness.RegionName, witness.Region) is not var (region, field) || !IsRegion(witness, field, region))
            {
                continue;
            }

            if (replicas.Contains(region))
            {
                Report(ProblemCodes.DuplicateName, $"The region '{region}' is both a replica and the witness: a witness is a region of its own.", witness, field);
            }
            else if (witnesses.Count > 0)
            {
                Report(ProblemCodes.InvalidValue, "A global table has one witness at most.", witness, field);
            }

            witnesses.Add(region);
        }

        // A misspelled consistency is its own problem, not also a missing STRONG.
        if (table.GlobalTableWitnesses is { Count: > 0 } && (table.MultiRegionConsistency is null || table.MultiRegionConsistency == Eventual))
        {
            Report(ProblemCodes.InvalidValue, "A witness serves only a multi-Region strongly consistent global table: add MultiRegionConsistency: STRONG, or remove GlobalTableWitnesses.", table, nameof(table.GlobalTableWitnesses));
        }

        if (table.MultiRegionConsistency is not null && table.Replicas is null)
        {
            Report(ProblemCodes.InvalidValue, "MultiRegionConsistency is the consistency of the table's replicas: declare them in Replicas.", table, nameof(table.MultiRegionConsistency));
        }
        else if (table.MultiRegionConsistency == Strong)
        {
            var others = (table.Replicas?.Count ?? 0) + (table.GlobalTableWitnesses?.Count ?? 0);
            if (others != 2)
            {
                Report(ProblemCodes.InvalidValue, $"A multi-Region strongly consistent global table is in exactly three regions: its own and two Replicas, or one replica and one witness (GlobalTableWitnesses); this one declares {others} besides its own. To make it a single-region table, remove MultiRegionConsistency and GlobalTableWitnesses with the replicas.", table, nameof(table.MultiRegionConsistency));
            }
            else if (!RegionSets.OneSet(replicas.Concat(witnesses)))
            {
                Report(ProblemCodes.InvalidValue, $"A multi-Region strongly consistent global table's regions ({string.Join(", ", replicas.Concat(witnesses))}) are all in one region set: {RegionSets.Listed}.", table, nameof(table.MultiRegionConsistency));
            }
        }
    }
}
