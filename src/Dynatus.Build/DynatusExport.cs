using Dynatus.Engine.Connecting;
using Dynatus.Engine.Exporting;
using Microsoft.Build.Framework;

namespace Dynatus.Build;

/// <summary>Writes Dynatus definitions of live tables (the engine's <see cref="TableExport"/>): the front end only.</summary>
public sealed class DynatusExport : Microsoft.Build.Utilities.Task
{
    private static readonly ClientSettingNames SettingNames = new("DynatusEndpoint", "DynatusRegion", "DynatusProfile", "set DynatusAllowInsecureEndpoint=true", "run where AWS is set up");

    /// <summary>The folder to write into.</summary>
    [Required]
    public string Directory { get; set; } = string.Empty;

    /// <summary>
    /// The tables, by their full names, separated by ';' or ',' (on the command line, in quotes: -p:DynatusExportTables=\"a;b\");
    /// none: every table (with a prefix, those starting with it).
    /// </summary>
    public string[] TableNames { get; set; } = [];

    /// <summary>A DynamoDB endpoint URL; empty means AWS, through the standard region and credential chain.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The AWS region; empty means the standard chain.</summary>
    public string? Region { get; set; }

    /// <summary>An AWS profile name; empty means the standard credential chain.</summary>
    public string? Profile { get; set; }

    /// <summary>Stripped from the names of tables and files.</summary>
    public string? TablePrefix { get; set; }

    /// <summary><c>true</c> overwrites files that exist. Default <c>false</c>.</summary>
    public string? ExportOverwrite { get; set; }

    /// <summary><c>true</c> allows a plain http:// endpoint that is not on this machine. Default <c>false</c>.</summary>
    public string? AllowInsecureEndpoint { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var parameters = new ParameterReader();
        var overwrite = parameters.Flag(ExportOverwrite, nameof(ExportOverwrite), fallback: false);
        var allowInsecure = parameters.Flag(AllowInsecureEndpoint, nameof(AllowInsecureEndpoint), fallback: false);
        var log = new BuildLog(Log, default);
        if (parameters.Problems.Count > 0)
        {
            foreach (var refused in parameters.Problems)
            {
                log.Error(refused);
            }

            return false;
        }

        if (!DynamoClient.TryCreate(Endpoint, Region, Profile, allowInsecure, SettingNames, out var client, out var target, out var problem))
        {
            log.Error(problem!);
            return false;
        }

        using (client)
        {
            var names = TableNames.SelectMany(n => n.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var options = new ExportOptions { TableNames = names, TablePrefix = TablePrefix, Overwrite = overwrite, OverwriteSetting = "-p:DynatusExportOverwrite=true" };
            var result = System.Threading.Tasks.Task.Run(() => TableExport.ExportAsync(client, Directory, options)).GetAwaiter().GetResult();
            if (result.Error is { } failure)
            {
                log.Error(failure);
                return false;
            }

            foreach (var file in result.Files)
            {
                Log.LogMessage(MessageImportance.High, $"Dynatus: exported {file.Table} from {target.Description} to {file.Path}");
            }

            Log.LogMessage(MessageImportance.High, $"Dynatus: exported {result.Files.Count} table(s) to {Path.GetFullPath(Directory)}.");
            return true;
        }
    }
}
