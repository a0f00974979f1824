namespace Dashboard.Web.Iam;

/// <summary>A principal of a trusted account that can really assume the role: its own policies (and SCPs) allow it and the trust policy lets it in.</summary>
public sealed record TrustPathPrincipal(string AccountId, string Name, string Arn, string Kind, AccessDecision Decision, string Summary, string Href)
{
    public string DecisionLabel => AccessDecisionView.Labels.For(Decision);
}

/// <summary>
/// Who in the trusted account (for "anybody": every other cached account) really can take a cross-account
/// edge, as evaluated: the first <see cref="TrustPathFinder.MaxListed"/> principals with the total, the
/// accounts checked, and those that could not be (not cached, or over the page's evaluation budget).
/// </summary>
public sealed record TrustPaths(
    IReadOnlyList<TrustPathPrincipal> Shown,
    int Total,
    int Conditional,
    IReadOnlyList<string> AccountsChecked,
    IReadOnlyList<string> AccountsNotCached,
    IReadOnlyList<string> AccountsOverBudget,
    bool AnyAccount)
{
    public int More => Total - Shown.Count;

    /// <summary>The finding in a sentence or two, e.g. "2 principals of 072528804237 can assume it (1 only if conditions hold)."</summary>
    public string Summary
    {
        get
        {
            var where = AccountsChecked.Count == 1 ? AccountsChecked[0] : $"{AccountsChecked.Count} cached accounts";
            var sentence = AccountsChecked.Count == 0
                ? ""
                : Total == 0
                    ? $"No user or role of {where} holds sts:AssumeRole on this role."
                    : $"{Total} {(Total == 1 ? "principal" : "principals")} of {where} can assume it{(Conditional > 0 ? $" ({Conditional} only if conditions hold)" : "")}.";
            var parts = new List<string> { sentence };
            if (AccountsNotCached.Count > 0)
            {
                parts.Add($"{Join(AccountsNotCached)} {(AccountsNotCached.Count == 1 ? "is" : "are")} not cached: who there can assume it is unknown.");
            }

            if (AccountsOverBudget.Count > 0)
            {
                parts.Add($"Not checked in {Join(AccountsOverBudget)}: this page evaluates at most {TrustPathFinder.MaxEvaluations:N0} principal checks.");
            }

            if (AnyAccount) parts.Add("Anyone in an account the dashboard does not cache may assume it too.");
            return string.Join(" ", parts.Where(p => p.Length > 0));
        }
    }

    private static string Join(IReadOnlyList<string> accounts) => accounts.Count <= 3 ? string.Join(", ", accounts) : $"{string.Join(", ", accounts.Take(3))} and {accounts.Count - 3} more";
}
