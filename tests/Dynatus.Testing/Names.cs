namespace Dynatus.Testing;

/// <summary>
/// Table names unique to one test, so tests can share a server and run in parallel; in an AWS run, under the run's
/// prefix, so that the run deletes them at the end.
/// </summary>
public static class Names
{
    public static string Unique(string prefix) => $"{TestTarget.Prefix}{prefix}-{Guid.NewGuid():N}"[..Math.Min(TestTarget.Prefix.Length + prefix.Length + 13, 255)];
}
