namespace Dynatus.Engine.Model;

/// <summary>
/// The region sets a multi-Region strongly consistent (MRSC) global table's three regions must share, replicas and
/// witness alike (AWS::DynamoDB::GlobalTable GlobalTableWitness, CloudFormation template reference).
/// </summary>
internal static class RegionSets
{
    private static readonly Dictionary<string, string> SetOf = new[]
    {
        (Name: "US", Regions: new[] { "us-east-1", "us-east-2", "us-west-2" }),
        (Name: "EU", Regions: new[] { "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1" }),
        (Name: "AP", Regions: new[] { "ap-northeast-1", "ap-northeast-2", "ap-northeast-3" }),
    }.SelectMany(set => set.Regions.Select(region => (Region: region, Set: set.Name))).ToDictionary(p => p.Region, p => p.Set, StringComparer.Ordinal);

    /// <summary>How a message lists them.</summary>
    public const string Listed = "US (us-east-1, us-east-2, us-west-2), EU (eu-west-1, eu-west-2, eu-west-3, eu-central-1) or AP (ap-northeast-1, ap-northeast-2, ap-northeast-3)";

    /// <summary>The set a region is in; null: none, so no MRSC table can be there.</summary>
    public static string? Of(string region) => SetOf.GetValueOrDefault(region);

    /// <summary>True when every region is in one and the same set.</summary>
    public static bool OneSet(IEnumerable<string> regions) => regions.Select(Of).Distinct().ToList() is [{ }];
}
