using System.Text.Json.Nodes;
using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

/// <summary>
/// The AWS SDK for JavaScript v3 (Apache-2.0, from the npm registry at the versions JavaScriptSdk/package-lock.json pins)
/// writes through its DynamoDB client and reads the stream through its DynamoDB Streams client, both at the local
/// DynamoDB's one address: JavaScriptSdk/streams.mjs.
/// </summary>
[TestClass]
public sealed class JavaScriptSdkTests
{
    [TestMethod]
    public async Task The_JavaScript_streams_client_reads_the_records_of_puts_transactions_and_PartiQL_at_the_same_address()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-js-sdk", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "package.json", "package-lock.json", "streams.mjs" })
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "LocalDynamoDb.Tests", "JavaScriptSdk", file), Path.Combine(folder, file));
        }

        var install = await NodeJsProgram.RunAsync(folder, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        Assert.AreEqual(0, install.ExitCode, install.Output);
        var run = await NodeJsProgram.RunAsync(folder, "node", "streams.mjs", Server.Local.Endpoint, Names.Unique("js"));
        Assert.AreEqual(0, run.ExitCode, run.Output);

        // Node's own warnings (an SDK that has dropped this Node version, say) come before the one line of JSON.
        var read = JsonNode.Parse(run.Output.Split('\n').Last(line => line.StartsWith('{')))!;
        Assert.AreEqual("ENABLED", read["streamStatus"]!.GetValue<string>());
        Assert.AreEqual("INSERT put, INSERT transaction, INSERT partiql", string.Join(", ", read["records"]!.AsArray().Select(r => $"{r!["eventName"]} {r["id"]}")));
        Assert.IsTrue(read["records"]!.AsArray().All(r => r!["created"]!.GetValue<bool>()), "the SDK reads ApproximateCreationDateTime as a date");
        Assert.IsTrue(read["hasNext"]!.GetValue<bool>(), "an open shard has a next iterator");
    }
}
