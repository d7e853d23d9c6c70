using System.Diagnostics;
using Dynatus.Testing;

namespace Dynatus.Build.Tests;

[TestClass]
[SendsNothingToDynamoDb]
public sealed class VersioningTests
{
    [TestMethod]
    public async Task The_three_packages_take_their_version_from_the_git_tag_and_later_commits_are_pre_releases()
    {
        var clone = Path.Combine(Path.GetTempPath(), "dynatus-e2e", Names.Unique("clone"));
        Git(Path.GetTempPath(), "clone", "--quiet", RepositoryRoot.Path, clone);
        Git(clone, "tag", "v0.2.0");

        var output = Path.Combine(clone, "artifacts", "tagged");
        foreach (var project in new[] { "Dynatus.Engine", "Dynatus.Build", "Dynatus.Tool" })
        {
            var pack = await DotNet.RunAsync(clone, "pack", Path.Combine("src", project), "-c", "Release", "-o", output, "-nodeReuse:false");
            Assert.AreEqual(0, pack.ExitCode, pack.Output);
        }

        CollectionAssert.IsSubsetOf(new[] { "Dynatus.Engine.0.2.0.nupkg", "Dynatus.0.2.0.nupkg", "Dynatus.Tool.0.2.0.nupkg" }, Directory.GetFiles(output).Select(Path.GetFileName).ToList());

        Git(clone, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty", "-m", "after the tag");
        var version = await DotNet.RunAsync(clone, "msbuild", Path.Combine("src", "Dynatus.Engine"), "-t:MinVer", "-getProperty:Version", "-nodeReuse:false");
        Assert.AreEqual("0.2.1-alpha.0.1", version.Output.Trim(), version.Output);
    }

    private static void Git(string workingDirectory, params string[] arguments)
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = workingDirectory, RedirectStandardError = true })!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.AreEqual(0, git.ExitCode, $"git {string.Join(' ', arguments)}: {error}");
    }
}
