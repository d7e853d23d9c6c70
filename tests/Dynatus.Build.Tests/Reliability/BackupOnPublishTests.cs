using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reliability;

[TestClass]
public sealed partial class BackupOnPublishTests
{
    [GeneratedRegex(@"backed up first to (?<arn>arn:aws:dynamodb:\S+?/backup/\S+?)[;\s\[]")]
    private static partial Regex BackedUp();

    [TestMethod]
    public async Task A_publish_recreate_backs_the_table_up_and_the_backup_restores_every_item()
    {
        var name = Names.Unique("pubbak");
        var consumer = Consumer.Create(properties: $"<DynatusPublishEndpoint>{Package.Server.Endpoint}</DynatusPublishEndpoint>").WithTable("t.yaml", Yaml.Table(name));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        using var client = Package.Server.CreateClient();
        await Items.PutAsync(client, name, 25);
        var before = await Items.ReadAllAsync(client, name);

        consumer.WithTable("t.yaml", Yaml.Table(name).Replace("AttributeName: id", "AttributeName: user_id", StringComparison.Ordinal));
        var publish = await consumer.RunAsync("publish", "-c", "Release", "-p:DynatusAllowRecreate=true", "-p:DynatusBackupBeforeRecreate=true");
        Assert.AreEqual(0, publish.ExitCode, publish.Output);
        StringAssert.Contains(publish.Output, "recreate: back the table up (CreateBackup), then delete it with ALL its items and create it");
        var arn = BackedUp().Match(publish.Output).Groups["arn"].Value;
        Assert.IsFalse(string.IsNullOrEmpty(arn), publish.Output);

        CollectionAssert.AreEquivalent(before, await Items.RestoreAsync(client, arn, name + "-restored", before.Count));
    }
}
