using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

/// <summary>
/// The first publish on a machine with no AWS set up: every source of the AWS chain emptied, the instance metadata
/// service off, so nothing is ever sent off this machine (no region, or no credentials, means no request at all).
/// </summary>
[TestClass]
public sealed class AwsNotSetUpTests
{
    [TestMethod]
    public async Task Without_a_region_publish_fails_with_one_coded_error_and_no_stack_trace()
    {
        var result = await PublishFiveTablesAsync(region: null);
        AssertOneError(result, "error DYN206: No AWS region is configured, so no table was read or synced. Looked in DynatusRegion, the AWS_REGION and AWS_DEFAULT_REGION");
    }

    [TestMethod]
    public async Task Without_credentials_publish_fails_with_one_coded_error_naming_what_was_tried()
    {
        var result = await PublishFiveTablesAsync(region: "eu-west-1");
        var error = AssertOneError(result, "error DYN206: No AWS credentials were found, so no table was read or synced. Tried: ");
        StringAssert.Contains(error, "AWS_ACCESS_KEY_ID");
        StringAssert.Contains(error, "profile");
    }

    [TestMethod]
    public async Task A_table_prefix_DynamoDB_refuses_is_one_error_at_the_property_not_one_per_table()
    {
        var consumer = Consumer.Create();
        for (var i = 0; i < 5; i++)
        {
            consumer.WithTable($"t{i}.yaml", Yaml.Table(Names.Unique("prefixed")));
        }

        var result = await consumer.BuildAsync("-p:DynatusTablePrefix=dev:");
        AssertOneError(result, "error DYN106: The table prefix 'dev:' (DynatusTablePrefix, or the TablePrefix option) has characters DynamoDB refuses");
    }

    private static async Task<DotNetResult> PublishFiveTablesAsync(string? region)
    {
        var consumer = Consumer.Create();
        for (var i = 0; i < 5; i++)
        {
            consumer.WithTable($"t{i}.yaml", Yaml.Table(Names.Unique("aws")));
        }

        return await consumer.RunAsync(AwsEnvironment.NothingSetUp(region), "publish", "-c", "Release");
    }

    private static string AssertOneError(DotNetResult result, string expected)
    {
        Assert.AreNotEqual(0, result.ExitCode);
        Assert.DoesNotContain("MSB4018", result.Output, "the task must not crash");
        Assert.DoesNotMatchRegex(@"\n\s+at \S+\(", result.Output, "no stack trace");
        var errors = BuildOutput.LinesWith(result.Output, ": error ");
        Assert.HasCount(1, errors, result.Output);
        StringAssert.Contains(errors[0], expected);
        return errors[0];
    }
}
