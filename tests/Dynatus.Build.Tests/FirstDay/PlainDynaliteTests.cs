using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

/// <summary>
/// Plain dynalite, which a team may already run on port 8000, lacks operations and settings common tables need: the
/// build fails at once with one coded error naming what is missing, and leaves no table behind.
/// </summary>
[LocalServerOnly("starts plain dynalite")]
[TestClass]
public sealed class PlainDynaliteTests
{
    [TestMethod]
    [DataRow("TimeToLiveSpecification: { AttributeName: expires, Enabled: true }", "does not know UpdateTimeToLive, which TimeToLiveSpecification needs; nothing was changed")]
    [DataRow("PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }", "does not know UpdateContinuousBackups, which PointInTimeRecoverySpecification needs; nothing was changed")]
    [DataRow("StreamSpecification: { StreamEnabled: true, StreamViewType: NEW_IMAGE }", "created the table without its StreamSpecification (it ignores the setting); the new, empty table was deleted again")]
    [DataRow("Tags: [{ Key: team, Value: orders }]", "created the table without its Tags (it ignores the setting); the new, empty table was deleted again")]
    [DataRow("TableClass: STANDARD_INFREQUENT_ACCESS", "created the table without its TableClass (it ignores the setting); the new, empty table was deleted again")]
    [DataRow("ContributorInsightsSpecification: { Enabled: true }", "does not know UpdateContributorInsights, which ContributorInsightsSpecification needs; nothing was changed")]
    [DataRow("KinesisStreamSpecification: { StreamArn: arn:aws:kinesis:us-east-1:000000000000:stream/orders }", "does not know EnableKinesisStreamingDestination, which KinesisStreamSpecification needs; nothing was changed")]
    [DataRow("Replicas: [{ RegionName: eu-west-1 }]", "does not know UpdateTable's ReplicaUpdates, which Replicas needs; nothing was changed")]
    [DataRow("ResourcePolicy: { PolicyDocument: { Statement: [{ Effect: Allow, Principal: '*', Action: 'dynamodb:Query', Resource: '*' }] } }", "created the table without its ResourcePolicy (it ignores the setting); the new, empty table was deleted again")]
    public async Task A_setting_plain_dynalite_lacks_fails_the_first_build_at_once_naming_it_and_leaves_no_table(string setting, string said)
    {
        using var dynalite = await PlainDynalite.StartAsync();
        var name = Names.Unique("dynalite");
        var consumer = Consumer.Create(endpoint: dynalite.Endpoint).WithTable("t.yaml", Yaml.Table(name, extra: setting));

        var result = await consumer.BuildAsync();

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, $"error DYN211: Table {name}: the DynamoDB at {dynalite.Endpoint}");
        StringAssert.Contains(result.Output, $" {said}. Plain dynalite lacks it; run the dynatus tool's local DynamoDB there");
        Assert.IsLessThan(10, BuildOutput.SyncSeconds(result.Output), result.Output);
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint, AuthenticationRegion = "us-east-1" });
        CollectionAssert.DoesNotContain((await client.ListTablesAsync()).TableNames, name);
    }
}
