namespace Dynatus.Tool;

/// <summary>The tool's exit codes, as the README documents them (2 follows Terraform's <c>-detailed-exitcode</c>).</summary>
internal static class ExitCodes
{
    /// <summary>Done; with <c>--detailed-exitcode</c>, every table is in sync.</summary>
    public const int Success = 0;

    /// <summary>Something failed: a definition, an option, a path, DynamoDB, the AWS client; nothing, or not everything, was done.</summary>
    public const int Error = 1;

    /// <summary>With <c>plan --detailed-exitcode</c>: the plan succeeded and some table differs.</summary>
    public const int Changes = 2;
}
