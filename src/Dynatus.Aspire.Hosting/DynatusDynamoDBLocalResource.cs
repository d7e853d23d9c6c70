namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The Dynatus local DynamoDB (Node.js on dynalite, no container), run by Aspire as an executable: an HTTP endpoint
/// named <see cref="EndpointName"/>, healthy once it answers and the tables given to it (WithTables) are synced.
/// </summary>
/// <param name="name">The resource's name.</param>
/// <param name="node">node's full path.</param>
/// <param name="workingDirectory">Where it runs (the AppHost's folder).</param>
public sealed class DynatusDynamoDBLocalResource(string name, string node, string workingDirectory)
    : ExecutableResource(name, node, workingDirectory)
{
    /// <summary>The name of its HTTP endpoint.</summary>
    public const string EndpointName = "http";

    /// <summary>Its HTTP endpoint, as clients reach it.</summary>
    public EndpointReference Endpoint => new(this, EndpointName);
}
