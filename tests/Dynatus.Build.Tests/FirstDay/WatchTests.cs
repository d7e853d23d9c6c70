using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class WatchTests
{
    [TestMethod]
    public async Task Dotnet_watch_watches_the_table_definitions()
    {
        var consumer = Consumer.Create(items: """<DynamoTable Include="tables/orders.yaml" />""").WithTable("users.yaml", Yaml.Table(Names.Unique("w")));
        Directory.CreateDirectory(Path.Combine(consumer.Folder, "tables"));
        File.WriteAllText(Path.Combine(consumer.Folder, "tables", "orders.yaml"), Yaml.Table(Names.Unique("w")));
        Assert.AreEqual(0, (await consumer.RunAsync("restore")).ExitCode);

        // dotnet watch --list prints the files it would watch, without building or watching.
        var list = await DotNet.RunAsync(consumer.Folder, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Package.PackagesFolder }, "watch", "--list");
        Assert.AreEqual(0, list.ExitCode, list.Output);
        StringAssert.Contains(list.Output, Path.Combine(consumer.Folder, "tables", "orders.yaml"));
        Assert.DoesNotContain(Path.Combine(consumer.Folder, "dynamo", "users.yaml"), list.Output, "a project that lists its DynamoTable items has no default ones");
    }
}
