using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Dynatus.Engine;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Seeding;

namespace Dynatus.Aspire.Hosting;

/// <summary>One sync of a resource's tables and seed rows into the DynamoDB at an endpoint, as a build sync does it.</summary>
internal static class TablesSync
{
    /// <summary>The region of referencing resources whose AppHost names none, and so of the tables synced for them.</summary>
    public const string DefaultRegion = "us-east-1";

    public static async Task<SyncResult> RunAsync(string endpoint, DynatusTablesAnnotation files, CancellationToken cancellationToken)
    {
        // A local DynamoDB takes any credentials; these never leave the AppHost. It keeps tables by region, as AWS does:
        // they go where the referencing resources sign for (WithReference gives them us-east-1 where the AppHost names none).
        var region = new[] { Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") }.FirstOrDefault(r => !string.IsNullOrEmpty(r)) ?? DefaultRegion;
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = region });
        var sources = files.Tables.SelectMany(path => Directory.Exists(path) ? TableDefinitionLoader.FindFiles(path).Where(f => !InSeedFolder(path, f)) : [path])
            .Select(file => new DefinitionSource(file));
        var seeds = files.Seeds.SelectMany(path => Directory.Exists(path) ? SeedSource.FindIn(path) : [new SeedSource(path)]).ToList();
        var options = new SyncOptions { Seed = seeds.Count > 0 ? SeedMode.OnCreate : SeedMode.None, Seeds = seeds };
        return await TableSync.SyncSourcesAsync(client, sources, options, cancellationToken).ConfigureAwait(false);
    }

    // A folder of definitions may hold its seed files below seed/, as the package's default items expect.
    private static bool InSeedFolder(string folder, string file) =>
        Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0] == "seed";

    /// <summary>What a failed sync says, a line a problem or table, as in a build.</summary>
    public static IEnumerable<string> Failures(SyncResult result) =>
        result.Problems.Select(p => p.ToString())
            .Concat(result.Tables.Where(m => m.Error is not null).Select(m => $"{m.Table}: {m.Error}"))
            .DefaultIfEmpty(result.Reason ?? "the sync failed");
}
