using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// A policy handed to the evaluator with the name it is shown under, e.g. "inline policy X on user Y"
/// or "managed policy arn:... (attached via group G)". It may hold a parse failure: the evaluator then
/// reports the result as uncertain instead of pretending the policy is not there.
/// </summary>
public sealed record PolicyInput(string Name, PolicyParseResult Parsed)
{
    /// <summary>Parses raw or URL-encoded JSON.</summary>
    public static PolicyInput FromJson(string name, string? json) => new(name, PolicyParser.ParseMaybeUrlEncoded(json));

    public static PolicyInput From(string name, PolicyDocument policy) => new(name, PolicyParseResult.Success(policy, []));
}

/// <summary>
/// One level of an organization's chain, root first, then each OU, then the account, with the
/// policies (SCPs or RCPs) attached directly there, e.g. <c>OU 'Sandbox' (ou-ab12-34cd5678)</c>.
/// </summary>
public sealed record OrganizationPolicyLevel(string Name, IReadOnlyList<PolicyInput> Policies);
