using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Organizations.Summaries;

/// <summary>
/// Summarises an SCP or RCP from its parsed statements (Effect, Action/NotAction, Resource/NotResource,
/// Principal, Condition), e.g. "Denies all actions except iam:*, sts:* ... on all resources when
/// aws:RequestedRegion is not eu-central-1 or eu-west-1, unless aws:PrincipalArn is like
/// arn:aws:iam::*:role/AWSControlTowerExecution." Never throws on bad content: an unreadable policy gets
/// a summary saying why.
/// </summary>
public static class ScpSummarizer
{
    /// <summary>Summarises raw policy JSON (plain or URL-encoded, as the wire delivers it).</summary>
    public static ScpSummary Summarize(string policyName, string? content) =>
        Summarize(policyName, PolicyParser.ParseMaybeUrlEncoded(content));

    public static ScpSummary Summarize(OrganizationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Summarize(policy.Name, policy.Content);
    }

    /// <summary>Summarises a policy of a snapshot, reusing the snapshot's parse of it.</summary>
    public static ScpSummary Summarize(OrganizationSnapshot snapshot, string policyId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var input = snapshot.ParsedPolicy(policyId);
        return Summarize(input.Name, input.Parsed);
    }

    public static ScpSummary Summarize(PolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Summarize(input.Name, input.Parsed);
    }

    public static ScpSummary Summarize(string policyName, PolicyParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (!parsed.IsSuccess) return new ScpSummary(policyName, false, parsed.Error, []);
        var statements = parsed.Policy.Statements
            .Select(s => new ScpStatementSummary(s.Index, s.Sid, s.Effect, Sentence(s)))
            .ToList();
        return new ScpSummary(policyName, true, null, statements);
    }

    /// <summary>One statement as a sentence ending with a full stop.</summary>
    public static string Sentence(PolicyStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var parts = new List<string>
        {
            statement.Effect == PolicyEffect.Deny ? "Denies" : "Allows",
            Actions(statement.Actions),
        };
        if (Resources(statement.Resources) is { } resources) parts.Add(resources);
        if (Principals(statement.Principals) is { } principals) parts.Add(principals);

        var exemptions = statement.Effect == PolicyEffect.Deny
            ? statement.Conditions.Where(ConditionWording.IsExemption).ToList()
            : [];
        var conditions = statement.Conditions.Where(c => !exemptions.Contains(c)).ToList();
        if (conditions.Count > 0)
        {
            var when = statement.Effect == PolicyEffect.Allow ? "only when" : "when";
            parts.Add($"{when} {string.Join(" and ", conditions.Select(ConditionWording.When))}");
        }

        var sentence = string.Join(" ", parts);
        if (exemptions.Count > 0)
        {
            // A principal escapes the Deny as soon as one of the negated conditions is false for it.
            sentence += ", unless " + string.Join(" or ", exemptions.Select(ConditionWording.Unless));
        }

        return sentence + ".";
    }

    private static string Actions(ActionList actions)
    {
        var values = actions.Values;
        var everything = values.Any(v => v.Trim() == "*");
        if (actions.IsNegated)
        {
            return everything ? "no action (NotAction excludes every action)" : $"all actions except {ConditionWording.List(values, "and")}";
        }

        if (everything) return "all actions";
        return values.Count > ConditionWording.MaxValues
            ? $"{values.Count} actions ({ConditionWording.List(values, "and")})"
            : ConditionWording.List(values, "and");
    }

    private static string? Resources(ResourceList? resources)
    {
        if (resources is null) return null;
        var everything = resources.Values.Any(v => v.Trim() == "*");
        if (resources.IsNegated)
        {
            return everything ? "on no resource (NotResource excludes every resource)" : $"on all resources except {ConditionWording.List(resources.Values, "and")}";
        }

        return everything ? "on all resources" : $"on {ConditionWording.List(resources.Values, "and")}";
    }

    private static string? Principals(PrincipalList? principals)
    {
        if (principals is null) return null;
        if (principals.IsWildcard) return principals.IsNegated ? "for no principal (NotPrincipal is *)" : "for any principal";
        var named = principals.Aws.Concat(principals.Service).Concat(principals.Federated).Concat(principals.CanonicalUser).ToList();
        return principals.IsNegated
            ? $"for every principal except {ConditionWording.List(named, "and")}"
            : $"for {ConditionWording.List(named, "and")}";
    }
}
