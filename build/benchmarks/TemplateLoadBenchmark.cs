using System.Diagnostics;
using System.Text;
using Dynatus.Engine.Definitions;

namespace Dynatus.Benchmarks;

/// <summary>B6: loading 200 tables from one CloudFormation template, beside the same 200 tables as Dynatus YAML.</summary>
internal static class TemplateLoadBenchmark
{
    private const int Count = 200;

    // Loads a run times so that a figure is tens of milliseconds, not the timer's resolution.
    private const int LoadsPerRun = 25;

    private const int WarmUpLoads = 50;

    public static async Task RunAsync(Report report, int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var template = Path.Combine(folder, "template.yaml");
        var yaml = Path.Combine(folder, "tables.yaml");
        await File.WriteAllTextAsync(template, Template());
        await File.WriteAllTextAsync(yaml, Yaml());
        var sources = new Dictionary<string, DefinitionSource>
        {
            ["template"] = new(template) { Parameters = new Dictionary<string, string> { ["Stage"] = "dev" } },
            ["yaml"] = new(yaml),
        };

        // Both load the same tables. Each is loaded until its code is fully compiled (tiered JIT), so that the figures
        // compare the loaders' work rather than how far the JIT has got with each: B3 measures the cold start.
        var names = sources.ToDictionary(s => s.Key, s => Load(s.Value).Select(t => t.TableName).ToList());
        if (!names["template"].SequenceEqual(names["yaml"]))
        {
            throw new InvalidOperationException("B6: the template and the YAML do not declare the same tables.");
        }

        for (var i = 0; i < WarmUpLoads; i++)
        {
            Load(sources["template"]);
            Load(sources["yaml"]);
        }

        var times = new Dictionary<string, List<TimeSpan>> { ["template"] = [], ["yaml"] = [] };
        for (var run = 0; run < Math.Max(runs, 9); run++)
        {
            // Alternated, so that a noisy moment on the shared machine falls on both.
            foreach (var (kind, source) in sources)
            {
                // The garbage of one source's loads is collected before the other's are timed, not during them.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < LoadsPerRun; i++)
                {
                    Load(source);
                }

                times[kind].Add(watch.Elapsed / LoadsPerRun);
            }
        }

        var (fromTemplate, fromYaml) = (Measure.Median(times["template"]), Measure.Median(times["yaml"]));
        report.Section(
            $"B6: loading {Count} tables from a template",
            $"One CloudFormation template of {Count} `AWS::DynamoDB::Table` resources (each with `!Sub`, `!Ref`, `!If` on a condition, `AWS::NoValue`, a GSI and tags) " +
            $"against the same {Count} tables written as Dynatus YAML in one file of {Count} documents: read, functions resolved, validated. " +
            $"Median of {Math.Max(runs, 9)} runs of {LoadsPerRun} loads each after {WarmUpLoads} of each to warm up, the two alternated; no DynamoDB is involved.",
            "source", "load time", "vs plain YAML");
        report.Row("Dynatus YAML (baseline)", $"{fromYaml.TotalMilliseconds:0.0} ms", "1.00x");
        report.Row("CloudFormation template", $"{fromTemplate.TotalMilliseconds:0.0} ms", $"{fromTemplate / fromYaml:0.00}x");
        report.Goal("the template loads in at most 2x the time of the same tables as YAML", fromTemplate / fromYaml <= 2, $"{fromTemplate / fromYaml:0.00}x");
    }

    private static IReadOnlyList<Engine.Model.Table> Load(DefinitionSource source)
    {
        var loaded = TableDefinitionLoader.LoadSources([source]);
        return loaded.IsValid && loaded.Tables.Count == Count
            ? loaded.Tables
            : throw new InvalidOperationException($"B6 expected {Count} valid tables from {source.Path}: {string.Join("; ", loaded.Problems.Take(3))}");
    }

    private static string Template()
    {
        var text = new StringBuilder("""
            Parameters:
              Stage: { Type: String }
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:

            """);
        for (var i = 0; i < Count; i++)
        {
            text.Append(FormattableString.Invariant($$"""
                  Table{{i:000}}:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${Stage}-table-{{i:000}}"
                      KeySchema: [{ AttributeName: id, KeyType: HASH }]
                      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }, { AttributeName: email, AttributeType: S }]
                      BillingMode: !If [IsProd, PROVISIONED, PAY_PER_REQUEST]
                      ProvisionedThroughput: !If [IsProd, { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, !Ref AWS::NoValue]
                      GlobalSecondaryIndexes:
                        - IndexName: by-email
                          KeySchema: [{ AttributeName: email, KeyType: HASH }]
                          Projection: { ProjectionType: ALL }
                      Tags: [{ Key: stage, Value: !Ref Stage }]

                """));
        }

        return text.ToString();
    }

    private static string Yaml() => string.Join("---\n", Enumerable.Range(0, Count).Select(i => FormattableString.Invariant($$"""
        TableName: dev-table-{{i:000}}
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }, { AttributeName: email, AttributeType: S }]
        BillingMode: PAY_PER_REQUEST
        GlobalSecondaryIndexes:
          - IndexName: by-email
            KeySchema: [{ AttributeName: email, KeyType: HASH }]
            Projection: { ProjectionType: ALL }
        Tags: [{ Key: stage, Value: dev }]

        """)));
}
