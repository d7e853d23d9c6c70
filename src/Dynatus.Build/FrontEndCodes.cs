namespace Dynatus.Build;

/// <summary>The codes of the MSBuild front end's own warnings and errors (the engine's are DYN1xx and DYN2xx).</summary>
internal static class FrontEndCodes
{
    // DYN001, the unsupported MSBuild host, is raised in Dynatus.targets, before the task can load; DYN002, DYN003 and
    // DYN005, a client that cannot be made, by the engine's DynamoClient, which the command-line tool shares.

    /// <summary>DynatusFailOnChanges: tables differ from their definitions.</summary>
    public const string Drift = "DYN004";

    /// <summary>A property or task parameter has a value outside the accepted ones.</summary>
    public const string InvalidParameter = "DYN006";

    /// <summary>A table was created, updated or recreated (a warning so that the terminal logger shows it; never an error).</summary>
    public const string TableChanged = "DYN010";

    /// <summary>Nothing answers at the build sync's implicit default endpoint: tables not synced, the build goes on.</summary>
    public const string DefaultEndpointUnreachable = "DYN011";

    /// <summary>A change AWS's rate limits defer to a later sync (one TTL change a table an hour); the build goes on.</summary>
    public const string Deferred = "DYN013";

    /// <summary>Tables recreated on an endpoint off this machine with DynatusBackupBeforeRecreate=false (the user's choice; never an error).</summary>
    public const string RecreatedWithoutBackup = "DYN014";

    /// <summary>A line of the plan DynatusPlan was asked for (a warning so that the terminal logger shows it; never an error).</summary>
    public const string Plan = "DYN012";

    /// <summary>Seed files, but no DynamoTable item: their rows have no table to go into.</summary>
    public const string SeedsWithoutTables = "DYN015";

}
