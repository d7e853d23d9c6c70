namespace Dynatus.Engine.Definitions.Templates;

/// <summary>The template resource types that declare a DynamoDB table.</summary>
internal static class ResourceTypes
{
    public const string Table = "AWS::DynamoDB::Table";
    public const string SimpleTable = "AWS::Serverless::SimpleTable";
    public const string GlobalTable = "AWS::DynamoDB::GlobalTable";

    public static bool IsTable(string? type) => type is Table or SimpleTable or GlobalTable;
}
