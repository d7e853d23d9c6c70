using System.IO.Compression;
using System.Xml.Linq;

namespace Dynatus.Build.Tests;

[TestClass]
public sealed class PackageContentTests
{
    [TestMethod]
    public void The_package_holds_the_task_and_its_dependencies_but_no_MSBuild_assemblies_and_no_NuGet_dependencies()
    {
        using var package = ZipFile.OpenRead(Package.NupkgPath);
        var files = package.Entries.Select(e => e.FullName).ToList();
        CollectionAssert.IsSubsetOf(new[] { "build/Dynatus.props", "build/Dynatus.targets", "buildMultiTargeting/Dynatus.targets", "tasks/net8.0/Dynatus.Build.dll", "tasks/net8.0/Dynatus.Engine.dll", "tasks/net8.0/AWSSDK.DynamoDBv2.dll", "tasks/net8.0/YamlDotNet.dll", "tasks/net8.0/AWSSDK.SecurityToken.dll", "tasks/net8.0/AWSSDK.SSO.dll", "tasks/net8.0/AWSSDK.SSOOIDC.dll", "tasks/net8.0/Dynatus.Build.deps.json" }, files);
        Assert.IsFalse(files.Any(f => Path.GetFileName(f).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase)), string.Join("\n", files));
        Assert.IsFalse(files.Any(f => f.StartsWith("lib/", StringComparison.Ordinal)));

        using var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.AreEqual("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.IsFalse(metadata.Descendants().Any(e => e.Name.LocalName == "dependency"));
    }
}
