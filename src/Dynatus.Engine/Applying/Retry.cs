using Amazon.Runtime;

namespace Dynatus.Engine.Applying;

/// <summary>
/// Retries what AWS asks callers to retry: throttling and the limit on table operations in flight.
/// The SDK retries a few times itself; this keeps going longer, as table operations allow.
/// </summary>
internal static class Retry
{
    private const int MaxAttempts = 10;

    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(20);

    public static bool IsRetryable(Exception e) => e switch
    {
        // By code, not type: the SDK maps an error to its type only for operations that declare it.
        AmazonServiceException s => s.ErrorCode is "LimitExceededException" or "ContinuousBackupsUnavailableException"
            or "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "RequestLimitExceeded" or "ProvisionedThroughputExceededException",
        _ => false,
    };

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, TimeSpan baseDelay, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e))
            {
                await BackOffAsync(attempt, baseDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The pause before another attempt: doubling from <paramref name="baseDelay"/> up to 20 s.</summary>
    public static Task BackOffAsync(int attempt, TimeSpan baseDelay, CancellationToken cancellationToken)
    {
        // Jitter, so that parallel syncs that were throttled together do not retry together.
        var ceiling = Math.Min(LongestDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return Task.Delay(TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2), cancellationToken);
    }
}
