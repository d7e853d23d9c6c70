using System.Diagnostics;

namespace LocalDynamoDb.Tests;

/// <summary>A server started for a program stops when that program is gone, even when it was killed and could not stop it.</summary>
[TestClass]
public sealed class ParentProcessTests
{
    [TestMethod]
    public async Task The_server_stops_within_seconds_of_its_parent_process_ending()
    {
        // A parent that ends on its own after a moment, as a killed test host would: Node.js runs everywhere the server does.
        using var parent = Process.Start(Dynatus.Testing.LocalDynamoDb.Node, ["-e", "setTimeout(() => {}, 1500)"])!;
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        Assert.IsTrue((await http.GetAsync(local.Endpoint)).IsSuccessStatusCode, "it answers while its parent runs");

        await parent.WaitForExitAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && await AnswersAsync(http, local.Endpoint))
        {
            await Task.Delay(200);
        }

        Assert.IsFalse(await AnswersAsync(http, local.Endpoint), "still answering 15 s after its parent ended");
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string endpoint)
    {
        try
        {
            return (await http.GetAsync(endpoint)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
