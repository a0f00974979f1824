using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Access;

/// <summary>
/// A principal with every identity policy that applies to it, each under the name it is shown with:
/// a user's inline and attached policies plus those of each of its groups, a role's inline and attached
/// policies and its permissions boundary, or the account's root user (no policies needed).
/// Built once per principal; the parsed documents are shared with every other principal that uses them.
/// </summary>
public sealed class EffectiveIdentity
{
    public required PrincipalContext Principal { get; init; }

    /// <summary>User name, role name, or "root".</summary>
    public required string Name { get; init; }

    public IReadOnlyList<PolicyInput> IdentityPolicies { get; init; } = [];

    public PolicyInput? PermissionsBoundary { get; init; }

    /// <summary>The groups of a user (names as the user lists them, including groups the snapshot lacks).</summary>
    public IReadOnlyList<string> GroupNames { get; init; } = [];

    public IamUser? User { get; init; }

    public IamRole? Role { get; init; }

    public PrincipalKind Kind => Principal.Kind;

    public string Arn => Principal.Arn;

    public bool IsRoot => Principal.Kind == PrincipalKind.Root;

    public bool IsServiceLinkedRole => Principal.Kind == PrincipalKind.ServiceLinkedRole;

    /// <summary>Policies that could not be parsed (their permissions are unknown), with the reason.</summary>
    public IEnumerable<PolicyInput> UnreadablePolicies =>
        IdentityPolicies.Concat(PermissionsBoundary is null ? [] : [PermissionsBoundary]).Where(p => !p.Parsed.IsSuccess);

    public override string ToString() => Arn;

    /// <summary>
    /// False when no Allow statement of the identity policies names the action (Action matches, or
    /// NotAction leaves it out): the evaluator would then answer "implicitly denied" for users and roles
    /// whatever the resource, boundary or SCPs, so scans can skip the full evaluation. The root user
    /// needs no identity policy and always answers true.
    /// </summary>
    internal bool MayAllow(string lowerCaseAction)
    {
        if (IsRoot)
        {
            return true;
        }

        foreach (var input in IdentityPolicies)
        {
            if (!input.Parsed.IsSuccess)
            {
                continue;
            }

            foreach (var statement in input.Parsed.Policy.Statements)
            {
                if (statement.Effect == PolicyEffect.Allow && statement.Actions.AnyPatternMatches(lowerCaseAction) != statement.Actions.IsNegated)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The Allow statements of the identity policies that name the action, with the policy they are in.</summary>
    internal IEnumerable<(PolicyInput Policy, PolicyStatement Statement)> AllowStatementsFor(string lowerCaseAction)
    {
        foreach (var input in IdentityPolicies)
        {
            if (!input.Parsed.IsSuccess)
            {
                continue;
            }

            foreach (var statement in input.Parsed.Policy.Statements)
            {
                if (statement.Effect == PolicyEffect.Allow && statement.Actions.AnyPatternMatches(lowerCaseAction) != statement.Actions.IsNegated)
                {
                    yield return (input, statement);
                }
            }
        }
    }

    /// <summary>Every statement of the identity policies and the boundary (parsed ones only).</summary>
    internal IEnumerable<PolicyStatement> AllStatements()
    {
        foreach (var input in IdentityPolicies.Concat(PermissionsBoundary is null ? [] : [PermissionsBoundary]))
        {
            if (input.Parsed.IsSuccess)
            {
                foreach (var statement in input.Parsed.Policy.Statements)
                {
                    yield return statement;
                }
            }
        }
    }
}
