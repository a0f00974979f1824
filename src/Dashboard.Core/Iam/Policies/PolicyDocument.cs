namespace Dashboard.Core.Iam.Policies;

/// <summary>The policy language version a document declares.</summary>
public enum PolicyVersion
{
    /// <summary>No <c>Version</c>: AWS reads it as 2008-10-17, so policy variables stay literal text.</summary>
    Missing,

    V2008_10_17,

    V2012_10_17,
}

/// <summary>
/// A parsed and precompiled IAM policy (identity, resource-based, boundary, session, SCP or RCP).
/// Parse once with <see cref="PolicyParser"/>, evaluate many times.
/// </summary>
public sealed class PolicyDocument
{
    internal PolicyDocument(PolicyVersion version, string? id, IReadOnlyList<PolicyStatement> statements)
    {
        Version = version;
        Id = id;
        Statements = statements;
    }

    public PolicyVersion Version { get; }

    public string? Id { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>Only 2012-10-17 documents substitute <c>${...}</c> policy variables.</summary>
    public bool SupportsVariables => Version == PolicyVersion.V2012_10_17;
}
