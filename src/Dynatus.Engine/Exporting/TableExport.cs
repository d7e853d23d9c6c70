using System.Globalization;
using Amazon.DynamoDBv2;
using Dynatus.Engine.Applying;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Exporting;

/// <summary>What to export, and how.</summary>
public sealed class ExportOptions
{
    /// <summary>The tables, by their full names; empty: every table the client can list (with a prefix, those that start with it).</summary>
    public IReadOnlyList<string> TableNames { get; init; } = [];

    /// <summary>Stripped from table names and file names: <c>prod-users</c> is written as <c>users.yaml</c>, <c>TableName: users</c>.</summary>
    public string? TablePrefix { get; init; }

    /// <summary>Overwrite files that exist; by default an existing file stops the export before anything is written.</summary>
    public bool Overwrite { get; init; }

    /// <summary>How the user asks for <see cref="Overwrite"/>, named in the advice of an existing file (DYN208): the tool's <c>--force</c>, MSBuild's property.</summary>
    public string OverwriteSetting { get; init; } = "Overwrite = true in ExportOptions";
}

/// <summary>A file an export wrote.</summary>
/// <param name="Table">The live table's full name.</param>
/// <param name="Path">The definition file.</param>
public sealed record ExportedFile(string Table, string Path);

/// <summary>What an export did: the files it wrote, or why it wrote none.</summary>
public sealed record ExportResult
{
    /// <summary>The files written, in table-name order; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<ExportedFile> Files { get; init; } = [];

    /// <summary>Why nothing was written, when nothing was.</summary>
    public SyncError? Error { get; init; }
}

/// <summary>
/// Writes Dynatus definitions of live tables, one file a table: the way to adopt tables that already exist. The
/// plan of the written files against the same tables is noop. Every table is read before any file is written, so a
/// missing table, a failed read or an existing file leaves the folder as it was.
/// </summary>
public static class TableExport
{
    /// <summary>Exports tables into <paramref name="folder"/>.</summary>
    /// <param name="client">The DynamoDB client whose tables are read.</param>
    /// <param name="folder">Where the files go; made if missing.</param>
    /// <param name="options">Which tables, and how.</param>
    /// <param name="cancellationToken">Stops every call.</param>
    public static async Task<ExportResult> ExportAsync(IAmazonDynamoDB client, string folder, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new ExportOptions();
        var name = "(listing)";
        using var regions = new RegionalClients(client);
        using var autoScaling = new ScalableTargets(client, new SyncOptions());
        try
        {
            var names = options.TableNames.Count > 0
                ? options.TableNames
                : (await LiveTableReader.ListTableNamesAsync(client, cancellationToken).ConfigureAwait(false))
                    .Where(n => string.IsNullOrEmpty(options.TablePrefix) || n.StartsWith(options.TablePrefix, StringComparison.Ordinal)).ToList();
            var files = new List<(string Table, string Path, string Text)>();
            foreach (var table in names.Order(StringComparer.Ordinal))
            {
                name = table;
                if (await LiveTableReader.DescribeAsync(client, table, cancellationToken).ConfigureAwait(false) is not { } description)
                {
                    return new ExportResult { Error = new SyncError(SyncErrorCodes.TableNotFound, $"Table {table} does not exist at {Errors.EndpointOf(client)}; nothing was exported.") };
                }

                var live = await LiveTableReader.ReadEverythingAsync(client, regions, description, cancellationToken).ConfigureAwait(false);
                if (description.BillingModeSummary?.BillingMode != BillingMode.PAY_PER_REQUEST)
                {
                    live = await WithAutoScalingAsync(live, autoScaling, regions, cancellationToken).ConfigureAwait(false);
                }

                var model = LiveTableModel.From(live, options.TablePrefix);
                var header = string.Create(CultureInfo.InvariantCulture, $"Exported by Dynatus from {description.TableArn}\non {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}.");
                files.Add((table, Path.Combine(folder, model.TableName + ".yaml"), TableYamlWriter.Write(model, header)));
            }

            if (!options.Overwrite && files.FirstOrDefault(f => File.Exists(f.Path)) is { Path: { } existing })
            {
                return new ExportResult { Error = new SyncError(SyncErrorCodes.FileExists, $"{existing} exists; nothing was exported. Move it away, or overwrite it ({options.OverwriteSetting}).") };
            }

            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                await File.WriteAllTextAsync(file.Path, file.Text, cancellationToken).ConfigureAwait(false);
            }

            return new ExportResult { Files = [.. files.Select(f => new ExportedFile(f.Table, f.Path))] };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ExportResult { Error = Errors.From(e, name, client, cancellationToken) };
        }
    }

    // A provisioned table's auto scaling, so that a replica can be added to its definition, and each replica's, read in
    // its region.
    private static async Task<LiveTable> WithAutoScalingAsync(LiveTable live, ScalableTargets autoScaling, RegionalClients regions, CancellationToken cancellationToken)
    {
        var table = live.Table.TableName;
        var resources = ScalableResource.Of(table, (live.Table.GlobalSecondaryIndexes ?? []).Select(g => g.IndexName)).Select(r => r.ResourceId).ToList();
        var replicas = new Dictionary<string, LiveTable>(StringComparer.Ordinal);
        foreach (var (region, regional) in live.Replicas ?? new Dictionary<string, LiveTable>())
        {
            replicas[region] = regional with { AutoScaling = await autoScaling.In(region, regions.For(region)).ReadAsync(table, resources, withPolicies: true, cancellationToken).ConfigureAwait(false) };
        }

        return live with
        {
            AutoScaling = await autoScaling.ReadAsync(table, resources, withPolicies: true, cancellationToken).ConfigureAwait(false),
            Replicas = live.Replicas is null ? null : replicas,
        };
    }
}
