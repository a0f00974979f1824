using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>
/// The shape of cloudsplaining's categories: a scan of actions allowed on unrestricted resources, one
/// result per principal listing what was found. Administrators are left to the administrator rule
/// (they have every capability) and service-linked roles to their service.
/// </summary>
public abstract class UnrestrictedActionsRule : PrincipalRiskRule
{
    /// <summary>What the found items are, in the message: "data-reading actions", "services".</summary>
    protected abstract string Noun { get; }

    protected abstract ScanOutcome Scan(PrincipalAccess access);

    public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal)
    {
        if (!principal.IsAnalysedForPermissions || principal.Admin.IsAdmin)
        {
            yield break;
        }

        var outcome = Scan(principal.Access);
        if (outcome.IsEmpty)
        {
            yield break;
        }

        var who = Describe(principal);
        var allowed = outcome.AllowedItems;
        var message = allowed.Count > 0
            ? $"{who} is allowed {Noun} on all resources: {RiskText.List(allowed)}."
            : $"{who} is allowed {Noun} on all resources if conditions hold: {RiskText.List(outcome.ConditionalItems)}.";
        yield return Result(principal, message,
            allowed.Count > 0 ? RiskStatus.Fail : RiskStatus.Conditional,
            items: allowed,
            conditionalItems: outcome.ConditionalItems,
            explanation: RiskText.Capped(outcome.Allowed.Concat(outcome.Conditional).Select(h => EvidenceText.Of(h.Result))));
    }
}
