namespace Dynatus.LocalServer;

/// <summary>How to start the local DynamoDB: with which node and npm, from which files, with which arguments.</summary>
/// <param name="Node">node's full path.</param>
/// <param name="Npm">npm's full path (npm.cmd on Windows).</param>
internal sealed record LocalServerStart(string Node, string Npm)
{
    /// <summary>The server's files (server.js, lib/, package.json and its lock file); by default those shipped beside the program.</summary>
    public string Files { get; init; } = LocalServerInstall.BundledFiles;

    /// <summary>Arguments for server.js (--port, --path, --profile, --admin ...).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Variables set for npm and the server, over this process's own.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>node and npm from the PATH; null when either is missing.</summary>
    public static LocalServerStart? FromPath() =>
        NodeJs.Find("node") is { } node && NodeJs.Find("npm") is { } npm ? new LocalServerStart(node, npm) : null;

    /// <summary>What to say when <see cref="FromPath"/> found nothing.</summary>
    public const string NodeMissing = "the local DynamoDB needs Node.js 20 or later with npm on the PATH (https://nodejs.org, or your package manager: apt-get install nodejs npm, brew install node, winget install OpenJS.NodeJS.LTS); node or npm was not found.";
}
