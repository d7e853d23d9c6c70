using System.CommandLine;

namespace Dynatus.Tool.Commands;

/// <summary>The <c>dynatus</c> command and its verbs.</summary>
internal static class DynatusCommand
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var common = new CommonOptions();
        var syncs = new SyncCommands(common, output, error);
        return new RootCommand("Keeps Amazon DynamoDB tables in sync with Dynatus definitions: plan, sync, and export existing tables.")
        {
            syncs.Plan(),
            syncs.Sync(),
            new ExportCommand(common, output, error).Create(),
            new LocalCommand(output, error).Create(),
        };
    }
}
