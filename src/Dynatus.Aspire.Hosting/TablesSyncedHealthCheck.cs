using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Dynatus.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Dynatus.Aspire.Hosting;

/// <summary>
/// Healthy once the resource's DynamoDB answers and its tables and seed rows are synced: so WaitFor on it means "the
/// tables and rows are there". The sync runs once a start; a definition error is logged on the resource, with the same
/// DYN code, file and line as a build, and keeps it unhealthy. One instance a resource, kept across checks.
/// </summary>
internal sealed partial class TablesSyncedHealthCheck(IResourceWithEndpoints resource, DynatusTablesAnnotation files, ResourceLoggerService loggers) : IHealthCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly object gate = new();
    private Task<(HealthCheckResult Result, bool Settled)>? attempt;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoint = resource.GetEndpoints().FirstOrDefault(e => e.EndpointAnnotation.UriScheme == "http");
        if (endpoint is not { IsAllocated: true })
        {
            return HealthCheckResult.Unhealthy("no HTTP endpoint allocated yet");
        }

        Task<(HealthCheckResult Result, bool Settled)> current;
        lock (gate)
        {
            current = attempt ??= SyncAsync(endpoint.Url);
        }

        var (result, settled) = await current.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!settled)
        {
            // DynamoDB did not answer yet: the next check tries again.
            lock (gate)
            {
                if (attempt == current)
                {
                    attempt = null;
                }
            }
        }

        return result;
    }

    // Not cancelled with a check: a sync half done would leave tables half made.
    private async Task<(HealthCheckResult, bool)> SyncAsync(string url)
    {
        var log = loggers.GetLogger((IResource)resource);
        try
        {
            // Any HTTP answer will do: the server listens (DynamoDB Local answers GET / with an error).
            using var probe = await Http.GetAsync(new Uri(url)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException)
        {
            return (HealthCheckResult.Unhealthy($"waiting for DynamoDB at {url}: {e.Message}"), false);
        }

        var result = await TablesSync.RunAsync(url, files, CancellationToken.None).ConfigureAwait(false);

        if (!result.Succeeded)
        {
            var failures = TablesSync.Failures(result).ToList();
            foreach (var failure in failures)
            {
                NotSynced(log, failure);
            }

            return (HealthCheckResult.Unhealthy($"the tables were not synced: {string.Join("; ", failures)}"), true);
        }

        foreach (var outcome in result.Tables)
        {
            Synced(log, outcome.Table, outcome.Action, outcome.Seeded);
        }

        return (HealthCheckResult.Healthy($"{result.Tables.Count} table(s) synced"), true);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Failure}")]
    private static partial void NotSynced(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dynatus: {Table}: {Action}; seeded {Seeded} item(s)")]
    private static partial void Synced(ILogger logger, string table, Dynatus.Engine.Planning.TableAction action, int seeded);
}
