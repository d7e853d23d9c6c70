using Aspire.Hosting.ApplicationModel;
using Dynatus.Aspire.Hosting;
using Dynatus.LocalServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>The Dynatus local DynamoDB as an AppHost resource, its tables and seed rows, and references to it.</summary>
public static class DynatusDynamoDBLocalExtensions
{
    /// <summary>
    /// Adds the Dynatus local DynamoDB: Node.js 20 or later on the PATH, no container. It keeps its data in memory
    /// unless <paramref name="dataFolder"/> is given.
    /// </summary>
    /// <param name="builder">The AppHost's builder.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="port">The port clients use; a free one when null.</param>
    /// <param name="dataFolder">A folder to keep the tables and items in across runs (relative to the AppHost).</param>
    public static IResourceBuilder<DynatusDynamoDBLocalResource> AddDynatusDynamoDBLocal(this IDistributedApplicationBuilder builder, string name, int? port = null, string? dataFolder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var start = LocalServerStart.FromPath() ?? throw new DistributedApplicationException($"{name}: {LocalServerStart.NodeMissing}");
        var resource = new DynatusDynamoDBLocalResource(name, start.Node, builder.AppHostDirectory);
        return builder.AddResource(resource)
            .WithHttpEndpoint(port: port, name: DynatusDynamoDBLocalResource.EndpointName, env: "DYNATUS_LOCAL_PORT")
            .WithArgs(async context =>
            {
                // The server's npm packages are installed once per set of server files, the first time it starts.
                var log = new StringWriter();
                var folder = await LocalServerInstall.EnsureAsync(start, log, context.CancellationToken).ConfigureAwait(false)
                    ?? throw new DistributedApplicationException($"{name}: {LocalServerInstall.InstallFailed}{Environment.NewLine}{log}");
                context.Args.Add(Path.Combine(folder, "server.js"));
                context.Args.Add("--profile");
                context.Args.Add("instant");
                if (dataFolder is not null)
                {
                    context.Args.Add("--path");
                    context.Args.Add(Path.GetFullPath(dataFolder, builder.AppHostDirectory));
                }
            })
            .WithDynatusSync();
    }

    /// <summary>
    /// Syncs these tables into the resource's DynamoDB when it has started, before it reports healthy. Takes definition
    /// files, folders of them (their seed/ folder aside) and CloudFormation, SAM or CDK templates, relative to the AppHost.
    /// Any resource with an HTTP endpoint that speaks DynamoDB will do, AddAWSDynamoDBLocal's among them.
    /// </summary>
    /// <param name="builder">The DynamoDB resource.</param>
    /// <param name="paths">Files or folders.</param>
    public static IResourceBuilder<T> WithTables<T>(this IResourceBuilder<T> builder, params string[] paths)
        where T : IResourceWithEndpoints
    {
        return builder.WithSyncedPaths(files => files.Tables, paths);
    }

    /// <summary>Puts these seed rows (JSON or JSON Lines files, or folders of them) into the tables the sync creates.</summary>
    /// <param name="builder">The DynamoDB resource.</param>
    /// <param name="paths">Files or folders, relative to the AppHost.</param>
    public static IResourceBuilder<T> WithSeedData<T>(this IResourceBuilder<T> builder, params string[] paths)
        where T : IResourceWithEndpoints
    {
        return builder.WithSyncedPaths(files => files.Seeds, paths);
    }

    /// <summary>
    /// Points the AWS SDK of the referencing resource at the local DynamoDB: <c>AWS_ENDPOINT_URL_DYNAMODB</c>, a region
    /// (<c>AWS_REGION</c>) and placeholder credentials, each only where the AppHost's environment has none.
    /// </summary>
    /// <param name="builder">The resource that uses DynamoDB.</param>
    /// <param name="dynamodb">The local DynamoDB.</param>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<DynatusDynamoDBLocalResource> dynamodb)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dynamodb);
        return builder.WithReferenceRelationship(dynamodb.Resource)
            .WithEnvironment("AWS_ENDPOINT_URL_DYNAMODB", dynamodb.Resource.Endpoint)
            .WithEnvironment(context =>
            {
                var configured = builder.ApplicationBuilder.Configuration;
                if (string.IsNullOrEmpty(configured["AWS_REGION"]) && string.IsNullOrEmpty(configured["AWS_DEFAULT_REGION"]))
                {
                    context.EnvironmentVariables["AWS_REGION"] = TablesSync.DefaultRegion;
                }

                if (string.IsNullOrEmpty(configured["AWS_ACCESS_KEY_ID"]) && string.IsNullOrEmpty(configured["AWS_PROFILE"]))
                {
                    context.EnvironmentVariables["AWS_ACCESS_KEY_ID"] = "dynatus-local";
                    context.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = "dynatus-local";
                }
            });
    }

    // Paths relative to the AppHost, added to one list of the resource's sync.
    private static IResourceBuilder<T> WithSyncedPaths<T>(this IResourceBuilder<T> builder, Func<DynatusTablesAnnotation, List<string>> list, string[] paths)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        list(builder.WithDynatusSync().Resource.Annotations.OfType<DynatusTablesAnnotation>().Single())
            .AddRange(paths.Select(p => Path.GetFullPath(p, builder.ApplicationBuilder.AppHostDirectory)));
        return builder;
    }

    // The annotation and the health check that syncs it, once a resource.
    private static IResourceBuilder<T> WithDynatusSync<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEndpoints
    {
        if (builder.Resource.Annotations.OfType<DynatusTablesAnnotation>().Any())
        {
            return builder;
        }

        var files = new DynatusTablesAnnotation();
        var key = $"{builder.Resource.Name}_dynatus_tables";
        // The factory runs for every check; the one check it returns keeps the sync's outcome across them.
        TablesSyncedHealthCheck? check = null;
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, services => LazyInitializer.EnsureInitialized(ref check, () => new TablesSyncedHealthCheck(builder.Resource, files, services.GetRequiredService<ResourceLoggerService>())), failureStatus: null, tags: null));
        return builder.WithAnnotation(files).WithHealthCheck(key);
    }
}
