using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>A method the principal can use: allowed outright or only under conditions, with one decision per step.</summary>
public sealed record EscalationFinding(PrivilegeEscalationMethod Method, DecisionKind Decision, IReadOnlyList<EvaluationResult> Evidence)
{
    public bool IsAllowed => Decision == DecisionKind.Allowed;

    /// <summary>"iam:PassRole on arn:…:role/x: allowed by …" per step.</summary>
    public IEnumerable<string> Describe() => Evidence.Select(EvidenceText.Of);
}

/// <summary>
/// Checks the permission-based methods of <see cref="PrivilegeEscalationCatalog"/> by evaluation: every
/// step must be allowed (any of its alternative actions, on <c>*</c> or on an existing target of its kind),
/// through all of the principal's policies together, denies, boundary and SCPs included. That is what
/// separates IAM-Vulnerable's fn1 (PassRole and RunInstances in two policies: caught) from fp1 (iam:* allowed
/// and denied: not flagged).
/// </summary>
public static class PrivilegeEscalationScanner
{
    public static IReadOnlyList<EscalationFinding> Scan(PrincipalAccess access, EscalationTargets targets, IEnumerable<PrivilegeEscalationMethod>? methods = null)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(targets);
        var findings = new List<EscalationFinding>();
        foreach (var method in methods ?? PrivilegeEscalationCatalog.Methods)
        {
            if (method.Kind != EscalationMethodKind.Permissions || method.Steps.Count == 0)
            {
                continue;
            }

            var evidence = new List<EvaluationResult>(method.Steps.Count);
            foreach (var step in method.Steps)
            {
                if (BestFor(access, step, targets) is not { } result)
                {
                    evidence.Clear();
                    break;
                }

                evidence.Add(result);
            }

            if (evidence.Count == method.Steps.Count)
            {
                var decision = evidence.TrueForAll(e => e.Kind == DecisionKind.Allowed) ? DecisionKind.Allowed : DecisionKind.ConditionallyAllowed;
                findings.Add(new EscalationFinding(method, decision, evidence));
            }
        }

        return findings;
    }

    /// <summary>The most permissive decision for a step: an allowed one if any, else a conditional one, else null.</summary>
    internal static EvaluationResult? BestFor(PrincipalAccess access, EscalationStep step, EscalationTargets targets)
    {
        EvaluationResult? conditional = null;
        foreach (var action in step.AnyOf)
        {
            if (!access.Identity.MayAllow(action.ToLowerInvariant()))
            {
                continue;
            }

            var onAll = Can(access, step, action, "*");
            if (onAll.Kind == DecisionKind.Allowed)
            {
                return onAll;
            }

            conditional ??= onAll.Kind == DecisionKind.ConditionallyAllowed ? onAll : null;
            foreach (var target in targets.Candidates(access.Identity, action, step.Target))
            {
                var onTarget = Can(access, step, action, target);
                if (onTarget.Kind == DecisionKind.Allowed)
                {
                    return onTarget;
                }

                conditional ??= onTarget.Kind == DecisionKind.ConditionallyAllowed ? onTarget : null;
            }
        }

        return conditional;
    }

    private static EvaluationResult Can(PrincipalAccess access, EscalationStep step, string action, string resource) =>
        step.PassedToService is { } service
            ? access.Can(action, resource, "iam:PassedToService", service)
            : access.Can(action, resource);
}

/// <summary>Puts an evaluation into one evidence line.</summary>
internal static class EvidenceText
{
    public static string Of(EvaluationResult result)
    {
        var head = $"{Action(result.Action)} on {result.Resource}";
        return result.Kind switch
        {
            DecisionKind.Allowed when result.DecidingStatements.Count > 0 =>
                $"{head}: allowed by {string.Join("; ", result.DecidingStatements.Select(s => s.Describe()))}",
            DecisionKind.Allowed => $"{head}: allowed ({result.Summary})",
            _ => $"{head}: {result.Summary}",
        };
    }

    /// <summary>Probe actions shown as what they stand for: "* (any action)", "s3:*", "s3:Get*".</summary>
    public static string Action(string action)
    {
        if (!ActionProbes.IsProbe(action))
        {
            return action;
        }

        return action == ActionProbes.AnyAction ? "* (any action)" : action.Replace(ActionProbes.ProbeName, "*", StringComparison.Ordinal);
    }
}
