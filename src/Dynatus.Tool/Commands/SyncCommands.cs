using System.CommandLine;
using System.Diagnostics;
using Dynatus.Engine;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Planning;
using Dynatus.Engine.Reporting;

namespace Dynatus.Tool.Commands;

/// <summary><c>dynatus plan</c> and <c>dynatus sync</c>: the same engine run as the build targets, a dry run or not.</summary>
internal sealed class SyncCommands
{
    private readonly CommonOptions common;
    private readonly TextWriter output;
    private readonly TextWriter error;

    private readonly Argument<string[]> paths = new("path") { Description = "Definition files or templates, or folders of them (**/*.yaml, **/*.yml).", Arity = ArgumentArity.OneOrMore };

    private readonly Option<string[]> variables = new("--var") { Description = "Name=Value for ${Name} in definitions and for template parameters; repeatable. Environment variables are the fallback." };

    private readonly Option<string[]> sourcePrefixes = new("--source-prefix") { Description = "FILE=PREFIX: prepended to the names of that file's tables, after --prefix (two templates whose tables share logical ids); repeatable." };

    private readonly Option<bool> allowRecreate = new("--allow-recreate") { Description = "Allow recreating a table whose keys or local indexes changed: it deletes every item. Off by default." };
    private readonly Option<bool> allowReplicaRemoval = new("--allow-replica-removal") { Description = "Allow removing a replica the definition no longer lists: it deletes the table in that region with its items. Off by default." };

    private readonly Option<bool?> backupBeforeRecreate = new("--backup-before-recreate") { Description = "true or false: back a table up (CreateBackup) before a recreate deletes it; default: true off this machine, false on loopback." };

    private readonly Option<string?> autoScalingEndpoint = new("--auto-scaling-endpoint") { Description = "Where Application Auto Scaling is asked whether a differing provisioned capacity is scaled; default: the --endpoint when given, else AWS." };

    private readonly Option<int> maxParallelism = new("--max-parallelism") { Description = "Tables synced at once, 1 to 1000.", DefaultValueFactory = _ => 64 };

    private readonly Option<int> timeout = new("--timeout") { Description = "The longest any one wait may take, in seconds, 1 to 86400.", DefaultValueFactory = _ => 1200 };

    private readonly Option<bool> detailedExitCode = new("--detailed-exitcode") { Description = "Exit 2 when the plan has changes, 0 when every table is in sync, 1 on error." };

    public SyncCommands(CommonOptions common, TextWriter output, TextWriter error)
    {
        (this.common, this.output, this.error) = (common, output, error);
        // A misspelt option would otherwise be taken for a path, and reported as one that does not exist.
        paths.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                r.AddError($"Unrecognized option '{token.Value}'. See dynatus --help.");
            }
        });
        maxParallelism.Validators.Add(r => Range(r, r.GetValueOrDefault<int>(), 1, 1000, "--max-parallelism"));
        timeout.Validators.Add(r => Range(r, r.GetValueOrDefault<int>(), 1, 86400, "--timeout"));
    }

    public Command Plan()
    {
        var command = Command("plan", "Show what a sync would change; change nothing.");
        command.Options.Add(detailedExitCode);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, dryRun: true, cancellationToken));
        return command;
    }

    public Command Sync()
    {
        var command = Command("sync", "Create and update the tables to match their definitions.");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, dryRun: false, cancellationToken));
        return command;
    }

    private Command Command(string name, string description)
    {
        var command = new Command(name, description) { paths, variables, sourcePrefixes, allowRecreate, allowReplicaRemoval, backupBeforeRecreate, autoScalingEndpoint, maxParallelism, timeout };
        foreach (var option in common.All)
        {
            command.Options.Add(option);
        }

        return command;
    }

    private static void Range(System.CommandLine.Parsing.OptionResult result, int value, int minimum, int maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            result.AddError($"{name} is {value}: use a whole number from {minimum} to {maximum}.");
        }
    }

    private async Task<int> RunAsync(ParseResult parse, bool dryRun, CancellationToken cancellationToken)
    {
        if (!Inputs.TryFiles(parse.GetValue(paths) ?? [], error, out var files)
            || !Inputs.TryVariables(parse.GetValue(variables) ?? [], error, out var values)
            || !Inputs.TrySourcePrefixes(parse.GetValue(sourcePrefixes) ?? [], files, error, out var prefixes))
        {
            return ExitCodes.Error;
        }

        var scalingEndpoint = parse.GetValue(autoScalingEndpoint);
        if (DynamoClient.CheckAutoScalingEndpoint(scalingEndpoint, "--auto-scaling-endpoint", parse.GetValue(common.AllowInsecureEndpoint), CommonOptions.Names) is { } refused)
        {
            error.WriteLine($"error {refused.Code}: {refused.Message}");
            return ExitCodes.Error;
        }

        if (!common.TryConnect(parse, error, out var client, out var target))
        {
            return ExitCodes.Error;
        }

        using (client)
        {
            var options = new SyncOptions
            {
                DryRun = dryRun,
                AllowRecreate = parse.GetValue(allowRecreate),
                AllowReplicaRemoval = parse.GetValue(allowReplicaRemoval),
                BackupBeforeRecreate = target.BackupBeforeRecreate(parse.GetValue(backupBeforeRecreate)),
                AutoScalingEndpoint = scalingEndpoint,
                MaxParallelism = parse.GetValue(maxParallelism),
                WaitTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                TablePrefix = parse.GetValue(common.Prefix),
                Region = target.Region,
                Variables = Variables.WithEnvironment(values),
                SettingNames = DefinitionSettingNames.Tool,
                Log = parse.GetValue(common.Output) == OutputFormat.Text ? new ConsoleProgress(error) : NullSyncLog.Instance,
            };
            var watch = Stopwatch.StartNew();
            var result = await TableSync.SyncSourcesAsync(client, files.Select(f => new DefinitionSource(f) { Parameters = values, TablePrefix = prefixes.GetValueOrDefault(f) }), options, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(common.Output) == OutputFormat.Json)
            {
                output.WriteLine(SyncReport.Json(result, target, dryRun));
            }
            else
            {
                new ConsoleReport(output, error, dryRun).Write(result, target, watch.Elapsed);
            }

            var failed = result.Problems.Count > 0 || result.Tables.Any(m => !m.Succeeded);
            return failed ? ExitCodes.Error
                : dryRun && parse.GetValue(detailedExitCode) && result.Tables.Any(m => m.Action != TableAction.Noop) ? ExitCodes.Changes
                : ExitCodes.Success;
        }
    }
}
