using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>Whether a principal can do everything, with the probe decisions behind the answer.</summary>
public sealed record AdminAssessment(DecisionKind Decision, IReadOnlyList<EvaluationResult> Probes)
{
    public static AdminAssessment NotAdmin { get; } = new(DecisionKind.ImplicitDeny, []);

    /// <summary>Every probe allowed outright.</summary>
    public bool IsAdmin => Decision == DecisionKind.Allowed;

    /// <summary>Every probe allowed, some only under conditions.</summary>
    public bool IsConditionalAdmin => Decision == DecisionKind.ConditionallyAllowed;

    public IEnumerable<EvaluationResult> DeniedProbes => Probes.Where(p => p.Kind is DecisionKind.ExplicitDeny or DecisionKind.ImplicitDeny);
}

/// <summary>
/// "Is <c>*</c> allowed on <c>*</c>?", decided by evaluation rather than by looking for <c>"Action": "*"</c>
/// in the text. A request names exactly one action, so <c>*</c> is asked as an action no policy names
/// (<see cref="ActionProbes.AnyAction"/>: only <c>*</c>, service-less wildcards or a NotAction statement
/// allow it) together with the sensitive actions a NotAction statement or a Deny typically carves out
/// (IAM changes, role assumption, organization exit, logging, data and key access), all on every resource.
/// So AdministratorAccess attached through a group, <c>NotAction: iam:PassRole</c> (not admin) and an
/// allow-all cancelled by a deny-all (not admin) all come out right.
/// </summary>
public static class AdminEquivalence
{
    /// <summary>The actions asked, after the "any action" probe.</summary>
    public static IReadOnlyList<string> SensitiveProbes { get; } =
    [
        "iam:CreateUser",
        "iam:CreateAccessKey",
        "iam:CreatePolicyVersion",
        "iam:AttachUserPolicy",
        "iam:AttachRolePolicy",
        "iam:PutRolePolicy",
        "iam:UpdateAssumeRolePolicy",
        "iam:PassRole",
        "sts:AssumeRole",
        "organizations:LeaveOrganization",
        "cloudtrail:StopLogging",
        "ec2:RunInstances",
        "lambda:UpdateFunctionCode",
        "s3:GetObject",
        "s3:PutBucketPolicy",
        "kms:Decrypt",
        "secretsmanager:GetSecretValue",
    ];

    public static AdminAssessment Assess(PrincipalAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var any = access.Can(ActionProbes.AnyAction);
        if (any.Kind is not (DecisionKind.Allowed or DecisionKind.ConditionallyAllowed))
        {
            // Without "any action" nothing else can make the principal an administrator; keep the one answer.
            return new AdminAssessment(any.Kind, [any]);
        }

        var probes = new List<EvaluationResult>(SensitiveProbes.Count + 1) { any };
        foreach (var action in SensitiveProbes)
        {
            probes.Add(access.Can(action));
        }

        var denied = probes.FirstOrDefault(p => p.Kind is DecisionKind.ExplicitDeny or DecisionKind.ImplicitDeny);
        var decision = denied?.Kind
            ?? (probes.TrueForAll(p => p.Kind == DecisionKind.Allowed) ? DecisionKind.Allowed : DecisionKind.ConditionallyAllowed);
        return new AdminAssessment(decision, probes);
    }
}
