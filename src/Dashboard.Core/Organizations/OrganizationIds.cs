using System.Text.RegularExpressions;

namespace Dashboard.Core.Organizations;

/// <summary>The id formats Organizations enforces (regex patterns of the botocore organizations model).</summary>
public static partial class OrganizationIds
{
    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    public static partial Regex Organization();

    [GeneratedRegex("^r-[0-9a-z]{4,32}$")]
    public static partial Regex Root();

    [GeneratedRegex("^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$")]
    public static partial Regex OrganizationalUnit();

    [GeneratedRegex(@"^\d{12}$")]
    public static partial Regex Account();

    [GeneratedRegex("^p-[0-9a-zA-Z_]{8,128}$")]
    public static partial Regex Policy();
}
