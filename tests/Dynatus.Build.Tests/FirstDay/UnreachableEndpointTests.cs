using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class UnreachableEndpointTests
{
    [TestMethod]
    [DataRow("http://127.0.0.1:9")]
    [DataRow("https://localhost:1")]
    public async Task A_named_endpoint_where_nothing_listens_fails_at_once_with_one_error_saying_what_a_package_user_can_run(string endpoint)
    {
        var consumer = Consumer.Create(endpoint: endpoint)
            .WithTable("a.yaml", Yaml.Table(Names.Unique("a"))).WithTable("b.yaml", Yaml.Table(Names.Unique("b")));

        var result = await consumer.BuildAsync();
        Assert.AreNotEqual(0, result.ExitCode);
        var errors = BuildOutput.LinesWith(result.Output, "error DYN");
        Assert.HasCount(1, errors, result.Output);
        StringAssert.Contains(errors[0], $"error DYN201: Cannot reach DynamoDB at {endpoint} (Connection refused");
        StringAssert.Contains(errors[0], "); 2 table(s) not synced: ");
        StringAssert.Contains(errors[0], "DynamoDB Local");
        StringAssert.Contains(errors[0], "DynatusSyncOnBuild=false");
        Assert.DoesNotContain("Dynatus repository", errors[0], "a package user has no clone of this repository");

        // A refused connection is known at once; the SDK used to retry it ten times, for about two minutes.
        Assert.IsLessThan(10, BuildOutput.SyncSeconds(result.Output), result.Output);
    }

    [TestMethod]
    public async Task A_plan_against_a_local_endpoint_where_nothing_listens_says_how_to_start_one_not_how_to_stop_syncing()
    {
        var consumer = Consumer.Create(endpoint: "http://127.0.0.1:9").WithTable("a.yaml", Yaml.Table(Names.Unique("plan")));

        var result = await consumer.BuildAsync("-t:DynatusPlan");
        Assert.AreNotEqual(0, result.ExitCode);
        var error = BuildOutput.LinesWith(result.Output, "error DYN201")[0];
        StringAssert.Contains(error, "Start a local DynamoDB there (the dynatus tool's: dotnet tool install --global Dynatus.Tool, then dynatus local --port 9;");
        Assert.DoesNotContain("dynalite", error, "plain dynalite lacks TTL, point-in-time recovery and tags");
        Assert.DoesNotContain("DynatusSyncOnBuild", error, "the plan was asked for by name; turning the build sync off does not answer it");
    }

    [TestMethod]
    public async Task A_name_that_does_not_resolve_fails_at_once_and_the_insecure_endpoint_opt_in_lets_plain_http_through()
    {
        // A reserved name that never resolves: no request can reach any machine. Not loopback, so the AWS chain's
        // credentials are asked for, and given.
        var consumer = Consumer.Create(endpoint: "http://dynamodb.invalid:8000", properties: "<DynatusAllowInsecureEndpoint>true</DynatusAllowInsecureEndpoint>")
            .WithTable("t.yaml", Yaml.Table(Names.Unique("dns")));

        var result = await consumer.RunAsync(AwsEnvironment.ExampleCredentials, "build");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DYN201: Cannot reach DynamoDB at http://dynamodb.invalid:8000 (");
        StringAssert.Contains(result.Output, "); 1 table(s) not synced: ");
        Assert.IsLessThan(10, BuildOutput.SyncSeconds(result.Output), result.Output);
    }
}
