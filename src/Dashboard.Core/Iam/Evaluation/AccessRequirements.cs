namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// What must allow the request on the caller's and the resource's side: identity policies,
/// resource-based policy, permissions boundary and session policies, by principal kind and by
/// whether the request crosses accounts.
/// </summary>
internal static class AccessRequirements
{
    public static void Add(EvaluationContext context, PolicyLayerEvaluator layers, List<Requirement> requirements, List<string> explanation)
    {
        var request = context.Request;
        var principal = context.Principal;
        var action = request.Action;
        var resource = request.ResourcePolicy is { } resourcePolicy
            ? layers.Evaluate("resource-based policy", [resourcePolicy], PolicyKind.ResourceBased, null, PrincipalCheck.ResourcePolicy)
            : null;

        if (principal.Kind is PrincipalKind.Service or PrincipalKind.Anonymous or PrincipalKind.FederatedIdentity)
        {
            requirements.Add(Requirement.AnyOf(
                "resource-based policy",
                () => resource is null
                    ? $"only a resource-based policy can allow {principal}, and none was given"
                    : $"the resource-based policy does not allow {principal} to perform {action}",
                GrantScope.Direct,
                resource));
            return;
        }

        if (principal.Kind == PrincipalKind.Root)
        {
            if (RoleTrust.IsAssumeRole(context.LowerCaseAction))
            {
                // STS answers AccessDenied "Roles may not be assumed by root accounts", whatever the policies say.
                requirements.Add(Requirement.AnyOf("STS", static () => "the root user cannot assume roles (STS refuses root credentials)", GrantScope.Direct));
                return;
            }

            // The root user needs no identity policy in its own account (IAM User Guide, "root user").
            explanation.Add("The account's root user has full access to its own account unless a policy denies it.");
            if (context.IsCrossAccount)
            {
                requirements.Add(CrossAccountResource(context, resource));
            }

            return;
        }

        var identity = layers.Evaluate("identity-based policies", request.IdentityPolicies, PolicyKind.Identity, null, PrincipalCheck.Ignore);
        var boundary = request.PermissionsBoundary is { } boundaryPolicy
            ? layers.Evaluate("permissions boundary", [boundaryPolicy], PolicyKind.PermissionsBoundary, null, PrincipalCheck.Ignore)
            : null;
        var session = request.SessionPolicies.Count > 0
            ? layers.Evaluate("session policies", request.SessionPolicies, PolicyKind.Session, null, PrincipalCheck.Ignore)
            : null;

        if (context.IsCrossAccount)
        {
            explanation.Add($"Cross-account request (principal in {principal.AccountId}, resource in {context.ResourceAccount}): both sides must allow it.");
            requirements.Add(CrossAccountResource(context, resource));
            requirements.Add(Requirement.AnyOf("identity-based policies", () => $"no identity-based policy in account {principal.AccountId} allows {action} on {context.Resource}", GrantScope.None, identity));
        }
        else if (resource is not null && resource.AllowsDefinitely(GrantScope.Direct))
        {
            explanation.Add("The resource-based policy names this principal directly, which within one account allows the request without identity-based policies, a permissions boundary or session policies.");
            requirements.Add(Requirement.AnyOf("resource-based policy", static () => string.Empty, GrantScope.Direct, resource));
            return;
        }
        else
        {
            if (resource is not null && RoleTrust.IsGovernedByTrustPolicy(context.LowerCaseAction))
            {
                // Role trust policies are the exception to "identity or resource policy" within an account:
                // the trust policy must allow the caller, at least by naming its account (IAM User Guide).
                requirements.Add(Requirement.AnyOf(
                    "role trust policy",
                    () => $"the role's trust policy does not allow {principal} to perform {action}; a role can only be assumed by principals its trust policy allows",
                    GrantScope.Account,
                    resource));
            }

            // A resource policy naming only the account delegates to identity policies, so it is not counted here.
            requirements.Add(Requirement.AnyOf(
                resource is null ? "identity-based policies" : "identity-based or resource-based policy",
                () => resource is null
                    ? $"no identity-based policy allows {action} on {context.Resource}"
                    : $"no identity-based or resource-based policy allows {action} on {context.Resource}",
                GrantScope.Role,
                identity,
                resource));
        }

        if (boundary is not null)
        {
            requirements.Add(Requirement.AnyOf("permissions boundary", () => $"the permissions boundary '{request.PermissionsBoundary!.Name}' does not allow {action}", GrantScope.None, boundary));
        }

        if (session is not null)
        {
            requirements.Add(Requirement.AnyOf("session policies", () => $"no session policy allows {action}", GrantScope.None, session));
        }
    }

    private static Requirement CrossAccountResource(EvaluationContext context, LayerOutcome? resource)
    {
        return Requirement.AnyOf(
            $"resource-based policy in account {context.ResourceAccount}",
            () => resource is null
                ? $"the resource is in account {context.ResourceAccount}: a cross-account request needs its resource-based policy to allow it, and none was given"
                : $"the resource-based policy in account {context.ResourceAccount} does not allow {context.Principal} to perform {context.Request.Action}",
            GrantScope.Account,
            resource);
    }
}

/// <summary>The STS actions a role's trust policy governs, as the resource policy of a request on the role.</summary>
internal static class RoleTrust
{
    public static bool IsAssumeRole(string lowerCaseAction) =>
        lowerCaseAction is "sts:assumerole" or "sts:assumerolewithsaml" or "sts:assumerolewithwebidentity";

    public static bool IsGovernedByTrustPolicy(string lowerCaseAction) =>
        IsAssumeRole(lowerCaseAction) || lowerCaseAction is "sts:tagsession" or "sts:setsourceidentity" or "sts:setcontext";
}
