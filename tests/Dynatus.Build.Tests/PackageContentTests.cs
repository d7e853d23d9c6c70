using System.IO.Compression;
using System.Xml.Linq;
using Dynatus.Testing;

namespace Dynatus.Build.Tests;

[TestClass]
[SendsNothingToDynamoDb]
public sealed class PackageContentTests
{
    [TestMethod]
    public void The_package_holds_the_task_and_its_dependencies_but_no_MSBuild_assemblies_and_no_NuGet_dependencies()
    {
        using var package = ZipFile.OpenRead(Package.NupkgPath);
        var files = package.Entries.Select(e => e.FullName).ToList();
        CollectionAssert.IsSubsetOf(new[] { "build/Dynatus.props", "build/Dynatus.targets", "buildMultiTargeting/Dynatus.targets", "tasks/net8.0/Dynatus.Build.dll", "tasks/net8.0/Dynatus.Engine.dll", "tasks/net8.0/AWSSDK.DynamoDBv2.dll", "tasks/net8.0/YamlDotNet.dll", "tasks/net8.0/AWSSDK.SecurityToken.dll", "tasks/net8.0/AWSSDK.SSO.dll", "tasks/net8.0/AWSSDK.SSOOIDC.dll", "tasks/net8.0/Dynatus.Build.deps.json", "analyzers/dotnet/cs/Dynatus.Watch.dll" }, files);
        Assert.IsFalse(files.Any(f => Path.GetFileName(f).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase)), string.Join("\n", files));
        Assert.IsFalse(files.Any(f => f.StartsWith("lib/", StringComparison.Ordinal)));

        using var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.AreEqual("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.IsFalse(metadata.Descendants().Any(e => e.Name.LocalName == "dependency"));
    }

    [TestMethod]
    public void Each_ahead_of_time_runtime_folder_holds_the_same_files_as_the_IL_build_and_the_package_stays_under_15_MB()
    {
        using var package = ZipFile.OpenRead(Package.NupkgPath);
        var files = package.Entries.Select(e => e.FullName).Where(f => f.StartsWith("tasks/", StringComparison.Ordinal)).ToList();
        var il = files.Where(f => f.StartsWith("tasks/net8.0/", StringComparison.Ordinal)).Select(Path.GetFileName).Order().ToList();
        foreach (var rid in new[] { "linux-x64", "linux-arm64", "win-x64", "osx-arm64" })
        {
            var folder = $"tasks/net10.0/{rid}/";
            CollectionAssert.AreEqual(il, files.Where(f => f.StartsWith(folder, StringComparison.Ordinal)).Select(Path.GetFileName).Order().ToList(), rid);
        }

        Assert.IsLessThan(15L * 1024 * 1024, new FileInfo(Package.NupkgPath).Length);
    }
}
