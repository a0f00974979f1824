using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>One request the SCPs deny, and where: "SCP 'NoIam' at Root (r-1)" or "OU 'Sandbox' (ou-1), where no SCP allows iam:PassRole".</summary>
public sealed record ScpBlock(EvaluationResult Decision, string BlockedBy)
{
    /// <summary>"iam:PassRole on *: Explicitly denied by SCP 'NoIam' at Root (r-1), statement #1."</summary>
    public string Describe() => $"{EvidenceText.Action(Decision.Action)} on {Decision.Resource}: {Decision.Summary}";
}

/// <summary>An escalation method the principal's own policies allow, blocked by the SCPs named in <see cref="Blocks"/>.</summary>
public sealed record BlockedEscalation(PrivilegeEscalationMethod Method, IReadOnlyList<ScpBlock> Blocks)
{
    /// <summary>Where it is blocked, each SCP or level once: "SCP 'NoIam' at Root (r-1)".</summary>
    public IReadOnlyList<string> BlockedBy => [.. Blocks.Select(b => b.BlockedBy).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// The escalation methods an account's SCPs take away (issue 5: escalation results are re-checked through
/// SCPs). Each method the principal's own policies allow but the SCP-scoped scan did not find is re-asked
/// with the SCPs, request by request, and the denied requests name the SCP statement (an explicit Deny) or
/// the level that allows nothing of the kind (an allow-list SCP). Only methods missing from the scoped scan
/// are rescanned, so principals the SCPs leave alone cost no extra evaluations beyond the check itself.
/// </summary>
internal static class ScpBlockedEscalations
{
    private const string RoleChainMethod = "AssumePrivilegedRole";

    public static IReadOnlyList<BlockedEscalation> Find(PrincipalRiskContext principal)
    {
        var account = principal.Account;
        if (account.ServiceControlPolicies is null || principal.AdminWithoutScps.IsAdmin)
        {
            return [];
        }

        var open = new HashSet<string>(principal.Escalations.Select(f => f.Method.Id), StringComparer.OrdinalIgnoreCase);
        var unscoped = principal.Access.WithoutServiceControlPolicies();
        var blocked = new List<BlockedEscalation>();
        var candidates = PrivilegeEscalationCatalog.Methods.Where(m => !open.Contains(m.Id));
        foreach (var finding in PrivilegeEscalationScanner.Scan(unscoped, account.Targets, candidates))
        {
            var blocks = new List<ScpBlock>();
            foreach (var (step, evidence) in finding.Method.Steps.Zip(finding.Evidence))
            {
                blocks.AddRange(Recheck(principal.Access, account, request: a => Ask(a, step, evidence)));
            }

            Add(blocked, finding.Method, blocks);
        }

        if (!open.Contains(RoleChainMethod)
            && PrivilegeEscalationCatalog.Find(RoleChainMethod) is { } method
            && account.RolesWithoutScps.PathToAdmin(unscoped, principal.MaxAssumeRoleHops) is { } chain)
        {
            Add(blocked, method, RoleChainBlocks(principal, chain));
        }

        return blocked;
    }

    private static void Add(List<BlockedEscalation> blocked, PrivilegeEscalationMethod method, List<ScpBlock> blocks)
    {
        // No denied request means the scoped scan missed it for another reason: nothing to attribute to SCPs.
        if (blocks.Count > 0)
        {
            blocked.Add(new BlockedEscalation(method, blocks));
        }
    }

    private static EvaluationResult Ask(PrincipalAccess access, EscalationStep step, EvaluationResult evidence) =>
        step.PassedToService is { } service
            ? access.Can(evidence.Action, evidence.Resource, "iam:PassedToService", service)
            : access.Can(evidence.Action, evidence.Resource);

    /// <summary>
    /// Follows the chain with SCPs: the first role assumption they deny blocks it; if every hop stays open,
    /// the last role is an administrator by its own policies only, and the SCPs' denies on it are the blocks.
    /// </summary>
    private static List<ScpBlock> RoleChainBlocks(PrincipalRiskContext principal, RoleChain chain)
    {
        var account = principal.Account;
        var caller = principal.Access;
        foreach (var hop in chain.Hops)
        {
            var trust = account.RolesWithoutScps.TrustPolicyOf(hop.Role);
            var assume = Recheck(caller, account, a => a.Explain("sts:AssumeRole", hop.Role.Arn, trust));
            if (assume.Count > 0)
            {
                return assume;
            }

            if (account.Access.Identities.TryForRole(hop.Role, out _) is not { } identity)
            {
                return [];
            }

            caller = account.Access.For(identity, account.ServiceControlPolicies);
        }

        var blocks = new List<ScpBlock>();
        foreach (var probe in AdminEquivalence.Assess(caller).DeniedProbes)
        {
            blocks.AddRange(Recheck(caller, account, a => a.Can(probe.Action, probe.Resource)));
        }

        return blocks;
    }

    /// <summary>The request asked with SCPs; a block naming the SCP or level when they deny it, else nothing.</summary>
    private static List<ScpBlock> Recheck(PrincipalAccess scoped, AccountRiskContext account, Func<PrincipalAccess, EvaluationResult> request)
    {
        var decision = request(scoped);
        return decision.Kind switch
        {
            DecisionKind.ExplicitDeny => [new ScpBlock(decision, DenyingStatements(decision))],
            DecisionKind.ImplicitDeny => [new ScpBlock(decision, EmptyLevel(scoped, account, request) ?? decision.Summary)],
            _ => [],
        };
    }

    private static string DenyingStatements(EvaluationResult decision)
    {
        var scps = decision.DecidingStatements
            .Where(s => s.PolicyKind == PolicyKind.ServiceControl)
            .Select(s => $"SCP '{s.PolicyName}' at {s.Level}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return scps.Count > 0 ? string.Join(" and ", scps) : decision.Summary;
    }

    /// <summary>The first level of the chain that on its own denies the request: an allow list without this action.</summary>
    private static string? EmptyLevel(PrincipalAccess scoped, AccountRiskContext account, Func<PrincipalAccess, EvaluationResult> request)
    {
        foreach (var level in scoped.ServiceControlPolicies ?? [])
        {
            var alone = request(account.Access.For(scoped.Identity, [level]));
            if (alone.Kind == DecisionKind.ImplicitDeny)
            {
                return $"{level.Name}, where no SCP allows {EvidenceText.Action(alone.Action)}";
            }
        }

        return null;
    }
}
