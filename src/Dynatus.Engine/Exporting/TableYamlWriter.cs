using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Exporting;

/// <summary>
/// Writes a table model as a Dynatus table file, in the CreateTable spelling and a fixed field order, declaring only
/// what the model holds. Reading the file back gives the same model. Pure.
/// </summary>
internal static partial class TableYamlWriter
{
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_./@+=-]*$")]
    private static partial Regex Plain();

    public static string Write(Table table, string header)
    {
        var yaml = new Yaml();
        foreach (var line in header.Split('\n'))
        {
            yaml.Line(0, "# " + line);
        }

        yaml.Field(0, "TableName", table.TableName);
        Key(yaml, 0, table.KeySchema);
        yaml.Line(0, "AttributeDefinitions:");
        foreach (var attribute in table.AllKeys.SelectMany(k => k.Attributes).DistinctBy(a => a.AttributeName))
        {
            yaml.Field(1, "- AttributeName", attribute.AttributeName);
            yaml.Field(2, "AttributeType", attribute.AttributeType.Value);
        }

        yaml.Field(0, "BillingMode", table.BillingMode.Value);
        Throughput(yaml, 0, table.Throughput);
        Indexes(yaml, "GlobalSecondaryIndexes", table.GlobalSecondaryIndexes);
        Indexes(yaml, "LocalSecondaryIndexes", table.LocalSecondaryIndexes);
        if (table.StreamSpecification is { } stream)
        {
            yaml.Line(0, "StreamSpecification:");
            yaml.Field(1, "StreamEnabled", stream.StreamViewType is not null);
            yaml.OptionalField(1, "StreamViewType", stream.StreamViewType?.Value);
            Policy(yaml, 1, stream.ResourcePolicy);
        }

        if (table.SSESpecification is { } sse)
        {
            yaml.Line(0, "SSESpecification:");
            yaml.Field(1, "Enabled", sse.Kms);
            yaml.OptionalField(1, "SSEType", sse.Kms ? "KMS" : null);
            yaml.OptionalField(1, "KMSMasterKeyId", sse.KMSMasterKeyId);
        }

        yaml.OptionalField(0, "TableClass", table.TableClass?.Value);
        Protection(yaml, 0, table.DeletionProtectionEnabled);

        if (table.TimeToLiveSpecification is { } ttl)
        {
            yaml.Line(0, "TimeToLiveSpecification:");
            yaml.Field(1, "AttributeName", ttl.AttributeName);
            yaml.Field(1, "Enabled", ttl.Enabled);
        }

        Recovery(yaml, 0, table.PointInTimeRecoverySpecification);
        Insights(yaml, 0, table.ContributorInsightsSpecification);
        Kinesis(yaml, 0, table.KinesisStreamSpecification);
        Policy(yaml, 0, table.ResourcePolicy);

        if (table.Replicas is { Count: > 0 } replicas)
        {
            yaml.Line(0, "Replicas:");
            foreach (var replica in replicas)
            {
                yaml.Field(1, "- RegionName", replica.RegionName);
                yaml.OptionalField(2, "TableClassOverride", replica.TableClassOverride?.Value);
                yaml.OptionalField(2, "KMSMasterKeyId", replica.KMSMasterKeyId);
                ReadOverrides(yaml, 2, replica.ReadCapacityUnitsOverride, replica.MaxReadRequestUnitsOverride);
                AutoScaling(yaml, 2, "Read", replica.ReadAutoScaling);
                if (replica.GlobalSecondaryIndexes is { } indexes)
                {
                    yaml.Line(2, "GlobalSecondaryIndexes:");
                    foreach (var index in indexes)
                    {
                        yaml.Field(3, "- IndexName", index.IndexName);
                        ReadOverrides(yaml, 4, index.ReadCapacityUnitsOverride, index.MaxReadRequestUnitsOverride);
                        AutoScaling(yaml, 4, "Read", index.ReadAutoScaling);
                        Insights(yaml, 4, index.ContributorInsightsSpecification);
                    }
                }

                Protection(yaml, 2, replica.DeletionProtectionEnabled);
                Recovery(yaml, 2, replica.PointInTimeRecoverySpecification);
                Insights(yaml, 2, replica.ContributorInsightsSpecification);
                Tags(yaml, 2, replica.Tags);
                Policy(yaml, 2, replica.ResourcePolicy);
                if (replica.StreamResourcePolicy is { PolicyDocument: not null } streamPolicy)
                {
                    yaml.Line(2, "ReplicaStreamSpecification:");
                    Policy(yaml, 3, streamPolicy);
                }

                Kinesis(yaml, 2, replica.KinesisStreamSpecification);
            }
        }

        yaml.OptionalField(0, "MultiRegionConsistency", table.MultiRegionConsistency?.Value);
        if (table.GlobalTableWitness is { } witness)
        {
            yaml.Line(0, "GlobalTableWitnesses:");
            yaml.Field(1, "- RegionName", witness);
        }

        Tags(yaml, 0, table.Tags);
        return yaml.ToString();
    }

    private static void Tags(Yaml yaml, int depth, IReadOnlyList<TableTag>? tags)
    {
        if (tags is not null)
        {
            yaml.Line(depth, tags.Count == 0 ? "Tags: []" : "Tags:");
            foreach (var tag in tags)
            {
                yaml.Field(depth + 1, "- Key", tag.Key);
                yaml.Field(depth + 2, "Value", tag.Value);
            }
        }
    }

    private static void Key(Yaml yaml, int depth, TableKey key)
    {
        yaml.Line(depth, "KeySchema:");
        foreach (var (element, type) in key.Schema)
        {
            yaml.Field(depth + 1, "- AttributeName", element.AttributeName);
            yaml.Field(depth + 2, "KeyType", type);
        }
    }

    private static void Throughput(Yaml yaml, int depth, Throughput throughput)
    {
        if (throughput.ProvisionedThroughput is { } capacity)
        {
            yaml.Line(depth, "ProvisionedThroughput:");
            yaml.Field(depth + 1, "ReadCapacityUnits", capacity.ReadCapacityUnits);
            yaml.Field(depth + 1, "WriteCapacityUnits", capacity.WriteCapacityUnits);
        }

        Units(yaml, depth, "OnDemandThroughput", "MaxReadRequestUnits", "MaxWriteRequestUnits", throughput.OnDemandThroughput);
        Units(yaml, depth, "WarmThroughput", "ReadUnitsPerSecond", "WriteUnitsPerSecond", throughput.WarmThroughput);
        AutoScaling(yaml, depth, "Write", throughput.WriteAutoScaling);
        AutoScaling(yaml, depth, "Read", throughput.ReadAutoScaling);
    }

    // As CloudFormation's global table declares it.
    private static void AutoScaling(Yaml yaml, int depth, string side, CapacityAutoScaling? scaling)
    {
        if (scaling is null)
        {
            return;
        }

        yaml.Line(depth, $"{side}ProvisionedThroughputSettings:");
        yaml.Line(depth + 1, $"{side}CapacityAutoScalingSettings:");
        yaml.Field(depth + 2, "MinCapacity", scaling.MinCapacity);
        yaml.Field(depth + 2, "MaxCapacity", scaling.MaxCapacity);
        yaml.Line(depth + 2, "TargetTrackingScalingPolicyConfiguration:");
        yaml.Line(depth + 3, string.Create(CultureInfo.InvariantCulture, $"TargetValue: {scaling.TargetValue}"));
        yaml.OptionalField(depth + 3, "ScaleInCooldown", scaling.ScaleInCooldown);
        yaml.OptionalField(depth + 3, "ScaleOutCooldown", scaling.ScaleOutCooldown);
        if (scaling.DisableScaleIn is { } disabled)
        {
            yaml.Field(depth + 3, "DisableScaleIn", disabled);
        }
    }

    private static void Units(Yaml yaml, int depth, string field, string read, string write, Units? units)
    {
        if (units is not null)
        {
            yaml.Line(depth, field + ":");
            yaml.OptionalField(depth + 1, read, units.Read);
            yaml.OptionalField(depth + 1, write, units.Write);
        }
    }

    private static void Indexes(Yaml yaml, string field, IReadOnlyList<SecondaryIndex>? indexes)
    {
        if (indexes is null)
        {
            return;
        }

        yaml.Line(0, indexes.Count == 0 ? field + ": []" : field + ":");
        foreach (var index in indexes)
        {
            yaml.Field(1, "- IndexName", index.IndexName);
            Key(yaml, 2, index.KeySchema);
            yaml.Line(2, "Projection:");
            yaml.Field(3, "ProjectionType", index.Projection.ProjectionType.Value);
            if (index.Projection.NonKeyAttributes.Count > 0)
            {
                yaml.Line(3, "NonKeyAttributes:");
                foreach (var attribute in index.Projection.NonKeyAttributes)
                {
                    yaml.Line(4, "- " + Scalar(attribute));
                }
            }

            Throughput(yaml, 2, index.Throughput);
            Insights(yaml, 2, index.ContributorInsightsSpecification);
        }
    }

    private static void Kinesis(Yaml yaml, int depth, KinesisStreamingSetting? kinesis)
    {
        if (kinesis is { StreamArn: { } streamArn })
        {
            yaml.Line(depth, "KinesisStreamSpecification:");
            yaml.Field(depth + 1, "StreamArn", streamArn);
            yaml.OptionalField(depth + 1, "ApproximateCreationDateTimePrecision", kinesis.ApproximateCreationDateTimePrecision?.Value);
        }
    }

    // As one JSON string: a policy's own ${aws:...} variables are written $${, which Dynatus reads back as ${.
    private static void Policy(Yaml yaml, int depth, ResourcePolicySetting? policy)
    {
        if (policy?.PolicyDocument is { } document)
        {
            yaml.Line(depth, "ResourcePolicy:");
            yaml.Line(depth + 1, "PolicyDocument: '" + document.Replace("${", "$${", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'");
        }
    }

    private static void ReadOverrides(Yaml yaml, int depth, long? read, long? max)
    {
        if (read is not null)
        {
            yaml.Line(depth, "ProvisionedThroughputOverride:");
            yaml.Field(depth + 1, "ReadCapacityUnits", read.Value);
        }

        if (max is not null)
        {
            yaml.Line(depth, "OnDemandThroughputOverride:");
            yaml.Field(depth + 1, "MaxReadRequestUnits", max.Value);
        }
    }

    private static void Protection(Yaml yaml, int depth, bool? protection)
    {
        if (protection is { } on)
        {
            yaml.Field(depth, "DeletionProtectionEnabled", on);
        }
    }

    private static void Recovery(Yaml yaml, int depth, RecoverySetting? pitr)
    {
        if (pitr is not null)
        {
            yaml.Line(depth, "PointInTimeRecoverySpecification:");
            yaml.Field(depth + 1, "PointInTimeRecoveryEnabled", pitr.Enabled);
            yaml.OptionalField(depth + 1, "RecoveryPeriodInDays", pitr.RecoveryPeriodInDays);
        }
    }

    private static void Insights(Yaml yaml, int depth, ContributorInsightsSetting? insights)
    {
        if (insights is not null)
        {
            yaml.Line(depth, "ContributorInsightsSpecification:");
            yaml.Field(depth + 1, "Enabled", insights.Enabled);
            yaml.OptionalField(depth + 1, "Mode", insights.Mode?.Value);
        }
    }

    // Plain where YAML reads the text back as that same string; else double-quoted. ${ is written $${, which Dynatus
    // reads as a literal ${ rather than a variable.
    private static string Scalar(string value)
    {
        value = value.Replace("${", "$${", StringComparison.Ordinal);
        if (Plain().IsMatch(value) && value is not ("null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"))
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Lines of block YAML, two spaces a level; "- " at the start of a field opens a list entry.</summary>
    private sealed class Yaml
    {
        private readonly StringBuilder text = new();

        public void Line(int depth, string line) => text.Append(' ', depth * 2).Append(line).Append('\n');

        public void Field(int depth, string name, string value) => Line(depth, $"{name}: {Scalar(value)}");

        public void Field(int depth, string name, bool value) => Line(depth, $"{name}: {(value ? "true" : "false")}");

        public void Field(int depth, string name, long value) => Line(depth, string.Create(CultureInfo.InvariantCulture, $"{name}: {value}"));

        public void OptionalField(int depth, string name, string? value)
        {
            if (value is not null)
            {
                Field(depth, name, value);
            }
        }

        public void OptionalField(int depth, string name, long? value)
        {
            if (value is { } number)
            {
                Field(depth, name, number);
            }
        }

        public override string ToString() => text.ToString();
    }
}
