using System.Globalization;
using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Dynatus.Testing;

/// <summary>
/// The DynamoDB a test assembly's shared tests use: the local server it starts, or, in an AWS run
/// (<see cref="TestTarget.IsAws"/>), the account's, where it deletes every table of the run at the end.
/// </summary>
public sealed class SharedDynamoDb : IAsyncDisposable
{
    // An upper bound for one test of the AWS run: the template corpus test makes 20-odd tables, and the largest
    // test writes 1,000 small items and reads them back a few times.
    private const int TablesPerTest = 25;
    private const int WritesPerTest = 2_000;
    private const int ReadsPerTest = 5_000;

    // On-demand request prices in us-east-1 since November 2024, in dollars per million request units.
    private const double WritePrice = 0.625;
    private const double ReadPrice = 0.125;

    private readonly LocalDynamoDb? local;
    private readonly IReadOnlySet<string> existing;

    private SharedDynamoDb(LocalDynamoDb? local, IReadOnlySet<string> existing, string description)
    {
        this.local = local;
        this.existing = existing;
        Description = description;
    }

    /// <summary>The local server's endpoint; null in an AWS run, where the AWS SDK resolves it from the environment.</summary>
    public string? Endpoint => local?.Endpoint;

    /// <summary>How a sync's summary names this target: the endpoint, or <c>AWS (region, URL)</c>.</summary>
    public string Description { get; }

    /// <summary>The local server, or nothing in an AWS run.</summary>
    /// <param name="tests">The test assembly, whose tests an AWS run counts for its cost estimate.</param>
    public static async Task<SharedDynamoDb> StartAsync(Assembly tests)
    {
        if (!TestTarget.IsAws)
        {
            var server = await LocalDynamoDb.StartAsync();
            return new SharedDynamoDb(server, new HashSet<string>(), server.Endpoint);
        }

        using var client = new AmazonDynamoDBClient();
        var config = client.Config;
        var description = config.ServiceURL?.TrimEnd('/')
            ?? $"AWS ({config.RegionEndpoint.SystemName}, {client.DetermineServiceOperationEndpoint(new ListTablesRequest()).URL.TrimEnd('/')})";
        var selected = SelectedTests(tests);
        Report($"""
            Dynatus AWS test run of {tests.GetName().Name} against {description}: {selected} tests, tables named {TestTarget.Prefix}*, on-demand.
            Estimated cost, at most: {selected * TablesPerTest} tables for minutes each (no charge of their own), {selected * WritesPerTest:N0} write and {selected * ReadsPerTest:N0} read request units: ${selected * (WritesPerTest * WritePrice + ReadsPerTest * ReadPrice) / 1e6:0.00} at us-east-1 on-demand prices (${WritePrice} and ${ReadPrice} a million), plus backups of under 1 MB each at $0.10 a GB-month, deleted at the end.
            """);
        return new SharedDynamoDb(null, (await ListTablesAsync(client)).ToHashSet(StringComparer.Ordinal), description);
    }

    /// <summary>A client of the run's DynamoDB; <paramref name="region"/> names another region than the run's.</summary>
    public AmazonDynamoDBClient CreateClient(int maxErrorRetry = 2, string? region = null) =>
        local?.CreateClient(maxErrorRetry, region ?? "us-east-1")
        ?? new AmazonDynamoDBClient(region is null ? new AmazonDynamoDBConfig { MaxErrorRetry = maxErrorRetry } : new AmazonDynamoDBConfig { MaxErrorRetry = maxErrorRetry, RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region) });

    /// <summary>Stops the local server; in an AWS run, deletes every table of the run (and their backups), tests failed or not.</summary>
    /// <exception cref="InvalidOperationException">An AWS run made a table outside its prefix, or a provisioned one.</exception>
    public async ValueTask DisposeAsync()
    {
        if (local is not null)
        {
            await local.DisposeAsync();
            return;
        }

        using var client = CreateClient(maxErrorRetry: 10);
        var tables = await ListTablesAsync(client);
        var ours = tables.Where(t => t.StartsWith(TestTarget.Prefix, StringComparison.Ordinal)).ToList();
        var strays = tables.Where(t => !existing.Contains(t) && !ours.Contains(t)).ToList();
        var provisioned = new List<string>();
        var backups = 0;
        foreach (var table in ours)
        {
            var (wasProvisioned, deletedBackups) = await DeleteAsync(client, table);
            backups += deletedBackups;
            if (wasProvisioned)
            {
                provisioned.Add(table);
            }
        }

        Report($"Deleted {ours.Count} table(s) and {backups} backup(s) left under {TestTarget.Prefix}.");
        if (strays.Count + provisioned.Count > 0)
        {
            var message = $"The AWS run must make only on-demand tables under {TestTarget.Prefix}. Outside the prefix, left alone: [{string.Join(", ", strays)}]. Provisioned (deleted): [{string.Join(", ", provisioned)}].";
            Report(message);
            throw new InvalidOperationException(message);
        }
    }

    private static int SelectedTests(Assembly tests) =>
        tests.GetTypes()
            .Where(type => type.GetCustomAttribute<TestClassAttribute>() is not null && type.GetCustomAttribute<LocalServerOnlyAttribute>() is null)
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttribute<TestMethodAttribute>() is not null && method.GetCustomAttribute<LocalServerOnlyAttribute>() is null)
            .Sum(method => Math.Max(1, method.GetCustomAttributes<DataRowAttribute>().Count()));

    // Deletion protection off, backups deleted, then the table: whatever state a failed test left it in.
    private static async Task<(bool Provisioned, int Backups)> DeleteAsync(AmazonDynamoDBClient client, string table)
    {
        var description = await WaitUntilSettledAsync(client, table);
        if (description.DeletionProtectionEnabled == true)
        {
            await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, DeletionProtectionEnabled = false });
            await WaitUntilSettledAsync(client, table);
        }

        var backups = (await client.ListBackupsAsync(new ListBackupsRequest { TableName = table })).BackupSummaries ?? [];
        foreach (var backup in backups)
        {
            await client.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = backup.BackupArn });
        }

        await client.DeleteTableAsync(table);
        return (description.BillingModeSummary?.BillingMode != BillingMode.PAY_PER_REQUEST, backups.Count);
    }

    private static async Task<TableDescription> WaitUntilSettledAsync(AmazonDynamoDBClient client, string table)
    {
        for (var attempt = 0; ; attempt++)
        {
            var description = (await client.DescribeTableAsync(table)).Table;
            if (attempt == 600 || (description.TableStatus == TableStatus.ACTIVE && (description.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE)))
            {
                return description;
            }

            await Task.Delay(1000);
        }
    }

    private static async Task<List<string>> ListTablesAsync(AmazonDynamoDBClient client)
    {
        var names = new List<string>();
        string? start = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start });
            names.AddRange(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);
        return names;
    }

    // Test output is captured per test; the AWS run's lines go to a file its script prints, and to standard error.
    private static void Report(string text)
    {
        Console.Error.WriteLine(text);
        if (TestTarget.ReportFile is { } file)
        {
            File.AppendAllText(file, text + Environment.NewLine, System.Text.Encoding.UTF8);
        }
    }
}
