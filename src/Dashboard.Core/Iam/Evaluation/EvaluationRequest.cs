namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// "Can this principal perform this action on this resource?", with every policy that applies.
/// Policies are passed already parsed (and compiled), so many requests can share them.
/// </summary>
public sealed record EvaluationRequest
{
    public required PrincipalContext Principal { get; init; }

    /// <summary>The API action, e.g. <c>s3:GetObject</c> (matched case-insensitively).</summary>
    public required string Action { get; init; }

    /// <summary>The resource ARN, or <c>*</c> for actions without resource-level permissions.</summary>
    public string Resource { get; init; } = "*";

    /// <summary>The resource's account; taken from the ARN when it has one (S3 ARNs do not).</summary>
    public string? ResourceAccount { get; init; }

    public ContextKeys Context { get; init; } = ContextKeys.Empty;

    public MissingContextKeys MissingKeys { get; init; } = MissingContextKeys.Unknown;

    /// <summary>Supplies aws:CurrentTime and aws:EpochTime when set (Core reads no clock itself).</summary>
    public DateTimeOffset? RequestTime { get; init; }

    /// <summary>Inline and attached policies of the user or role, including those of the user's groups.</summary>
    public IReadOnlyList<PolicyInput> IdentityPolicies { get; init; } = [];

    /// <summary>The resource's own policy (bucket policy, key policy, role trust policy ...).</summary>
    public PolicyInput? ResourcePolicy { get; init; }

    public PolicyInput? PermissionsBoundary { get; init; }

    /// <summary>Session policies passed to AssumeRole/GetFederationToken; empty means none.</summary>
    public IReadOnlyList<PolicyInput> SessionPolicies { get; init; } = [];

    /// <summary>The SCP chain of the principal's account, root first; null when not in an organization.</summary>
    public IReadOnlyList<OrganizationPolicyLevel>? ServiceControlPolicies { get; init; }

    /// <summary>The RCP chain of the resource's account, root first; null when none apply.</summary>
    public IReadOnlyList<OrganizationPolicyLevel>? ResourceControlPolicies { get; init; }

    /// <summary>SCPs never restrict principals in the management account.</summary>
    public bool PrincipalInManagementAccount { get; init; }

    /// <summary>RCPs never restrict resources in the management account.</summary>
    public bool ResourceInManagementAccount { get; init; }

    /// <summary>Record why each statement did or did not apply (<see cref="EvaluationResult.Trace"/>).</summary>
    public bool Verbose { get; init; }

    /// <summary>True when <see cref="Validate"/> finds nothing; checked without allocating.</summary>
    public bool IsWellFormed => CollectProblems(null);

    /// <summary>Problems that make the request meaningless, each naming the field; empty when fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CollectProblems(problems);
        return problems;
    }

    private bool CollectProblems(List<string>? problems)
    {
        var ok = true;
        void Problem(string text)
        {
            ok = false;
            problems?.Add(text);
        }

        if (Principal is null || string.IsNullOrWhiteSpace(Principal.Arn))
        {
            Problem("principal: missing principal ARN");
        }

        var action = (Action ?? string.Empty).AsSpan().Trim();
        var colon = action.IndexOf(':');
        if (colon <= 0 || colon == action.Length - 1 || action[(colon + 1)..].IndexOf(':') >= 0)
        {
            Problem($"action: '{Action}' is not service:ActionName (e.g. s3:GetObject)");
        }
        else if (action.IndexOfAny('*', '?') >= 0)
        {
            Problem($"action: '{Action}' contains a wildcard; a request names one action");
        }

        if (string.IsNullOrWhiteSpace(Resource))
        {
            Problem("resource: empty (use * for actions without resource-level permissions)");
        }

        return ok;
    }
}
