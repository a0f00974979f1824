namespace Dashboard.Web.Organizations;

/// <summary>The Organizations pages' URLs; ids travel escaped in the query string so every view is a shareable link.</summary>
public static class OrganizationLinks
{
    public const string TreePath = "/organization";
    public const string AccountPath = "/organization/account";
    public const string PoliciesPath = "/organization/policies";
    public const string GuardrailsPath = "/organization/guardrails";

    public static string Account(string accountId) => $"{AccountPath}?id={Uri.EscapeDataString(accountId)}";

    public static string Policies() => PoliciesPath;

    public static string Policy(string policyId) => $"{PoliciesPath}?id={Uri.EscapeDataString(policyId)}";

    /// <summary>The matrix, optionally under one root/OU, with one cell opened (account × guardrail).</summary>
    public static string Guardrails(string? targetId = null, string? accountId = null, string? guardrailId = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(targetId)) parts.Add($"ou={Uri.EscapeDataString(targetId)}");
        if (!string.IsNullOrEmpty(accountId)) parts.Add($"account={Uri.EscapeDataString(accountId)}");
        if (!string.IsNullOrEmpty(guardrailId)) parts.Add($"guardrail={Uri.EscapeDataString(guardrailId)}");
        return parts.Count == 0 ? GuardrailsPath : $"{GuardrailsPath}?{string.Join('&', parts)}";
    }
}
