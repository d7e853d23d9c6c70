using System.Globalization;

namespace Dynatus.Testing;

/// <summary>
/// Where the run's tests go. By default a local DynamoDB each test assembly starts. With <c>DYNATUS_TEST_AWS=1</c>, the
/// AWS account and region of the standard AWS environment (credentials, <c>AWS_REGION</c>, and
/// <c>AWS_ENDPOINT_URL_DYNAMODB</c> if set), through the SDK's own resolution: no endpoint is passed anywhere.
/// </summary>
public static class TestTarget
{
    public static bool IsAws { get; } = Environment.GetEnvironmentVariable("DYNATUS_TEST_AWS") == "1";

    /// <summary>
    /// What every table of an AWS run is named under (<c>DYNATUS_TEST_AWS_PREFIX</c>, else <c>dynatus-test-</c> and the
    /// time), so that the run deletes exactly its own tables; empty for a local run.
    /// </summary>
    public static string Prefix { get; } = !IsAws ? string.Empty
        : Environment.GetEnvironmentVariable("DYNATUS_TEST_AWS_PREFIX") is { Length: > 0 } given ? given
        : $"dynatus-test-{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}-";

    /// <summary>Where an AWS run writes what it created and an estimate of its cost (<c>DYNATUS_TEST_AWS_REPORT</c>).</summary>
    public static string? ReportFile { get; } = Environment.GetEnvironmentVariable("DYNATUS_TEST_AWS_REPORT");
}

/// <summary>
/// A test that needs the local DynamoDB (its test controls, a loopback endpoint, or a table kind the AWS run does not
/// create): skipped, with the reason, when the run targets AWS.
/// </summary>
/// <param name="needs">What it needs of the local server.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class LocalServerOnlyAttribute : ConditionBaseAttribute
{
    public LocalServerOnlyAttribute(string needs)
        : base(ConditionMode.Include) => IgnoreMessage = $"Needs the local DynamoDB: {needs}.";

    public override bool IsConditionMet => !TestTarget.IsAws;

    public override string GroupName => "LocalServerOnly";
}

/// <summary>
/// A test that sends nothing to any DynamoDB (the package's files, its version): skipped when the run targets AWS, where
/// it would only repeat what the local run proves, at the AWS run's cost in time.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class SendsNothingToDynamoDbAttribute : ConditionBaseAttribute
{
    public SendsNothingToDynamoDbAttribute()
        : base(ConditionMode.Include) => IgnoreMessage = "Sends nothing to DynamoDB: the local run covers it.";

    public override bool IsConditionMet => !TestTarget.IsAws;

    public override string GroupName => "SendsNothingToDynamoDb";
}
