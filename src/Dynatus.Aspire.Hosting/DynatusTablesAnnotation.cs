using Aspire.Hosting.ApplicationModel;

namespace Dynatus.Aspire.Hosting;

/// <summary>The definition and seed files a DynamoDB resource is synced with when it has started.</summary>
internal sealed class DynatusTablesAnnotation : IResourceAnnotation
{
    /// <summary>Definition files, folders of them, or templates, as DynamoTable items take them (full paths).</summary>
    public List<string> Tables { get; } = [];

    /// <summary>Seed files or folders of them (full paths).</summary>
    public List<string> Seeds { get; } = [];
}
