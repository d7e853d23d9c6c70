using Dynatus.Testing;

namespace Dynatus.Build.Tests;

/// <summary>A temp project that uses the packed Dynatus package from the folder feed, and only that feed.</summary>
internal sealed class Consumer
{
    private Consumer(string folder) => Folder = folder;

    public string Folder { get; }

    public string Name => Path.GetFileName(Folder);

    /// <summary>
    /// A consumer whose build sync goes to <paramref name="endpoint"/>, else to the run's test server, unless
    /// <paramref name="defaultEndpoint"/> leaves the package's default.
    /// </summary>
    public static Consumer Create(string properties = "", string items = "", string targets = "", string? folder = null, bool defaultEndpoint = false, string? endpoint = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "dynatus-e2e", "consumers", Names.Unique("app"));
        Directory.CreateDirectory(Path.Combine(folder, "dynamo"));
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(folder) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {(defaultEndpoint || (endpoint ?? Package.Server.Endpoint) is null ? string.Empty : $"<DynatusEndpoint>{endpoint ?? Package.Server.Endpoint}</DynatusEndpoint>")}
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dynatus" Version="{Package.Version}" />
                {items}
              </ItemGroup>
              {targets}
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Class1.cs"), "namespace App; public static class Class1 { }\n");
        if (!defaultEndpoint && endpoint is null)
        {
            TargetTheRunsDynamoDb(folder);
        }

        WriteNuGetConfig(folder);
        return new Consumer(folder);
    }

    /// <summary>
    /// In an AWS run, the build sync of projects built from <paramref name="folder"/> goes to AWS: an empty global
    /// DynatusEndpoint, which the AWS SDK resolves as in a user's pipeline. MSBuild reads the file for every command run
    /// there. A local run's consumers name the local server in the project instead.
    /// </summary>
    public static void TargetTheRunsDynamoDb(string folder)
    {
        if (Package.Server.Endpoint is null)
        {
            File.WriteAllText(Path.Combine(folder, "Directory.Build.rsp"), "-p:DynatusEndpoint=\n");
        }
    }

    public static void WriteNuGetConfig(string folder) => File.WriteAllText(Path.Combine(folder, "NuGet.Config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="dynatus-e2e" value="{Package.Feed}" />
          </packageSources>
        </configuration>
        """);

    public Consumer WithTable(string file, string yaml)
    {
        File.WriteAllText(Path.Combine(Folder, "dynamo", file), yaml);
        return this;
    }

    /// <summary>A seed file under dynamo/seed, where the package finds seed files by default.</summary>
    public Consumer WithSeed(string file, string json)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "dynamo", "seed"));
        File.WriteAllText(Path.Combine(Folder, "dynamo", "seed", file), json);
        return this;
    }

    /// <summary>dotnet build (or another command) with -nodeReuse:false, the private packages folder and console logs at normal verbosity.</summary>
    public Task<DotNetResult> RunAsync(string command, params string[] arguments) =>
        RunAsync(new Dictionary<string, string?>(), command, arguments);

    /// <summary>The same, with extra environment variables (a null value removes one).</summary>
    public Task<DotNetResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string command, params string[] arguments) =>
        DotNet.RunAsync(Folder, environment, [command, "-nodeReuse:false", "--packages", Package.PackagesFolder, "-tl:off", "-v:n", .. TaskImage, .. arguments]);

    // DYNATUS_TEST_TASK_IMAGE=il runs every scenario on the IL build of the task instead of the image for this runtime.
    private static string[] TaskImage => Environment.GetEnvironmentVariable("DYNATUS_TEST_TASK_IMAGE") is { Length: > 0 } image ? [$"-p:DynatusTaskImage={image}"] : [];

    public Task<DotNetResult> BuildAsync(params string[] arguments) => RunAsync("build", arguments);

    /// <summary>dotnet with the terminal logger at its default verbosity, as in a terminal (forced on, since the output is redirected).</summary>
    public Task<DotNetResult> RunInTerminalAsync(string command, params string[] arguments) =>
        DotNet.RunAsync(Folder, [command, "-nodeReuse:false", "--packages", Package.PackagesFolder, "-tl:on", .. arguments]);
}
