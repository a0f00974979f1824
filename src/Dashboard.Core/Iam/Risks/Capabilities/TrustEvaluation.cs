using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>
/// Who may assume a role, asked by evaluating its trust policy as the resource policy of an
/// <c>sts:AssumeRole*</c> request from a given caller. A caller in another account is given an
/// allow-everything identity policy (its own account decides that side), so the answer is the trust
/// policy's: allowed, allowed only if its conditions hold, or denied.
/// </summary>
public static class TrustEvaluation
{
    private static readonly PolicyInput CallerAllowsEverything = PolicyInput.FromJson(
        "the caller's own identity policies (assumed to allow everything)",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

    /// <summary>The role's trust policy for the evaluator; null when the snapshot does not hold it.</summary>
    public static PolicyInput? TrustPolicyOf(IamRole role) =>
        role.TrustPolicy is { } trust ? new PolicyInput($"trust policy of role '{role.RoleName}'", trust.Parse()) : null;

    /// <summary>A principal of another (or no known) account calling AssumeRole: what the trust policy alone decides.</summary>
    public static EvaluationResult Assume(PrincipalContext caller, IamRole role, PolicyInput trust, AccountRiskContext account, string action = "sts:AssumeRole") =>
        PolicyEvaluator.Evaluate(new EvaluationRequest
        {
            Principal = caller,
            Action = action,
            Resource = role.Arn,
            IdentityPolicies = caller.Kind is PrincipalKind.Service or PrincipalKind.FederatedIdentity or PrincipalKind.Anonymous ? [] : [CallerAllowsEverything],
            ResourcePolicy = trust,
            RequestTime = account.Now,
            Context = account.Access.Scope.Context,
            MissingKeys = MissingContextKeys.Unknown,
        });

    /// <summary>
    /// An IAM user in an account that is neither this one nor a trusted one: stands for "anybody". When the
    /// account's organization is known, the stranger is in some other organization, so a trust policy limited
    /// to aws:PrincipalOrgID of ours (what the trust rules recommend) keeps it out instead of reading "only if".
    /// </summary>
    public static PrincipalContext Stranger(AccountRiskContext account)
    {
        var id = "999999999999";
        while (id == account.AccountId || account.IsTrustedAccount(id))
        {
            id = (long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        }

        var stranger = PrincipalContext.ForUser($"arn:{account.Partition}:iam::{id}:user/any-principal");
        return account.Options.OrganizationId is { Length: > 0 } ours
            ? stranger.WithOrganization(string.Equals(ours, OtherOrganization, StringComparison.Ordinal) ? OtherOrganization + "0" : OtherOrganization)
            : stranger;
    }

    private const string OtherOrganization = "o-otherorg000";

    /// <summary>The federated identity provider principal (SAML provider ARN or OIDC provider) as a caller.</summary>
    public static PrincipalContext Federated(string provider) => new() { Arn = provider, Kind = PrincipalKind.FederatedIdentity, Name = provider };

    /// <summary>The Allow statements of a trust policy that name principals (not NotPrincipal).</summary>
    internal static IEnumerable<PolicyStatement> AllowStatements(PolicyInput trust) =>
        trust.Parsed.IsSuccess
            ? trust.Parsed.Policy.Statements.Where(s => s.Effect == PolicyEffect.Allow && s.Principals is { IsNegated: false })
            : [];

    /// <summary>The account of a principal ARN (arn:aws:iam::ACCOUNT:… or arn:aws:sts::ACCOUNT:…); null otherwise.</summary>
    internal static string? AccountOf(string principalArn)
    {
        var parts = principalArn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? parts[4] : null;
    }
}
