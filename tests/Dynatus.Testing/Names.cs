namespace Dynatus.Testing;

/// <summary>Table names unique to one test, so tests can share a server and run in parallel.</summary>
public static class Names
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 255)];
}
