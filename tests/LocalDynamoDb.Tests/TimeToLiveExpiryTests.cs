using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// TTL deletes expired items in the background, as AWS documents which items are eligible:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
/// (the attribute a top-level Number, epoch seconds in the past, no more than five years in the past).
/// </summary>
[TestClass]
public sealed class TimeToLiveExpiryTests
{
    [TestMethod]
    public async Task Expired_items_are_deleted_by_the_sweep_and_items_TTL_ignores_are_kept()
    {
        // A server of its own, sweeping every 100 ms instead of the default 5 s.
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--ttl-sweep-ms", "100");
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client);
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires", Enabled = true } });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await PutAsync(client, table, "expired", new AttributeValue { N = (now - 60).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await PutAsync(client, table, "future", new AttributeValue { N = (now + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await PutAsync(client, table, "six-years-ago", new AttributeValue { N = (now - (6L * 365 * 24 * 3600)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await PutAsync(client, table, "a-string", new AttributeValue((now - 60).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await PutAsync(client, table, "no-ttl", null);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await client.GetItemAsync(table, Key("expired"))).IsItemSet && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.IsFalse((await client.GetItemAsync(table, Key("expired"))).IsItemSet, "the expired item is deleted");
        await Task.Delay(TimeSpan.FromSeconds(1)); // ten more sweeps: anything a sweep would delete is gone by now
        var left = (await client.ScanAsync(new ScanRequest(table))).Items.Select(i => i["id"].S).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(new[] { "a-string", "future", "no-ttl", "six-years-ago" }, left);
    }

    [TestMethod]
    public async Task An_item_of_a_table_without_TTL_or_whose_TTL_was_turned_off_is_never_deleted()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--ttl-sweep-ms", "100");
        using var client = local.CreateClient();
        var never = await Tables.CreateAsync(client);
        var turnedOff = await Tables.CreateAsync(client);
        var specification = new TimeToLiveSpecification { AttributeName = "expires", Enabled = true };
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = turnedOff, TimeToLiveSpecification = specification });
        await local.AdvanceClockAsync(TimeSpan.FromMinutes(61)); // AWS allows one TTL change a table an hour
        specification.Enabled = false;
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = turnedOff, TimeToLiveSpecification = specification });
        var expired = new AttributeValue { N = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await PutAsync(client, never, "old", expired);
        await PutAsync(client, turnedOff, "old", expired);

        await Task.Delay(TimeSpan.FromSeconds(1)); // ten sweeps

        Assert.IsTrue((await client.GetItemAsync(never, Key("old"))).IsItemSet, "TTL never enabled");
        Assert.IsTrue((await client.GetItemAsync(turnedOff, Key("old"))).IsItemSet, "TTL turned off");
    }

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["id"] = new AttributeValue(id) };

    private static Task<PutItemResponse> PutAsync(Amazon.DynamoDBv2.AmazonDynamoDBClient client, string table, string id, AttributeValue? expires)
    {
        var item = Key(id);
        if (expires is not null)
        {
            item["expires"] = expires;
        }

        return client.PutItemAsync(table, item);
    }
}
