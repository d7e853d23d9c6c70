using Dynatus.Engine.Connecting;
using Microsoft.Build.Framework;

namespace Dynatus.Build;

/// <summary>
/// Starts, early in a build and without waiting for it, the warm-up of the code the sync after the build runs cold
/// (<see cref="ProcessWarmUp"/>): the sync then finds it ready instead of adding its compile time to every build.
/// </summary>
public sealed class DynatusWarmUp : Microsoft.Build.Utilities.Task
{
    /// <summary>The definitions the sync will load.</summary>
    public ITaskItem[] Tables { get; set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        ProcessWarmUp.Start([.. Tables.Select(t => t.GetMetadata("FullPath"))]);
        return true;
    }
}
