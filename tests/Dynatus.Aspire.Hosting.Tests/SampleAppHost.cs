using System.Reflection;
using System.Runtime.Loader;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Dynatus.Testing;

namespace Dynatus.Aspire.Hosting.Tests;

/// <summary>
/// samples/Aspire as a user has it: Dynatus.Aspire.Hosting and Dynatus.Engine packed once per test run into a folder
/// feed, the sample copied out and its AppHost built against that feed (and nuget.org for Aspire), then started by
/// Aspire.Hosting.Testing with the package's assemblies and server files from the AppHost's own output.
/// </summary>
[TestClass]
public static class SampleAppHost
{
    private static Type entryPoint = null!;

    /// <summary>The sample's copy: AppHost/ and Orders.Api/ (its dynamo/ definitions and seed rows).</summary>
    public static string Folder { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task BuildAsync(TestContext context)
    {
        var root = Path.Combine(Path.GetTempPath(), "dynatus-aspire", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        Folder = Path.Combine(root, "sample");
        // The sample's own version (the run's private packages folder means no cached copy of it can be restored), built
        // in a folder of its own: the other test assemblies pack the same projects at the same time.
        foreach (var (project, build) in new[] { ("Dynatus.Aspire.Hosting", true), ("Dynatus.Engine", false) })
        {
            var pack = await DotNet.RunAsync(RepositoryRoot.Path, ["pack", Path.Combine("src", project), "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(root, "artifacts"), "-p:MinVerVersionOverride=0.0.0-quickstart", "-nodeReuse:false", .. build ? Array.Empty<string>() : ["--no-build"]]);
            Assert.AreEqual(0, pack.ExitCode, pack.Output);
        }

        CopySample(Path.Combine(RepositoryRoot.Path, "samples", "Aspire"), Folder);
        File.WriteAllText(Path.Combine(Folder, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="dynatus-e2e" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var appHost = Path.Combine(Folder, "AppHost");
        // Its default output: Aspire runs the API with dotnet run --no-build, from the API's own.
        var built = await DotNet.RunAsync(appHost, "build", "-nodeReuse:false", "--packages", Path.Combine(root, "packages"));
        Assert.AreEqual(0, built.ExitCode, built.Output);
        entryPoint = new AppHostLoadContext(Path.Combine(appHost, "bin", "Debug", "net10.0")).EntryPoint("AppHost");
    }

    /// <summary>The sample's AppHost, ready to build and start; <paramref name="appHostDirectory"/> moves what its relative paths start from.</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(CancellationToken cancellationToken, string? appHostDirectory = null) =>
        DistributedApplicationTestingBuilder.CreateAsync(entryPoint, [], (options, _) =>
        {
            if (appHostDirectory is not null)
            {
                options.ProjectDirectory = appHostDirectory;
            }
        },
        cancellationToken);

    /// <summary>A copy of the sample's source, without what a build of it left behind.</summary>
    public static void CopySample(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    // The AppHost with the Dynatus assemblies of its own output, not the ones this test assembly was built with (the
    // shared test library brings Dynatus.Engine and the launcher); Aspire's assemblies are shared with the tests, which
    // talk to the app through them.
    private sealed class AppHostLoadContext : AssemblyLoadContext
    {
        private readonly string folder;

        public AppHostLoadContext(string folder)
            : base("sample AppHost")
        {
            this.folder = folder;
            // What neither this context nor the tests' have, from the AppHost's output.
            Resolving += (context, name) => File.Exists(PathOf(name)) ? context.LoadFromAssemblyPath(PathOf(name)) : null;
            // Aspire finds the AppHost's assembly by name (Assembly.Load, in the tests' context).
            Default.Resolving += (_, name) => Assemblies.FirstOrDefault(a => a.GetName().Name == name.Name);
        }

        public Type EntryPoint(string assembly) => LoadFromAssemblyPath(Path.Combine(folder, assembly + ".dll")).EntryPoint!.DeclaringType!;

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name!.StartsWith("Dynatus.", StringComparison.Ordinal) ? LoadFromAssemblyPath(PathOf(assemblyName)) : null;

        private string PathOf(AssemblyName name) => Path.Combine(folder, name.Name + ".dll");
    }
}
