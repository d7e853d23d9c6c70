using Dynatus.Testing;

namespace Dynatus.Build.Tests.Seeding;

[TestClass]
public sealed class SeedLocalOnlyTests
{
    [TestMethod]
    public async Task A_build_sync_to_an_endpoint_off_this_machine_writes_no_seed_item()
    {
        // A reserved name that never resolves: nothing can be sent anywhere, and the refusal to seed comes first.
        var name = Names.Unique("remote");
        var consumer = Consumer.Create(endpoint: "https://dynamodb.invalid")
            .WithTable("t.yaml", Yaml.Table(name)).WithSeed($"{name}.json", """[{ "id": "1" }]""");

        var result = await consumer.RunAsync(AwsEnvironment.ExampleCredentials, "build");
        StringAssert.Contains(result.Output, "Dynatus: no seed items written: https://dynamodb.invalid is not on this machine (the publish sync seeds with DynatusSeedOnPublish=true).");
    }
}
