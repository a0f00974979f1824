namespace Dashboard.Core.Findings;

/// <summary>
/// The parts of a Security Hub product ARN,
/// <c>arn:&lt;partition&gt;:securityhub:&lt;region&gt;:&lt;account&gt;:product/&lt;company&gt;/&lt;product&gt;</c>.
/// AWS products have an empty account part; custom integrations use the account id as the company
/// (<c>product/123456789012/default</c>).
/// </summary>
public sealed record ProductArnParts(string? Region, string? CompanyName, string? ProductName)
{
    /// <summary>Reads what it can from an ARN and never throws; missing parts are null.</summary>
    public static ProductArnParts Parse(string? arn)
    {
        if (string.IsNullOrWhiteSpace(arn))
        {
            return new ProductArnParts(null, null, null);
        }

        var parts = arn.Split(':');
        var region = RegionOf(parts);

        string? company = null, product = null;
        var resource = Array.Find(parts, p => p.StartsWith("product/", StringComparison.Ordinal));
        if (resource is not null)
        {
            var path = resource.Split('/');
            company = path.Length > 2 ? NullIfEmpty(path[1]) : null;
            product = NullIfEmpty(path[^1]);
        }

        return new ProductArnParts(region, company, product);
    }

    private static string? RegionOf(string[] parts)
    {
        // Normally parts[3]. Real GuardDuty findings carry "arn:aws::securityhub:us-east-1::product/…"
        // (an extra empty field after the partition), so the Region is the field after "securityhub".
        var service = Array.IndexOf(parts, "securityhub");
        if (service >= 1 && service + 1 < parts.Length)
        {
            return NullIfEmpty(parts[service + 1]);
        }

        return parts.Length > 3 && parts[0] == "arn" ? NullIfEmpty(parts[3]) : null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
