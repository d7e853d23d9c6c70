using System.IO.Compression;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reliability;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class SecretsTests
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIADYNATUSENVKEY001",
        ["AWS_SECRET_ACCESS_KEY"] = "dynatusEnvSecret/0123456789abcdefghijKLMN",
        ["AWS_SESSION_TOKEN"] = "dynatusEnvSessionToken-ZYXWVUTSRQ",
    };

    private static readonly Dictionary<string, string> ProfileSecrets = new()
    {
        ["aws_access_key_id"] = "AKIADYNATUSPROFILE02",
        ["aws_secret_access_key"] = "dynatusProfileSecret/9876543210zyxwvutsrqPONM",
        ["aws_session_token"] = "dynatusProfileSessionToken-ABCDEFGHIJ",
    };

    [TestMethod]
    public async Task A_diagnostic_log_and_a_binlog_of_a_failing_sync_hold_no_credential()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        // The profile's credentials sign the requests even to a loopback endpoint; AWS answers that the token is invalid.
        await local.InjectFaultAsync("DescribeTable", "UnrecognizedClientException", 10);
        var name = Names.Unique("secret");
        var consumer = Consumer.Create(endpoint: local.Endpoint, properties: "<DynatusProfile>ci</DynatusProfile>").WithTable("t.yaml", Yaml.Table(name));
        var credentials = Path.Combine(consumer.Folder, "aws-credentials");
        File.WriteAllText(credentials, "[ci]\n" + string.Concat(ProfileSecrets.Select(p => $"{p.Key} = {p.Value}\n")));
        var binlog = Path.Combine(consumer.Folder, "sync.binlog");
        var environment = Secrets.ToDictionary(p => p.Key, p => (string?)p.Value);
        environment["AWS_SHARED_CREDENTIALS_FILE"] = credentials;
        environment["AWS_CONFIG_FILE"] = Path.Combine(consumer.Folder, "no-aws-config");

        var result = await DotNet.RunAsync(consumer.Folder, environment, "build", "-nodeReuse:false", "--packages", Package.PackagesFolder, "-tl:off", "-v:diag", $"-bl:{binlog}");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, $"error DYN200: Table {name}: DynamoDB refused the request: UnrecognizedClientException");

        using var log = new GZipStream(File.OpenRead(binlog), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        await log.CopyToAsync(bytes);
        var binary = bytes.ToArray();
        foreach (var secret in Secrets.Values.Concat(ProfileSecrets.Values))
        {
            Assert.DoesNotContain(secret, result.Output, "the -v:diag log holds a credential");
            Assert.AreEqual(-1, binary.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)), $"the binlog holds {secret[..8]}...");
        }
    }
}
