using System.CommandLine;
using Amazon.DynamoDBv2;
using Dynatus.Engine;
using Dynatus.Engine.Connecting;

namespace Dynatus.Tool.Commands;

/// <summary>The options every verb that talks to DynamoDB takes, by the names users guess; credentials only from the AWS chain.</summary>
internal sealed class CommonOptions
{
    public static readonly ClientSettingNames Names = new("--endpoint", "--region", "--profile", "pass --allow-insecure-endpoint", "run where AWS is set up");

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "The DynamoDB endpoint URL (a local DynamoDB); default: the AWS SDK's (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, the profile), else AWS." };

    public Option<string?> Region { get; } = new("--region") { Description = "The AWS region; default: the AWS chain (AWS_REGION, the profile)." };

    public Option<string?> Profile { get; } = new("--profile") { Description = "An AWS profile name; default: the AWS chain." };

    public Option<string?> Prefix { get; } = new("--prefix") { Description = "Prepended to every table name (dev-, prod-); export strips it." };

    public Option<bool> AllowInsecureEndpoint { get; } = new("--allow-insecure-endpoint") { Description = "Allow a plain http:// endpoint that is not on this machine." };

    public Option<OutputFormat> Output { get; } = new("--output") { Description = "text (default) or json.", DefaultValueFactory = _ => OutputFormat.Text };

    public IEnumerable<Option> All => [Endpoint, Region, Profile, Prefix, AllowInsecureEndpoint, Output];

    /// <summary>The client, or the coded reason there is none, written to <paramref name="error"/>.</summary>
    public bool TryConnect(ParseResult parse, TextWriter error, out AmazonDynamoDBClient client, out SyncTarget target)
    {
        if (DynamoClient.TryCreate(parse.GetValue(Endpoint), parse.GetValue(Region), parse.GetValue(Profile), parse.GetValue(AllowInsecureEndpoint), Names, out client, out target, out var problem))
        {
            return true;
        }

        error.WriteLine($"error {problem!.Code}: {problem.Message}");
        return false;
    }
}

/// <summary>How results are written.</summary>
internal enum OutputFormat
{
    /// <summary>Lines a person reads, with the build's codes and places.</summary>
    Text,

    /// <summary>One JSON document, as the MSBuild package's plan report writes it.</summary>
    Json,
}
