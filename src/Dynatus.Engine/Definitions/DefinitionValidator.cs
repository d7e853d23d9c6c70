using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Definitions;

/// <summary>
/// The checks DynamoDB applies to a CreateTable request (the validation rules of the DynamoDB API reference),
/// made before any call so that an invalid definition never reaches DynamoDB.
/// </summary>
internal sealed partial class DefinitionValidator(List<DefinitionProblem> problems)
{
    // The values DynamoDB takes, spelled by the SDK types the table model holds them in.
    private static readonly string[] KeyTypes = [KeyType.HASH.Value, KeyType.RANGE.Value];

    private static readonly string[] AttributeTypes = [ScalarAttributeType.S.Value, ScalarAttributeType.N.Value, ScalarAttributeType.B.Value];

    private static readonly string[] BillingModes = [BillingMode.PROVISIONED.Value, BillingMode.PAY_PER_REQUEST.Value];

    private static readonly string[] ProjectionTypes = [ProjectionType.ALL.Value, ProjectionType.KEYS_ONLY.Value, ProjectionType.INCLUDE.Value];

    private static readonly string[] StreamViewTypes = [StreamViewType.KEYS_ONLY.Value, StreamViewType.NEW_IMAGE.Value, StreamViewType.OLD_IMAGE.Value, StreamViewType.NEW_AND_OLD_IMAGES.Value];

    private static readonly string[] TableClasses = [TableClass.STANDARD.Value, TableClass.STANDARD_INFREQUENT_ACCESS.Value];

    private static readonly string[] ContributorInsightsModes = [ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS.Value, ContributorInsightsMode.THROTTLED_KEYS.Value];

    private static readonly string[] CreationTimePrecisions = [ApproximateCreationDateTimePrecision.MILLISECOND.Value, ApproximateCreationDateTimePrecision.MICROSECOND.Value];

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[a-zA-Z0-9_.-]{0,252}$")]
    private static partial Regex NamePrefix();

    /// <summary>One problem for a prefix DynamoDB refuses in table names, instead of one for each table it prefixes.</summary>
    public static DefinitionProblem? CheckPrefix(string? prefix) =>
        prefix is null || NamePrefix().IsMatch(prefix)
            ? null
            : new DefinitionProblem(ProblemCodes.InvalidName, $"The table prefix '{prefix}' (DynatusTablePrefix, or the TablePrefix option) has characters DynamoDB refuses in table names: use letters, digits, '_', '-' and '.'.", default);

    /// <summary>
    /// The declared table as the model, or null when it has a problem: each problem is reported, and a table with one
    /// never becomes a model.
    /// </summary>
    public Table? Validate(DeclaredTable declared)
    {
        var before = problems.Count;
        if (!declared.HasMisspelling)
        {
            Check(declared.Definition);
        }

        return problems.Count == before && !declared.HasReadProblems ? TableOf(declared) : null;
    }

    private void Check(TableDefinition table)
    {
        if (Required(table, nameof(table.TableName), table.TableName))
        {
            CheckName(table, nameof(table.TableName), table.TableName!, "table");
        }

        var tableKeys = CheckKeySchema(table, nameof(table.KeySchema), table.KeySchema, required: true);
        CheckAttributeDefinitions(table);
        CheckThroughput(table);
        CheckIndexes(table, tableKeys);
        CheckStreamAndSettings(table);
        CheckTags(table.Tags);
        CheckRecovery(table.PointInTimeRecoverySpecification);
        CheckContributorInsights(table.ContributorInsightsSpecification);
        CheckResourcePolicy(table.ResourcePolicy);
        CheckKinesisDestination(table.KinesisStreamSpecification, region: null);
        CheckReplicas(table);
        foreach (var index in table.GlobalSecondaryIndexes ?? [])
        {
            CheckContributorInsights(index.ContributorInsightsSpecification);
        }
    }

    private void Report(string code, string message, DefinitionNode node, string field) =>
        problems.Add(new DefinitionProblem(code, message, node.LocationOf(field) ?? default));

    private bool Required(DefinitionNode node, string field, object? value)
    {
        if (value is not null)
        {
            return true;
        }

        if (node.WasReported(field))
        {
            return false;
        }

        Report(ProblemCodes.MissingField, $"{field} is required in {Describe(node)}.", node, field);
        return false;
    }

    private static string Describe(DefinitionNode node) => node switch
    {
        TableDefinition => "a table definition",
        GlobalSecondaryIndexDefinition g => $"global secondary index '{g.IndexName}'",
        LocalSecondaryIndexDefinition l => $"local secondary index '{l.IndexName}'",
        _ => node.GetType().Name.Replace("Definition", string.Empty, StringComparison.Ordinal),
    };

    private void OneOf(DefinitionNode node, string field, string? value, string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Report(ProblemCodes.InvalidValue, $"{field} '{value}' is not one of {string.Join(", ", allowed)}.{Suggestions.DidYouMean(value, allowed)}", node, field);
        }
    }

    private void AtLeast(DefinitionNode node, string field, long? value, long minimum, bool allowUnlimited = false)
    {
        if (value is { } number && number < minimum && !(allowUnlimited && number == AwsDefaults.NoOnDemandLimit))
        {
            var unlimited = allowUnlimited ? " (or -1 for no limit)" : string.Empty;
            Report(ProblemCodes.OutOfRange, $"{field} must be at least {minimum}{unlimited}, but is {number}.", node, field);
        }
    }

    private void CheckName(DefinitionNode node, string field, string name, string what)
    {
        if (!Name().IsMatch(name))
        {
            Report(ProblemCodes.InvalidName, $"The {what} name '{name}' is not 3 to 255 characters of letters, digits, '_', '-' and '.'.", node, field);
        }
    }
}
