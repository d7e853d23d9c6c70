using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>On-demand backups, which dynalite lacks: this server's addition (the operations as the DynamoDB API reference describes them).</summary>
[TestClass]
public sealed class BackupTests
{
    [TestMethod]
    public async Task A_backup_is_AVAILABLE_at_once_and_a_restore_gives_back_the_table_and_every_item()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        for (var i = 0; i < 60; i++)
        {
            await client.PutItemAsync(table, new() { ["id"] = new AttributeValue($"item-{i}"), ["n"] = new AttributeValue { N = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }

        var backup = (await client.CreateBackupAsync(new CreateBackupRequest { TableName = table, BackupName = table + "-backup" })).BackupDetails;
        Assert.AreEqual(BackupStatus.AVAILABLE, backup.BackupStatus);
        Assert.AreEqual(table + "-backup", (await client.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = backup.BackupArn })).BackupDescription.BackupDetails.BackupName);
        CollectionAssert.Contains((await client.ListBackupsAsync(new ListBackupsRequest { TableName = table })).BackupSummaries.Select(b => b.BackupArn).ToList(), backup.BackupArn);

        var restored = table + "-restored";
        var restore = await client.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = backup.BackupArn, TargetTableName = restored });
        Assert.AreEqual(backup.BackupArn, restore.TableDescription.RestoreSummary.SourceBackupArn);
        await Tables.WaitAsync(client, restored, t => t.TableStatus == TableStatus.ACTIVE);
        List<Dictionary<string, AttributeValue>> items = [];
        for (var wait = 0; wait < 50 && items.Count < 60; wait++)
        {
            await Task.Delay(50);
            items = (await client.ScanAsync(new ScanRequest { TableName = restored })).Items;
        }

        Assert.HasCount(60, items);
        await client.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = backup.BackupArn });
        await Assert.ThrowsExactlyAsync<BackupNotFoundException>(() => client.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = backup.BackupArn }));
    }
}
