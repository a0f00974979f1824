using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Policies;
using Dashboard.Core.Organizations.Summaries;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// Finds who escapes a guardrail by evaluating the denied test requests again as privileged principals:
/// the configured ones (OrganizationAccountAccessRole, AWSControlTowerExecution ...) and every principal
/// the chain's SCPs name in aws:PrincipalArn or aws:PrincipalTag conditions (the "ArnNotLike
/// arn:aws:iam::*:role/BreakGlass" exemption pattern). A candidate that is not denied is an exception;
/// the condition text comes from the deny statements it escaped.
/// </summary>
internal sealed class GuardrailExceptionFinder(GuardrailProbe probe, GuardrailDecisions decisions)
{
    // Every candidate costs one evaluation per denied request; SCPs name a handful at most.
    private const int MaxCandidates = 32;

    private IReadOnlyList<Candidate>? _candidates;

    private IReadOnlyList<Candidate> Candidates => _candidates ??= FindCandidates();

    public IReadOnlyList<GuardrailException> Find(IEnumerable<ProbeResult> deniedChecks)
    {
        var found = new List<GuardrailException>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in deniedChecks.Where(c => c.IsDenied && c.Request.Principal == GuardrailPrincipal.Administrator))
        {
            foreach (var candidate in Candidates)
            {
                if (seen.Contains(candidate.Label)) continue;
                var result = probe.RunAs(check, candidate.Principal);
                if (result.Kind is DecisionKind.ExplicitDeny or DecisionKind.ImplicitDeny || result.IsUncertain) continue;
                seen.Add(candidate.Label);
                var (condition, statement) = Explain(check.Result, result);
                found.Add(new GuardrailException(candidate.Label, candidate.Example, condition, statement));
            }
        }

