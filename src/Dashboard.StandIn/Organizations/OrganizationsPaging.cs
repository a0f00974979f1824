using System.Globalization;
using System.Text;

namespace Dashboard.StandIn.Organizations;

/// <summary>
/// NextToken paging like Organizations': a page holds at most MaxResults items (1-20) and, as AWS
/// documents, may hold fewer even when more exist. Deterministically, about one list in three starts with
/// an EMPTY page that still carries a NextToken (AWS does this too), so clients must keep paging on
/// NextToken rather than stop at an empty page.
/// </summary>
internal static class OrganizationsPaging
{
    /// <summary>AWS may return fewer items than asked; a small page exercises clients' paging on small organizations.</summary>
    public const int PageCap = 5;

    public const int MaxResultsLimit = 20;

    public static (IReadOnlyList<T> Items, string? NextToken) Page<T>(IReadOnlyList<T> all, string operation, string key, string? token, int? maxResults)
    {
        var size = Math.Min(maxResults ?? MaxResultsLimit, PageCap);
        int offset;
        if (token is null)
        {
            if (StartsWithEmptyPage(operation, key)) return ([], Encode(operation, key, 0));
            offset = 0;
        }
        else
        {
            offset = Decode(token, operation, key);
            if (offset > all.Count) throw InvalidToken();
        }

        var items = all.Skip(offset).Take(size).ToList();
        var next = offset + items.Count;
        return (items, next < all.Count ? Encode(operation, key, next) : null);
    }

    /// <summary>FNV-1a over the operation and its key: stable across processes, unlike string.GetHashCode.</summary>
    public static bool StartsWithEmptyPage(string operation, string key)
    {
        var hash = 2166136261u;
        foreach (var c in operation + "|" + key) hash = unchecked((hash ^ c) * 16777619u);
        return hash % 3 == 0;
    }

    private static string Encode(string operation, string key, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{operation}|{key}|{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static int Decode(string token, string operation, string key)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw InvalidToken();
        }

        // A token is only good for the same operation and parent/target/filter it was issued for.
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != "v1" || parts[1] != operation || parts[2] != key
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw InvalidToken();
        }

        return offset;
    }

    private static OrganizationsException InvalidToken() =>
        OrganizationsException.InvalidInput("INVALID_NEXT_TOKEN", "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.");
}

/// <summary>An Organizations error: JSON 1.1 body {"__type", "Message"} (and "Reason" for InvalidInputException).</summary>
internal sealed class OrganizationsException(int status, string errorType, string message, string? reason = null) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorType { get; } = errorType;

    public string? Reason { get; } = reason;

    public static OrganizationsException InvalidInput(string reason, string message) => new(400, "InvalidInputException", message, reason);
}
