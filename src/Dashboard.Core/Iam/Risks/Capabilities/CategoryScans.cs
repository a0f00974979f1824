using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>
/// cloudsplaining's categories, each decided by evaluating actions for the principal on unrestricted
/// resources (<c>*</c>, as cloudsplaining defines them): all its policies, denies, boundary and SCPs together.
/// </summary>
public static class CategoryScans
{
    public static ScanOutcome DataExfiltration(PrincipalAccess access) => ActionScan.Run(access, SensitiveActions.DataExfiltration);

    public static ScanOutcome CredentialsExposure(PrincipalAccess access) => ActionScan.Run(access, SensitiveActions.CredentialsExposure);

    /// <summary>Permissions-management actions: they change resource policies, ACLs, grants and IAM itself.</summary>
    public static ScanOutcome ResourceExposure(PrincipalAccess access) => ActionScan.Run(access, PermissionsManagementActions.All);

    /// <summary>
    /// Services whose every action is allowed on every resource (<c>s3:*</c>), asked with a probe action per
    /// service the policies name; "*" when any action of any service is (<c>*</c> or NotAction).
    /// </summary>
    public static ScanOutcome ServiceWildcards(PrincipalAccess access)
    {
        var services = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var statement in access.Identity.AllStatements())
        {
            foreach (var pattern in statement.Actions.Values)
            {
                if (ActionProbes.ServiceOf(pattern) is { } service)
                {
                    services.Add(service);
                }
            }
        }

        var probes = new List<(string, string)> { ("*", ActionProbes.AnyAction) };
        probes.AddRange(services.Select(s => (s, ActionProbes.AnyActionOf(s))));
        return ActionScan.Run(access, probes);
    }

    /// <summary>
    /// Write, tagging and permissions-management actions allowed on every resource. Without an action
    /// catalogue the candidates are the patterns the principal's Allow statements name (wildcards through
    /// probe actions), plus "*" when any action at all is allowed; their level comes from the verb.
    /// </summary>
    public static ScanOutcome InfrastructureModification(PrincipalAccess access)
    {
        var probes = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["*"] = ActionProbes.AnyAction };
        foreach (var statement in access.Identity.AllStatements())
        {
            if (statement.Effect != PolicyEffect.Allow || statement.Actions.IsNegated)
            {
                continue;
            }

            foreach (var pattern in statement.Actions.Values)
            {
                var probe = ActionProbes.ForPattern(pattern);
                if (ActionAccessLevels.IsModifying(ActionAccessLevels.Classify(probe)))
                {
                    probes.TryAdd(pattern.Trim(), probe);
                }
            }
        }

        return ActionScan.Run(access, probes.Select(p => (p.Key, p.Value)));
    }
}
