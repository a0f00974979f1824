using System.Text.RegularExpressions;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Web.Iam;

/// <summary>
/// The actions an account's policies name (identity, managed default versions, trust policies), for the
/// "can P do A" completion: no IAM action catalogue ships with the dashboard, and the account's own
/// policies are where the actions worth asking about appear. Wildcard patterns are left out (a request
/// names one action).
/// </summary>
public static partial class ActionCatalog
{
    public static IReadOnlyList<string> From(IamAccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var actions = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in Documents(snapshot))
        {
            var parsed = document.Parse();
            if (!parsed.IsSuccess) continue;
            foreach (var statement in parsed.Policy.Statements)
            {
                foreach (var action in statement.Actions.Values)
                {
                    var trimmed = action.Trim();
                    if (IsAction(trimmed)) actions.Add(trimmed);
                }
            }
        }

        return [.. actions];
    }

    /// <summary>Completion: actions starting with the text first, then those containing it (case-insensitive).</summary>
    public static IReadOnlyList<string> Search(IReadOnlyList<string> actions, string? text, int max = 50)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var needle = text?.Trim() ?? "";
        if (needle.Length == 0) return [.. actions.Take(max)];
        return
        [
            .. actions.Where(a => a.StartsWith(needle, StringComparison.OrdinalIgnoreCase))
                .Concat(actions.Where(a => !a.StartsWith(needle, StringComparison.OrdinalIgnoreCase) && a.Contains(needle, StringComparison.OrdinalIgnoreCase)))
                .Take(max),
        ];
    }

    /// <summary>True for <c>service:ActionName</c> without wildcards.</summary>
    public static bool IsAction(string? text) => text is not null && ActionPattern().IsMatch(text);

    private static IEnumerable<IamPolicyJson> Documents(IamAccountSnapshot snapshot)
    {
        foreach (var user in snapshot.Users)
            foreach (var policy in user.InlinePolicies) yield return policy.Document;
        foreach (var group in snapshot.Groups)
            foreach (var policy in group.InlinePolicies) yield return policy.Document;
        foreach (var role in snapshot.Roles)
        {
            foreach (var policy in role.InlinePolicies) yield return policy.Document;
            if (role.TrustPolicy is { } trust) yield return trust;
        }

        foreach (var policy in snapshot.ManagedPolicies)
        {
            if (policy.DefaultDocument is { } document) yield return document;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]+:[A-Za-z0-9]+$")]
    private static partial Regex ActionPattern();
}
