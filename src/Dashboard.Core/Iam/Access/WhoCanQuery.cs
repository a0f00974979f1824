using System.Text.Json.Serialization;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Access;

[JsonConverter(typeof(JsonStringEnumConverter<WhoCanDecision>))]
public enum WhoCanDecision
{
    Allowed,

    /// <summary>Allowed only if the conditions in the result's explanation hold.</summary>
    ConditionallyAllowed,

    /// <summary>Its own policies allow it, but the organization's SCPs deny it.</summary>
    DeniedByScp,
}

/// <summary>One principal that can (or could, but for an SCP) perform the action, with the evaluation behind it.</summary>
public sealed record WhoCanEntry(string PrincipalArn, string Name, PrincipalKind Kind, WhoCanDecision Decision, EvaluationResult Result);

/// <summary>The principals of one account that can perform an action on a resource; principals that cannot are left out.</summary>
public sealed record WhoCanResult(string Action, string Resource, IReadOnlyList<WhoCanEntry> Principals, int PrincipalsChecked)
{
    public IEnumerable<WhoCanEntry> With(WhoCanDecision decision) => Principals.Where(p => p.Decision == decision);
}

/// <summary>
/// "Who in this account can perform A on R?" over every user, role and the root user. Each principal's
/// policies are already parsed (shared through the account's <see cref="EffectiveIdentityBuilder"/>), and a
/// principal none of whose Allow statements names the action is skipped without evaluating, so an account
/// of thousands of principals is answered in one pass. SCPs are evaluated only for principals their own
/// policies allow, to tell "allowed" from "denied by an SCP".
/// </summary>
public static class WhoCanQuery
{
    public static WhoCanResult Run(
        IamAccountAccess account,
        string action,
        string resource = "*",
        ContextKeys? context = null,
        IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies = null,
        PolicyInput? resourcePolicy = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var lowerAction = (action ?? throw new ArgumentNullException(nameof(action))).Trim().ToLowerInvariant();

        // "Who can assume role R?" is answered with R's trust policy, which may name principals directly.
        resourcePolicy ??= account.ResourcePolicyFor(action, resource);
        var exact = resourcePolicy is not null || (context is not null && context.Count > 0);
        var entries = new List<WhoCanEntry>();
        var checkedCount = 0;
        foreach (var identity in account.Principals(includeRoot: true))
        {
            checkedCount++;

            // Without a resource policy only identity policies can allow, so a principal whose Allow
            // statements never name the action cannot perform it.
            if (resourcePolicy is null && !identity.MayAllow(lowerAction))
            {
                continue;
            }

            var own = account.For(identity);
            var result = exact ? own.Explain(action, resource, resourcePolicy, context) : own.Can(action, resource);
            if (!IsAllowedOrConditional(result))
            {
                continue;
            }

            var decision = Decide(result);
            if (serviceControlPolicies is not null)
            {
                var withScps = account.For(identity, serviceControlPolicies).Explain(action, resource, resourcePolicy, context);
                (decision, result) = IsAllowedOrConditional(withScps) ? (Decide(withScps), withScps) : (WhoCanDecision.DeniedByScp, withScps);
            }

            entries.Add(new WhoCanEntry(identity.Arn, identity.Name, identity.Kind, decision, result));
        }

        return new WhoCanResult(action, resource, entries, checkedCount);
    }

    private static bool IsAllowedOrConditional(EvaluationResult result) =>
        result.Kind is DecisionKind.Allowed or DecisionKind.ConditionallyAllowed;

    private static WhoCanDecision Decide(EvaluationResult result) =>
        result.Kind == DecisionKind.Allowed ? WhoCanDecision.Allowed : WhoCanDecision.ConditionallyAllowed;
}
