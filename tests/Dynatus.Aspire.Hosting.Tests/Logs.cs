using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>A resource's console and log lines, as the dashboard shows them, from its first; asked once the resource runs.</summary>
internal static class Logs
{
    public static async Task<string> FirstLineAsync(DistributedApplication app, string resource, Func<string, bool> match, CancellationToken cancellationToken)
    {
        // By the resource, not its name: Aspire keeps an executable's lines under the name it gives its one replica at start.
        var watched = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource);
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        await foreach (var batch in loggers.WatchAsync(watched).WithCancellation(cancellationToken))
        {
            if (batch.Select(line => line.Content).FirstOrDefault(match) is { } found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"{resource}'s logs ended");
    }
}