        return found;
    }

    private (string Condition, GuardrailDecider? Statement) Explain(EvaluationResult denied, EvaluationResult escaped)
    {
        if (denied.Kind == DecisionKind.ExplicitDeny)
        {
            var escapedDenies = denied.DecidingStatements.Where(s => s.PolicyKind == PolicyKind.ServiceControl).ToList();
            var texts = escapedDenies
                .Select(reference => decisions.Statement(reference))
                .Where(s => s is not null)
                .Select(s => ExemptionText(s!))
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var first = escapedDenies.Select(decisions.Decider).FirstOrDefault(d => d is not null);
            return (texts.Count > 0 ? string.Join("; ", texts) : "the deny's conditions do not hold for it", first);
        }

        // Allow-list: a conditional Allow lets the candidate through where the ordinary administrator gets nothing.
        var allows = escaped.DecidingStatements.Where(s => s.PolicyKind == PolicyKind.ServiceControl).ToList();
        var allowTexts = allows
            .Select(reference => decisions.Statement(reference))
            .Where(s => s is { Conditions.Count: > 0 })
            .Select(s => "allowed when " + string.Join(" and ", s!.Conditions.Select(ConditionWording.When)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (allowTexts.Count > 0 ? string.Join("; ", allowTexts) : "an SCP allows it for this principal", null);
    }

    private static string ExemptionText(PolicyStatement statement)
    {
        var exemptions = statement.Conditions.Where(ConditionWording.IsExemption).Select(ConditionWording.Unless).ToList();
        if (exemptions.Count > 0) return string.Join(" or ", exemptions);
        var principal = statement.Conditions.Where(c => ConditionWording.IsPrincipalKey(c.Key)).ToList();
        return principal.Count > 0 ? $"it does not meet {string.Join(" and ", principal.Select(ConditionWording.When))}" : string.Empty;
    }

    private List<Candidate> FindCandidates()
    {
        var candidates = new List<Candidate>();
        var keys = new HashSet<string>(StringComparer.Ordinal) { probe.Administrator.Arn };
        void Add(Candidate? candidate)
        {
            if (candidate is null || candidates.Count >= MaxCandidates) return;
            var key = candidate.Principal.Arn + "|" + string.Join(",", candidate.Principal.Tags?.Select(t => $"{t.Key}={t.Value}") ?? []);
            if (keys.Add(key)) candidates.Add(candidate);
        }

        foreach (var condition in ChainConditions())
        {
            if (string.Equals(condition.Key, "aws:PrincipalArn", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in condition.Values) Add(FromPattern(value, value));
            }
            else if (condition.Key.StartsWith("aws:PrincipalTag/", StringComparison.OrdinalIgnoreCase) && condition.Operator.Kind != ConditionOperatorKind.Null)
            {
                var tagKey = condition.Key["aws:PrincipalTag/".Length..];
                foreach (var value in condition.Values.Where(v => !v.Contains("${", StringComparison.Ordinal)))
                {
                    var tags = new Dictionary<string, string> { [tagKey] = Concrete(value) };
                    var principal = PrincipalContext.ForRole(probe.Administrator.Arn, tags).WithOrganization(probe.Snapshot.Organization.Id);
                    Add(new Candidate($"principals tagged {tagKey}={value}", $"{probe.Administrator.Arn} tagged {tagKey}={Concrete(value)}", principal));
                }
            }
        }

        // The configured ones last, so a principal an SCP names is labelled with the SCP's own pattern.
        foreach (var template in probe.Options.EffectivePrivilegedPrincipals)
        {
            var arn = probe.Options.Fill(template, probe.Account.Id);
            Add(FromPattern(arn, arn));
        }

        return candidates;
    }

    private IEnumerable<PolicyCondition> ChainConditions() =>
        probe.Chain
            .SelectMany(level => level.Policies)
            .Select(policy => probe.Snapshot.ParsedPolicy(policy.Id).Parsed)
            .Where(parsed => parsed.IsSuccess)
            .SelectMany(parsed => parsed.Policy!.Statements)
            .SelectMany(statement => statement.Conditions);

    /// <summary>
    /// A concrete principal matching an ARN pattern in this account: <c>arn:aws:iam::*:role/aws*</c> becomes
    /// <c>arn:aws:iam::ACCOUNT:role/awsexample</c>. Patterns for another account, policy variables and
    /// service-linked roles (never restricted by SCPs anyway) give none.
    /// </summary>
    private Candidate? FromPattern(string label, string pattern)
    {
        if (pattern.Contains("${", StringComparison.Ordinal)) return null;
        var parts = pattern.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn") return null;
        var partition = HasWildcard(parts[1]) || parts[1].Length == 0 ? probe.Options.Partition : parts[1];
        var service = HasWildcard(parts[2]) ? "iam" : parts[2];
        var account = parts[4];
        if (HasWildcard(account) || account.Length == 0) account = probe.Account.Id;
        else if (!string.Equals(account, probe.Account.Id, StringComparison.Ordinal)) return null;

        var arn = $"arn:{partition}:{service}::{account}:{Concrete(parts[5])}";
        if (!PrincipalContext.TryFromArn(arn, out var principal, out _)
            || principal!.Kind is not (PrincipalKind.Role or PrincipalKind.User or PrincipalKind.Root))
        {
            return null;
        }

        // Tags known to be none, as for the ordinary administrator.
        var withFacts = principal.Kind switch
        {
            PrincipalKind.Role => PrincipalContext.ForRole(principal.Arn, new Dictionary<string, string>()),
            PrincipalKind.User => PrincipalContext.ForUser(principal.Arn, new Dictionary<string, string>()),
            _ => principal,
        };
        return new Candidate(label, arn, withFacts.WithOrganization(probe.Snapshot.Organization.Id));
    }

    private static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    private static string Concrete(string pattern) => pattern.Replace("*", "example", StringComparison.Ordinal).Replace('?', 'x');

    private sealed record Candidate(string Label, string Example, PrincipalContext Principal);
}
