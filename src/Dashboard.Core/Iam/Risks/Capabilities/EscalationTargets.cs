using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Matching;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>
/// The account's IAM resources escalation steps can act on. A permission restricted to some resources
/// still escalates when it covers a resource that exists (IAM-Vulnerable's fn2: CreatePolicyVersion on
/// <c>policy/fn2-*</c> covers its own customer-managed policy), and does not when it covers none that can be
/// changed (fp4: AWS-managed policies), so steps are evaluated on these ARNs as well as on <c>*</c>.
/// </summary>
public sealed class EscalationTargets
{
    /// <summary>At most this many candidate resources are evaluated per step after <c>*</c>; the first allowed one settles it.</summary>
    internal const int MaxCandidates = 25;

    private readonly IReadOnlyList<string> _users;
    private readonly IReadOnlyList<string> _groups;
    private readonly IReadOnlyList<string> _roles;
    private readonly IReadOnlyList<string> _policies;

    public EscalationTargets(IReadOnlyList<string> users, IReadOnlyList<string> groups, IReadOnlyList<string> roles, IReadOnlyList<string> customerManagedPolicies)
    {
        _users = users;
        _groups = groups;
        _roles = roles;
        _policies = customerManagedPolicies;
    }

    /// <summary>No known resources: steps are evaluated on <c>*</c> only (cloudsplaining's "unrestricted resources").</summary>
    public static EscalationTargets None { get; } = new([], [], [], []);

    public static EscalationTargets From(IamAccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new EscalationTargets(
            [.. snapshot.Users.Select(u => u.Arn)],
            [.. snapshot.Groups.Select(g => g.Arn)],
            [.. snapshot.Roles.Where(r => !r.IsServiceLinked).Select(r => r.Arn)],
            [.. snapshot.ManagedPolicies.Where(p => !p.IsAwsManaged).Select(p => p.Arn)]);
    }

    public IReadOnlyList<string> Of(EscalationTarget kind) => kind switch
    {
        EscalationTarget.OtherUsers or EscalationTarget.Users => _users,
        EscalationTarget.Groups => _groups,
        EscalationTarget.Roles => _roles,
        EscalationTarget.CustomerManagedPolicies => _policies,
        _ => [],
    };

    /// <summary>
    /// Targets some Allow statement naming the action could cover, cheaply pre-filtered by the statements'
    /// resource patterns (policy variables read as wildcards); the evaluator decides for each.
    /// </summary>
    internal IEnumerable<string> Candidates(EffectiveIdentity identity, string action, EscalationTarget kind)
    {
        var all = Of(kind);
        if (all.Count == 0)
        {
            yield break;
        }

        var patterns = new List<ArnPattern>();
        var everything = false;
        foreach (var (_, statement) in identity.AllowStatementsFor(action.ToLowerInvariant()))
        {
            if (statement.Resources is not { IsNegated: false } resources)
            {
                everything = true;
                break;
            }

            foreach (var value in resources.Values)
            {
                patterns.Add(ArnPattern.Compile(WithoutVariables(value)));
            }
        }

        var yielded = 0;
        foreach (var arn in all)
        {
            if (kind == EscalationTarget.OtherUsers && string.Equals(arn, identity.Arn, StringComparison.Ordinal))
            {
                continue;
            }

            if (everything || patterns.Exists(p => p.IsMatch(arn)))
            {
                yield return arn;
                if (++yielded >= MaxCandidates)
                {
                    yield break;
                }
            }
        }
    }

    private static string WithoutVariables(string pattern)
    {
        var start = pattern.IndexOf("${", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = pattern.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }

            pattern = string.Concat(pattern.AsSpan(0, start), "*", pattern.AsSpan(end + 1));
            start = pattern.IndexOf("${", start + 1, StringComparison.Ordinal);
        }

        return pattern;
    }
}
