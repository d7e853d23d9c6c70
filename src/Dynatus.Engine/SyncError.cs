namespace Dynatus.Engine;

/// <summary>Why a table did not sync.</summary>
/// <param name="Code">A stable code, <c>DYN2xx</c>; see <see cref="SyncErrorCodes"/>.</param>
/// <param name="Message">What happened, naming the table and what to do.</param>
public sealed record SyncError(string Code, string Message)
{
    /// <summary>
    /// Where every table fails alike (an endpoint that does not answer, the AWS client failing), the failure itself,
    /// without the table: what a report says once for all of them. Null otherwise.
    /// </summary>
    public string? Cause { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>The stable codes of sync errors.</summary>
public static class SyncErrorCodes
{
    /// <summary>DynamoDB refused a request.</summary>
    public const string DynamoDbError = "DYN200";
    /// <summary>The endpoint did not answer.</summary>
    public const string Unreachable = "DYN201";
    /// <summary>The table must be recreated, which deletes its items, and that was not allowed.</summary>
    public const string RecreateRefused = "DYN202";
    /// <summary>A wait ran out of time.</summary>
    public const string WaitTimedOut = "DYN203";
    /// <summary>The sync was cancelled before the table was finished.</summary>
    public const string Cancelled = "DYN204";
    /// <summary>The plan cannot be carried out as the definition stands.</summary>
    public const string PlanBlocked = "DYN205";
    /// <summary>The AWS client failed before asking DynamoDB (credentials, region, configuration).</summary>
    public const string ClientError = "DYN206";
    /// <summary>An export names a table that does not exist.</summary>
    public const string TableNotFound = "DYN207";
    /// <summary>An export would overwrite a file, and overwriting was not asked for.</summary>
    public const string FileExists = "DYN208";
    /// <summary>The backup before a recreate could not be made; the table was not recreated.</summary>
    public const string BackupFailed = "DYN209";
    /// <summary>A provisioned capacity differs, and Application Auto Scaling could not say whether it scales it; nothing was changed.</summary>
    public const string AutoScalingUnavailable = "DYN210";
    /// <summary>The local DynamoDB lacks an operation or setting a table needs; the table was left as it was before.</summary>
    public const string LocalServerLacks = "DYN211";
    /// <summary>The definition drops a replica, which deletes that region's copy of the table, and that was not allowed.</summary>
    public const string ReplicaRemovalRefused = "DYN212";
}
