namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// Decides an IAM request the way AWS documents it (IAM User Guide, "Policy evaluation logic";
/// Organizations guide, SCP and RCP evaluation):
/// <list type="number">
/// <item>An explicit Deny in any applicable policy wins.</item>
/// <item>RCPs and SCPs: every level from the root to the account must have an allowing statement;
/// a lower level cannot re-add what a higher level leaves out. The management account and
/// service-linked roles are exempt; member-account root users are not.</item>
/// <item>Within one account, identity-based or resource-based policies allow (a resource policy that
/// names the user or session directly is enough on its own; one naming the role is still limited by
/// the boundary and session policies; one naming the account delegates to identity policies).</item>
/// <item>Permissions boundaries and session policies intersect with the identity allow.</item>
/// <item>Across accounts both the caller's identity side and the resource's policy must allow.</item>
/// </list>
/// A decision that depends on context keys the request does not supply is conditional, never a guess.
/// </summary>
public static class PolicyEvaluator
{
    public static EvaluationResult Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsWellFormed)
        {
            throw new ArgumentException("invalid evaluation request: " + string.Join("; ", request.Validate()), nameof(request));
        }

        var context = new EvaluationContext(request);
        var layers = new PolicyLayerEvaluator(context, request.Verbose);
        var explanation = new List<string>();
        var requirements = new List<Requirement>();

        AddServiceControlPolicies(context, layers, requirements, explanation);
        AddResourceControlPolicies(context, layers, requirements, explanation);
        AccessRequirements.Add(context, layers, requirements, explanation);

        return DecisionBuilder.Build(context, layers, requirements, explanation);
    }

    private static void AddServiceControlPolicies(EvaluationContext context, PolicyLayerEvaluator layers, List<Requirement> requirements, List<string> explanation)
    {
        if (context.Request.ServiceControlPolicies is not { } levels)
        {
            return;
        }

        var principal = context.Principal;
        var exemption = principal.Kind switch
        {
            _ when context.Request.PrincipalInManagementAccount => "SCPs do not apply: the principal is in the organization's management account.",
            PrincipalKind.ServiceLinkedRole => "SCPs do not apply to service-linked roles.",
            PrincipalKind.Service or PrincipalKind.Anonymous or PrincipalKind.FederatedIdentity =>
                "SCPs do not apply: they restrict principals of member accounts only.",
            _ => null,
        };
        if (exemption is not null)
        {
            explanation.Add(exemption);
            return;
        }

        AddLevels(context, layers, requirements, levels, PolicyKind.ServiceControl, "SCP", PrincipalCheck.Ignore);
    }

    private static void AddResourceControlPolicies(EvaluationContext context, PolicyLayerEvaluator layers, List<Requirement> requirements, List<string> explanation)
    {
        if (context.Request.ResourceControlPolicies is not { } levels)
        {
            return;
        }

        if (context.Request.ResourceInManagementAccount)
        {
            explanation.Add("RCPs do not apply: the resource is in the organization's management account.");
            return;
        }

        if (context.Principal.IsServiceLinkedRole)
        {
            explanation.Add("RCPs do not apply to service-linked roles.");
            return;
        }

        AddLevels(context, layers, requirements, levels, PolicyKind.ResourceControl, "RCP", PrincipalCheck.ResourceControlPolicy);
    }

    private static void AddLevels(
        EvaluationContext context,
        PolicyLayerEvaluator layers,
        List<Requirement> requirements,
        IReadOnlyList<OrganizationPolicyLevel> levels,
        PolicyKind kind,
        string name,
        PrincipalCheck principalCheck)
    {
        foreach (var level in levels)
        {
            var label = $"{name}s at {level.Name}";
            var outcome = layers.Evaluate(label, level.Policies, kind, level.Name, principalCheck);
            requirements.Add(Requirement.AnyOf(
                label,
                () => level.Policies.Count == 0
                    ? $"no {name} is attached at {level.Name}, so nothing is allowed there"
                    : $"no {name} attached at {level.Name} allows {context.Request.Action}; every level from the root to the account must allow it, and a lower level cannot re-add it",
                GrantScope.None,
                outcome));
        }
    }
}
