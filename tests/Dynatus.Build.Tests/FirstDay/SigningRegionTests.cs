using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

/// <summary>
/// The local DynamoDB keeps tables by region, as AWS does, so the build syncs into the region the application on the
/// same machine signs for: DynatusRegion, else the environment, else the AWS profile's region, else us-east-1.
/// </summary>
[LocalServerOnly("regions of the local DynamoDB, which answers each region apart")]
[TestClass]
public sealed class SigningRegionTests
{
    [TestMethod]
    public async Task The_build_syncs_into_the_profiles_region_when_the_environment_names_none()
    {
        var name = Names.Unique("regional");
        var config = Path.Combine(Path.GetTempPath(), "dynatus-e2e", Guid.NewGuid().ToString("N"), "config");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "[default]\nregion = eu-west-1\n");
        var environment = new Dictionary<string, string?>(AwsEnvironment.NothingSetUp(region: null)) { ["AWS_CONFIG_FILE"] = config };

        var result = await Consumer.Create().WithTable("t.yaml", Yaml.Table(name)).RunAsync(environment, "build");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        using var europe = Package.Server.CreateClient(region: "eu-west-1");
        using var virginia = Package.Server.CreateClient();
        Assert.AreEqual("ACTIVE", (await europe.DescribeTableAsync(name)).Table.TableStatus.Value, "where an SDK client with that profile looks");
        await Assert.ThrowsExactlyAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => virginia.DescribeTableAsync(name));
    }

    [TestMethod]
    public async Task DynatusRegion_comes_first()
    {
        var name = Names.Unique("regional");

        var result = await Consumer.Create().WithTable("t.yaml", Yaml.Table(name)).RunAsync(AwsEnvironment.NothingSetUp(region: "eu-west-1"), "build", "-p:DynatusRegion=ap-south-1");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        using var mumbai = Package.Server.CreateClient(region: "ap-south-1");
        Assert.AreEqual("ACTIVE", (await mumbai.DescribeTableAsync(name)).Table.TableStatus.Value);
    }
}
