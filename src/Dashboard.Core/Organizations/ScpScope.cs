using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Organizations;

/// <summary>Which SCP chain, if any, applies to an account's principals.</summary>
public static class ScpScope
{
    /// <summary>
    /// The SCP levels (root → OUs → account) for <paramref name="accountId"/>, or null when SCPs do not
    /// apply: no organization known, the management account (SCPs never restrict it), or an account
    /// outside the organization.
    /// </summary>
    public static IReadOnlyList<OrganizationPolicyLevel>? For(OrganizationSnapshot? organization, string accountId)
    {
        if (organization is null || organization.IsManagementAccount(accountId) || organization.FindAccount(accountId) is null)
            return null;
        return EffectivePolicies.ForAccount(organization, accountId);
    }

    /// <summary>
    /// Why no SCP shapes an answer for <paramref name="accountId"/>, in one sentence; null when its SCP chain
    /// applies. Said beside results so nobody reads an answer without SCPs as one that went through them.
    /// </summary>
    public static string? WhyNotApplied(OrganizationSnapshot? organization, string accountId)
    {
        if (organization is null)
            return "No organization is cached (sync it or `import org FILE`), so no SCPs were applied.";
        if (organization.IsManagementAccount(accountId))
            return $"SCPs do not apply: {accountId} is the management account of {organization.Organization.Id}, which SCPs never restrict.";
        if (organization.FindAccount(accountId) is null)
            return $"No SCPs were applied: account {accountId} is not in the cached organization {organization.Organization.Id}.";
        if (!organization.IsPolicyTypeEnabled(OrganizationPolicyTypes.ServiceControlPolicy))
            return $"No SCPs were applied: SCPs are not enabled on the root of {organization.Organization.Id}.";
        return null;
    }
}
