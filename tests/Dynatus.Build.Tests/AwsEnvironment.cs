namespace Dynatus.Build.Tests;

/// <summary>Environments for builds that need the AWS chain to give something, or nothing.</summary>
internal static class AwsEnvironment
{
    private static readonly string Nowhere = Path.Combine(Path.GetTempPath(), "dynatus-e2e", "no-aws-config");

    /// <summary>Example credentials for endpoints off this machine that never resolve: nothing is ever sent with them.</summary>
    public static IReadOnlyDictionary<string, string?> ExampleCredentials { get; } =
        new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "example" };

    /// <summary>Every source of the AWS chain emptied and the instance metadata service off: a machine with no AWS set up.</summary>
    public static IReadOnlyDictionary<string, string?> NothingSetUp(string? region) => new Dictionary<string, string?>
    {
        ["AWS_REGION"] = region,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_PROFILE"] = null,
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_ROLE_ARN"] = null,
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
        ["AWS_CONFIG_FILE"] = Path.Combine(Nowhere, "config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Nowhere, "credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
