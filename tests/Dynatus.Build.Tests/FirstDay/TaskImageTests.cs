using System.Runtime.InteropServices;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class TaskImageTests
{
    [TestMethod]
    public async Task The_dotnet_CLI_loads_the_task_compiled_ahead_of_time_for_its_runtime_when_the_package_has_it()
    {
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(Names.Unique("aot")));

        var build = await consumer.BuildAsync("-v:d");
        Assert.AreEqual(0, build.ExitCode, build.Output);
        var expected = Imaged ? $"tasks/net10.0/{RuntimeInformation.RuntimeIdentifier}/Dynatus.Build.dll" : "tasks/net8.0/Dynatus.Build.dll";
        StringAssert.Contains(Normalized(build.Output), expected);
    }

    [TestMethod]
    public async Task On_a_runtime_the_package_has_no_image_for_the_IL_build_is_loaded_and_syncs()
    {
        var name = Names.Unique("il");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name));

        // The SDK's runtime identifier, as a machine the package has no image for would report it.
        var build = await consumer.BuildAsync("-v:d", "-p:NETCoreSdkRuntimeIdentifier=linux-riscv64");
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(Normalized(build.Output), "tasks/net8.0/Dynatus.Build.dll");
        StringAssert.Contains(build.Output, $"{name}: create");
    }

    [TestMethod]
    public async Task The_task_runs_its_own_code_as_compiled_ahead_of_time_not_by_the_JIT()
    {
        if (!Imaged)
        {
            Assert.Inconclusive($"The package has no image for {RuntimeInformation.RuntimeIdentifier}.");
        }

        // crossgen2 leaves to the JIT, without a word, every method that touches a type whose assembly it was not given:
        // the task's own methods (MSBuild types everywhere) were all JIT-compiled until MSBuild's were given to it.
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(Names.Unique("jit")));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        var jitted = Path.Combine(consumer.Folder, "jit.txt");
        var build = await consumer.RunAsync(new Dictionary<string, string?> { ["DOTNET_JitStdOutFile"] = jitted, ["DOTNET_JitDisasmSummary"] = "1" }, "build", "-nodeReuse:false");

        Assert.AreEqual(0, build.ExitCode, build.Output);
        var methods = File.ReadAllLines(jitted);
        Assert.IsTrue(methods.Any(m => m.Contains("Dynatus.Engine", StringComparison.Ordinal)), "The JIT's list holds no Dynatus code: it is not the build's.");
        var first = methods.Where(m => m.Contains("JIT compiled Dynatus.Build.", StringComparison.Ordinal) && m.Contains("Tier0", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(first, string.Join(Environment.NewLine, first));
    }

    private static bool Imaged =>
        RuntimeInformation.RuntimeIdentifier is "linux-x64" or "linux-arm64" or "win-x64" or "osx-arm64" && Environment.GetEnvironmentVariable("DYNATUS_TEST_TASK_IMAGE") != "il";

    private static string Normalized(string output) => output.Replace('\\', '/').Replace("/build/../", "/", StringComparison.Ordinal);

    [TestMethod]
    public async Task DynatusTaskImage_il_loads_the_IL_build_anywhere()
    {
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(Names.Unique("ilask")));

        var build = await consumer.BuildAsync("-v:d", "-p:DynatusTaskImage=il");
        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(Normalized(build.Output), "tasks/net8.0/Dynatus.Build.dll");
    }
}
