namespace Dynatus.Engine;

/// <summary>Where a sync reports its progress (each request, each wait), for long operations to be visible.</summary>
public interface ISyncLog
{
    /// <summary>One progress message about one table.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="message">What is happening.</param>
    void Progress(string tableName, string message);
}

/// <summary>A log that drops everything.</summary>
public sealed class NullSyncLog : ISyncLog
{
    /// <summary>The one instance.</summary>
    public static NullSyncLog Instance { get; } = new();

    private NullSyncLog()
    {
    }

    /// <inheritdoc />
    public void Progress(string tableName, string message)
    {
    }
}
