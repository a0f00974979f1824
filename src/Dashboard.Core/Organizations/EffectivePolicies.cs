using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Organizations;

/// <summary>One level of an account's chain with the organization's own records (for pages and reports).</summary>
public sealed record EffectivePolicyLevel(string TargetId, OrganizationTargetKind Kind, string Name, IReadOnlyList<OrganizationPolicy> Policies);

public enum OrganizationTargetKind
{
    Root,
    OrganizationalUnit,
    Account,
}

/// <summary>
/// The SCP (or RCP) chain of an account: the policies attached directly at the root, at each OU on the way
/// down and at the account, in that order. Organizations' DescribeEffectivePolicy does not support SCPs,
/// so the chain is ours to build: an action must be allowed at every level and a Deny anywhere wins,
/// which is what <see cref="PolicyEvaluator"/> does with the <see cref="OrganizationPolicyLevel"/>s.
/// </summary>
public static class EffectivePolicies
{
    /// <summary>
    /// The levels root → OUs → account in the shape the evaluator takes. Empty when the policy type is not
    /// enabled on the root (then such policies restrict nothing). The management account gets its chain
    /// too; the evaluator exempts it through <see cref="EvaluationRequest.PrincipalInManagementAccount"/>.
    /// </summary>
    public static IReadOnlyList<OrganizationPolicyLevel> ForAccount(
        OrganizationSnapshot snapshot,
        string accountId,
        string policyType = OrganizationPolicyTypes.ServiceControlPolicy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.FindAccount(accountId) is null)
            throw new ArgumentException($"Account {accountId} is not in organization {snapshot.Organization.Id}.", nameof(accountId));
        return ToEvaluatorLevels(snapshot, ChainFor(snapshot, accountId, policyType));
    }

    /// <summary>The chain of any root, OU or account, with the organization's records at each level.</summary>
    public static IReadOnlyList<EffectivePolicyLevel> ChainFor(
        OrganizationSnapshot snapshot,
        string targetId,
        string policyType = OrganizationPolicyTypes.ServiceControlPolicy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyType);
        if (!snapshot.IsTarget(targetId))
            throw new ArgumentException($"{targetId} is not the root, an OU or an account of organization {snapshot.Organization.Id}.", nameof(targetId));
        if (!snapshot.IsPolicyTypeEnabled(policyType)) return [];

        return
        [
            .. snapshot.PathTo(targetId).Select(id => new EffectivePolicyLevel(
                id,
                KindOf(snapshot, id),
                LevelName(snapshot, id),
                snapshot.PoliciesAttachedTo(id, policyType))),
        ];
    }

    /// <summary>The chain of a root, OU or account in the evaluator's shape (as <see cref="ForAccount"/>).</summary>
    public static IReadOnlyList<OrganizationPolicyLevel> ForTarget(
        OrganizationSnapshot snapshot,
        string targetId,
        string policyType = OrganizationPolicyTypes.ServiceControlPolicy) =>
        ToEvaluatorLevels(snapshot, ChainFor(snapshot, targetId, policyType));

    /// <summary>How a level is named in results: "Root (r-ab12)", "OU 'Sandbox' (ou-ab12-34cd5678)", "Account 'prod' (111122223333)".</summary>
    public static string LevelName(OrganizationSnapshot snapshot, string targetId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (targetId == snapshot.Root.Id) return $"Root ({targetId})";
        if (snapshot.FindOrganizationalUnit(targetId) is { } unit) return $"OU '{unit.Name}' ({targetId})";
        if (snapshot.FindAccount(targetId) is { } account) return $"Account '{account.Name}' ({targetId})";
        throw new ArgumentException($"{targetId} is not the root, an OU or an account of organization {snapshot.Organization.Id}.", nameof(targetId));
    }

    private static OrganizationTargetKind KindOf(OrganizationSnapshot snapshot, string id) =>
        id == snapshot.Root.Id ? OrganizationTargetKind.Root
        : snapshot.FindOrganizationalUnit(id) is not null ? OrganizationTargetKind.OrganizationalUnit
        : OrganizationTargetKind.Account;

    private static IReadOnlyList<OrganizationPolicyLevel> ToEvaluatorLevels(OrganizationSnapshot snapshot, IReadOnlyList<EffectivePolicyLevel> chain) =>
        [.. chain.Select(level => new OrganizationPolicyLevel(level.Name, [.. level.Policies.Select(p => snapshot.ParsedPolicy(p.Id))]))];
}
