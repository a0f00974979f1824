using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Inventory;

/// <summary>
/// One IAM policy document as collected: the decoded JSON text exactly as IAM holds it (the wire sends it
/// URL-encoded; see <see cref="FromWire"/>). It is parsed only when asked, once, and a malformed document
/// yields a <see cref="PolicyParseResult"/> error for that policy instead of failing the whole inventory.
/// </summary>
public sealed class IamPolicyJson : IEquatable<IamPolicyJson>
{
    private PolicyParseResult? parsed;

    public IamPolicyJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Json = json;
    }

    /// <summary>The policy JSON text (decoded).</summary>
    public string Json { get; }

    /// <summary>
    /// A document as IAM's Query API sends it: GetAccountAuthorizationDetails, ListRoles, GetUserPolicy…
    /// URL-encode every policy document (<c>%7B%22Version%22…</c>). Text that is not encoded is kept as is.
    /// </summary>
    public static IamPolicyJson FromWire(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        return new IamPolicyJson(trimmed.Length > 0 && trimmed[0] == '%' ? Uri.UnescapeDataString(trimmed) : text);
    }

    /// <summary>Parses the document (once; later calls return the same result).</summary>
    public PolicyParseResult Parse() => parsed ??= PolicyParser.Parse(Json);

    public bool Equals(IamPolicyJson? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is IamPolicyJson other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    public override string ToString() => Json;
}
