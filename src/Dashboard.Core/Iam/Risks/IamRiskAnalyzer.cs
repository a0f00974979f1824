using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks;

/// <summary>
/// Runs the IAM risk rules over one account: account rules first, then every user and role in turn,
/// each principal with one memoising evaluator shared by all principal rules and dropped before the
/// next principal (so memory stays bounded by the largest principal, not the account). Results are
/// streamed; the caller caches them per account. A rule that fails on odd data yields an Error result
/// for that resource instead of stopping the analysis.
/// </summary>
public sealed class IamRiskAnalyzer
{
    private readonly TimeProvider _time;

    public IamRiskAnalyzer(TimeProvider timeProvider, IEnumerable<IamRiskRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        Rules = [.. rules ?? IamRiskRules.All()];
    }

    public IReadOnlyList<IamRiskRule> Rules { get; }

    public IReadOnlyList<RiskResult> Analyze(
        IamAccountSnapshot snapshot,
        RiskAnalysisOptions? options = null,
        IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies = null) =>
        [.. AnalyzeStreaming(snapshot, options, serviceControlPolicies)];

    public IEnumerable<RiskResult> AnalyzeStreaming(
        IamAccountSnapshot snapshot,
        RiskAnalysisOptions? options = null,
        IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= new RiskAnalysisOptions();
        var disabled = new HashSet<string>(options.DisabledRules, StringComparer.OrdinalIgnoreCase);
        var enabled = Rules.Where(r => !disabled.Contains(r.Metadata.Id)).ToList();
        var account = new AccountRiskContext(snapshot, options, _time.GetUtcNow(), serviceControlPolicies);

        foreach (var rule in enabled.OfType<AccountRiskRule>())
        {
            if (Unreadable(rule, account) is { } notEvaluated)
            {
                yield return notEvaluated;
                continue;
            }

            foreach (var result in Run(rule, account, account.RootArn, $"account {account.AccountId}", () => rule.Evaluate(account)))
            {
                yield return result;
            }
        }

        var principalRules = enabled.OfType<PrincipalRiskRule>().ToList();
        if (principalRules.Count == 0)
        {
            yield break;
        }

        foreach (var (identity, arn, name, error) in Principals(account))
        {
            if (identity is null)
            {
                yield return Unreadable(account, arn, name, error!);
                continue;
            }

            var principal = account.ForPrincipal(identity);
            foreach (var rule in principalRules)
            {
                foreach (var result in Run(rule, account, identity.Arn, identity.Name, () => rule.Evaluate(principal)))
                {
                    yield return result;
                }
            }
        }
    }

    /// <summary>Users then roles, with the reason when one cannot be analysed (an ARN that is not a user's or role's).</summary>
    private static IEnumerable<(EffectiveIdentity? Identity, string Arn, string Name, string? Error)> Principals(AccountRiskContext account)
    {
        foreach (var user in account.Snapshot.Users)
        {
            yield return (account.Access.Identities.TryForUser(user, out var error), user.Arn, user.UserName, error);
        }

        foreach (var role in account.Snapshot.Roles)
        {
            yield return (account.Access.Identities.TryForRole(role, out var error), role.Arn, role.RoleName, error);
        }
    }

    /// <summary>
    /// The rule's "could not be evaluated" result when the snapshot has none of the account data it reads
    /// (credential report denied, dump without settings); null when it can run. Without this a root user
    /// without MFA would look fine just because the report was missing.
    /// </summary>
    private static RiskResult? Unreadable(IamRiskRule rule, AccountRiskContext account)
    {
        var reads = rule.Metadata.Reads;
        if (reads.Count == 0) return null;
        var missing = new List<string>(reads.Count);
        foreach (var data in reads)
        {
            if (account.Snapshot.Missing(data) is not { } reason) return null;
            missing.Add(reason);
        }

        var passwordPolicy = rule.Metadata.ResourceType == RiskResourceType.PasswordPolicy;
        return NotEvaluated(rule, account,
            passwordPolicy ? RiskResourceType.PasswordPolicy : RiskResourceType.Account,
            passwordPolicy ? $"arn:{account.Partition}:iam::{account.AccountId}:password-policy" : account.RootArn,
            passwordPolicy ? "password policy" : $"account {account.AccountId}",
            $"'{rule.Metadata.Title}' could not be evaluated for account {account.AccountId}: {string.Join("; ", missing)}.",
            $"Allow the dashboard's role in this account {string.Join(", ", reads.SelectMany(Permissions))} and sync it (an imported dump has no account data).") with
        {
            Explanation = missing,
        };
    }

    private static IEnumerable<string> Permissions(IamAccountData data) => data switch
    {
        IamAccountData.CredentialReport => ["iam:GenerateCredentialReport", "iam:GetCredentialReport"],
        IamAccountData.AccountSummary => ["iam:GetAccountSummary"],
        _ => ["iam:GetAccountPasswordPolicy"],
    };

    private static RiskResult Unreadable(AccountRiskContext account, string arn, string name, string error) => new()
    {
        RuleId = "iam_principal_analysis",
        Title = "Principal could not be analysed",
        Severity = Severity.Informational,
        Category = RiskCategory.PolicyHygiene,
        Status = RiskStatus.Error,
        AccountId = account.AccountId,
        ResourceType = RiskResourceType.Principal,
        ResourceArn = arn,
        ResourceName = name,
        Message = $"'{name}' was not analysed: {error}",
        Remediation = "Check the collected data for this principal (its ARN is not a valid IAM user or role ARN).",
    };

    private static List<RiskResult> Run(IamRiskRule rule, AccountRiskContext account, string arn, string name, Func<IEnumerable<RiskResult>> evaluate)
    {
        try
        {
            return [.. evaluate()];
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException))
        {
            return [NotEvaluated(rule, account, rule.Metadata.ResourceType, arn, name, $"The rule could not be evaluated for {name}: {ex.Message}", rule.Metadata.Remediation)];
        }
    }

    /// <summary>A rule's result with status Error: it could not say whether the check is met.</summary>
    private static RiskResult NotEvaluated(IamRiskRule rule, AccountRiskContext account, RiskResourceType type, string arn, string name, string message, string remediation) => new()
    {
        RuleId = rule.Metadata.Id,
        Title = rule.Metadata.Title,
        Severity = Severity.Informational,
        Category = rule.Metadata.Category,
        Status = RiskStatus.Error,
        AccountId = account.AccountId,
        ResourceType = type,
        ResourceArn = arn,
        ResourceName = name,
        Message = message,
        Remediation = remediation,
    };
}
