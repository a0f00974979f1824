using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dashboard.StandIn.Iam;

/// <summary>A normalized authorization-details dump and the account its entities belong to.</summary>
internal sealed partial class IamDump
{
    private readonly string text;

    public IamDump(string source, JsonObject content)
    {
        Source = source;
        text = content.ToJsonString();
        var owners = EntityAccounts(content);
        AccountId = owners.FirstOrDefault()
            ?? throw new ArgumentException($"{source} names no account: it has no user, group, role or customer-managed policy ARN.");
        OwnAccounts = owners;
    }

    public string Source { get; }

    /// <summary>The account most of the dump's entity ARNs name.</summary>
    public string AccountId { get; }

    /// <summary>
    /// Every account the dump's users, groups, roles and policies belong to, most frequent first. Dumps
    /// assembled from several accounts (cloudsplaining's example adds its teaching entities from another)
    /// are served as one account, as real IAM would hold them.
    /// </summary>
    public IReadOnlyList<string> OwnAccounts { get; }

    /// <summary>
    /// A fresh copy of the content as the IAM of <paramref name="accountId"/>: every occurrence of the dump's
    /// own 12-digit account ids (in ARNs, trust policies, resource names) becomes the served account's.
    /// Other accounts (trusted third parties) are kept.
    /// </summary>
    public JsonObject For(string accountId)
    {
        var rewritten = text;
        foreach (var own in OwnAccounts.Where(a => a != accountId))
        {
            rewritten = Regex.Replace(rewritten, $@"(?<!\d){own}(?!\d)", accountId, RegexOptions.CultureInvariant);
        }

        return (JsonObject)JsonNode.Parse(rewritten)!;
    }

    private static List<string> EntityAccounts(JsonObject content) =>
        [.. IamDumpNormalizer.Lists
            .SelectMany(list => content[list]!.AsArray())
            .Select(item => item?["Arn"]?.GetValue<string>() ?? string.Empty)
            .Select(arn => EntityArn().Match(arn))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["account"].Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)];

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>\d{12}):(user|group|role|policy)/")]
    private static partial Regex EntityArn();
}
