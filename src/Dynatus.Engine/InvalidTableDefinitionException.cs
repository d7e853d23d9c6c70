using Dynatus.Engine.Definitions;

namespace Dynatus.Engine;

/// <summary>Thrown by the low-level entry when a definition built in code is invalid; nothing was sent.</summary>
public sealed class InvalidTableDefinitionException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    /// <param name="problems">Every problem found.</param>
    public InvalidTableDefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base("Invalid DynamoDB table definitions:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }
}
