using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>Settings dynalite drops or refuses, as AWS reports and validates them.</summary>
[TestClass]
public sealed class TableSettingsTests
{
    [TestMethod]
    public async Task Settings_given_at_create_are_reported_by_DescribeTable()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r =>
        {
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE };
            r.SSESpecification = new SSESpecification { Enabled = true };
            r.TableClass = TableClass.STANDARD_INFREQUENT_ACCESS;
            r.DeletionProtectionEnabled = true;
            r.Tags = [new Tag { Key = "Team", Value = "core" }];
        });

        var described = (await client.DescribeTableAsync(table)).Table;
        Assert.AreEqual(StreamViewType.NEW_IMAGE, described.StreamSpecification.StreamViewType);
        StringAssert.StartsWith(described.LatestStreamArn, described.TableArn + "/stream/");
        Assert.IsNotNull(described.LatestStreamLabel);
        Assert.AreEqual(SSEStatus.ENABLED, described.SSEDescription.Status);
        Assert.AreEqual(SSEType.KMS, described.SSEDescription.SSEType);
        Assert.AreEqual(TableClass.STANDARD_INFREQUENT_ACCESS, described.TableClassSummary.TableClass);
        Assert.IsTrue(described.DeletionProtectionEnabled);
        Assert.AreEqual("core", (await client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = described.TableArn })).Tags.Single().Value);
    }

    [TestMethod]
    public async Task A_protected_table_cannot_be_deleted_until_protection_is_off()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r => r.DeletionProtectionEnabled = true);
        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.DeleteTableAsync(table));
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, DeletionProtectionEnabled = false });
        await client.DeleteTableAsync(table);
    }

    [TestMethod]
    public async Task Enabling_an_enabled_stream_or_disabling_a_disabled_one_is_a_validation_error()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        var disable = new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false } };
        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(disable));

        var enable = new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY } };
        await client.UpdateTableAsync(enable);
        await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE);
        var ex = await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(enable));
        Assert.AreEqual("ValidationException", ex.ErrorCode);
    }

    [TestMethod]
    public async Task UpdateTable_is_refused_while_the_table_is_UPDATING()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--update-ms", "5000");
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, TableClass = TableClass.STANDARD_INFREQUENT_ACCESS });
        await Assert.ThrowsExactlyAsync<ResourceInUseException>(() => client.UpdateTableAsync(new UpdateTableRequest { TableName = table, DeletionProtectionEnabled = true }));
        await Assert.ThrowsExactlyAsync<ResourceInUseException>(() => client.DeleteTableAsync(table));
    }

    [TestMethod]
    public async Task Tags_are_added_and_removed_through_the_dotnet_SDK()
    {
        using var client = Server.Local.CreateClient();
        var arn = (await client.DescribeTableAsync(await Tables.CreateAsync(client))).Table.TableArn;
        await client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" }] });
        await client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["a"] });
        var tags = (await client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn })).Tags;
        Assert.AreEqual("b=2", string.Join(",", tags.Select(t => $"{t.Key}={t.Value}")));
    }

    [TestMethod]
    public async Task Time_to_live_changes_once_an_hour()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client);
        TimeToLiveSpecification Spec(bool on) => new() { AttributeName = "expires_at", Enabled = on };

        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = Spec(true) });
        var described = (await client.DescribeTimeToLiveAsync(table)).TimeToLiveDescription;
        Assert.AreEqual(TimeToLiveStatus.ENABLED, described.TimeToLiveStatus);
        Assert.AreEqual("expires_at", described.AttributeName);

        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = Spec(false) }));
        await local.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = Spec(false) });
        Assert.AreEqual(TimeToLiveStatus.DISABLED, (await client.DescribeTimeToLiveAsync(table)).TimeToLiveDescription.TimeToLiveStatus);
    }

    [TestMethod]
    public async Task Point_in_time_recovery_is_enabled_with_a_period_of_1_to_35_days()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);
        PointInTimeRecoverySpecification Spec(int days) => new() { PointInTimeRecoveryEnabled = true, RecoveryPeriodInDays = days };

        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = table, PointInTimeRecoverySpecification = Spec(36) }));
        await client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = table, PointInTimeRecoverySpecification = Spec(7) });
        var pitr = (await client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = table })).ContinuousBackupsDescription.PointInTimeRecoveryDescription;
        Assert.AreEqual(PointInTimeRecoveryStatus.ENABLED, pitr.PointInTimeRecoveryStatus);
        Assert.AreEqual(7, pitr.RecoveryPeriodInDays);
        await Assert.ThrowsExactlyAsync<TableNotFoundException>(() => client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "missing-table" }));
    }
}
