using System.CommandLine;
using System.Text.Json;
using Dynatus.Engine.Exporting;

namespace Dynatus.Tool.Commands;

/// <summary><c>dynatus export</c>: Dynatus definitions of live tables, one file a table.</summary>
internal sealed class ExportCommand(CommonOptions common, TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly Argument<string[]> tables = new("table") { Description = "Tables to export, by their full names; none: every table (with --prefix, those starting with it).", Arity = ArgumentArity.ZeroOrMore };

    private readonly Option<string> folder = new("--out") { Description = "The folder to write the files into.", Required = true };

    private readonly Option<bool> force = new("--force") { Description = "Overwrite files that exist; without it an existing file stops the export before anything is written." };

    public Command Create()
    {
        var command = new Command("export", "Write a Dynatus definition of each live table, so that tables made elsewhere can be adopted.") { tables, folder, force };
        foreach (var option in common.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (!common.TryConnect(parse, error, out var client, out _))
        {
            return ExitCodes.Error;
        }

        using (client)
        {
            var options = new ExportOptions { TableNames = parse.GetValue(tables) ?? [], TablePrefix = parse.GetValue(common.Prefix), Overwrite = parse.GetValue(force), OverwriteSetting = "--force" };
            var result = await TableExport.ExportAsync(client, parse.GetValue(folder)!, options, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(common.Output) == OutputFormat.Json)
            {
                output.WriteLine(JsonSerializer.Serialize(new { result.Files, Error = result.Error is { } e ? new { e.Code, e.Message } : null }, Json));
            }
            else if (result.Error is { } failure)
            {
                error.WriteLine($"error {failure.Code}: {failure.Message}");
            }
            else
            {
                foreach (var file in result.Files)
                {
                    output.WriteLine($"{file.Table} -> {file.Path}");
                }

                output.WriteLine($"Exported {result.Files.Count} table(s).");
            }

            return result.Error is null ? ExitCodes.Success : ExitCodes.Error;
        }
    }
}
