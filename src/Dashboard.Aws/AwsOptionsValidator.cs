using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws;

/// <summary>
/// Checks the <c>Aws</c> section at start-up and names every key to fix, e.g.
/// "Aws:Accounts:0:AccountId must be 12 digits".
/// </summary>
public sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    private const string S = AwsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var errors = new List<string>();
        ValidateAccounts(options, errors);
        ValidateRegions(options, errors);
        ValidateRole(options, errors);
        ValidateServiceUrls(options, errors);
        ValidateLimits(options, errors);
        ValidateDemoKeys(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateAccounts(AwsOptions options, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var key = $"{S}:Accounts:{i}";
            if (account is null)
            {
                errors.Add($"{key} is empty: give it an AccountId.");
                continue;
            }
            if (!AccountIdPattern().IsMatch(account.AccountId ?? ""))
                errors.Add($"{key}:AccountId must be 12 digits (got '{Shorten(account.AccountId)}').");
            else if (!seen.Add(account.AccountId!))
                errors.Add($"{key}:AccountId {account.AccountId} is listed twice.");

            if (!string.IsNullOrWhiteSpace(account.RoleArn))
            {
                var match = RoleArnPattern().Match(account.RoleArn);
                if (!match.Success)
                    errors.Add($"{key}:RoleArn must look like arn:aws:iam::123456789012:role/RoleName (got '{Shorten(account.RoleArn)}').");
                else if (match.Groups["account"].Value != account.AccountId)
                    errors.Add($"{key}:RoleArn is in account {match.Groups["account"].Value}, not in {account.AccountId}.");
            }
        }
    }

    private static void ValidateRegions(AwsOptions options, List<string> errors)
    {
        for (var i = 0; i < options.Regions.Count; i++)
        {
            if (!RegionPattern().IsMatch(options.Regions[i] ?? ""))
                errors.Add($"{S}:Regions:{i} must be a Region code such as eu-west-1 (got '{Shorten(options.Regions[i])}').");
        }
        if (!string.IsNullOrEmpty(options.AggregationRegion) && !RegionPattern().IsMatch(options.AggregationRegion))
            errors.Add($"{S}:AggregationRegion must be a Region code such as eu-west-1 (got '{Shorten(options.AggregationRegion)}').");
        if (options.Accounts.Count > 0 && options.FindingsRegions.Count == 0)
            errors.Add($"{S}:Regions must list at least one Region (or set {S}:AggregationRegion, or AWS_REGION).");
    }

    private static void ValidateRole(AwsOptions options, List<string> errors)
    {
        // IAM limits: role names 1-64 of [\w+=,.@-] (a path may precede the name), session names 2-64,
        // external ids 2-1224 of [\w+=,.@:/-].
        if (!RoleNamePattern().IsMatch(options.RoleName ?? ""))
            errors.Add($"{S}:RoleName must be an IAM role name such as {AwsOptions.DefaultRoleName} (got '{Shorten(options.RoleName)}').");
        if (!RoleSessionNamePattern().IsMatch(options.RoleSessionName ?? ""))
            errors.Add($"{S}:RoleSessionName must be 2-64 characters of letters, digits and +=,.@- (got '{Shorten(options.RoleSessionName)}').");
        if (options.ExternalId is { Length: > 0 } externalId && !ExternalIdPattern().IsMatch(externalId))
            errors.Add($"{S}:ExternalId must be 2-1224 characters of letters, digits and +=,.@:/-.");
    }

    private static void ValidateServiceUrls(AwsOptions options, List<string> errors)
    {
        foreach (var (key, url) in options.ServiceUrls.All())
        {
            if (string.IsNullOrWhiteSpace(url)) continue;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"{S}:ServiceUrls:{key} must be an absolute http(s) URL (got '{Shorten(url)}').");
        }
    }

    private static void ValidateLimits(AwsOptions options, List<string> errors)
    {
        if (options.MaxConcurrency is < 1 or > 64)
            errors.Add($"{S}:MaxConcurrency must be between 1 and 64 (got {options.MaxConcurrency}).");
        if (!(options.FindingsRequestsPerSecond > 0) || options.FindingsRequestsPerSecond > 100)
            errors.Add($"{S}:FindingsRequestsPerSecond must be above 0 and at most 100 (Security Hub allows 3; got {options.FindingsRequestsPerSecond}).");
        if (options.FindingsBurst is < 1 or > 1000)
            errors.Add($"{S}:FindingsBurst must be between 1 and 1000 (Security Hub allows 6; got {options.FindingsBurst}).");
        if (options.MaxErrorRetry is < 0 or > 20)
            errors.Add($"{S}:MaxErrorRetry must be between 0 and 20 (got {options.MaxErrorRetry}).");
    }

    private static void ValidateDemoKeys(AwsOptions options, List<string> errors)
    {
        var hasId = !string.IsNullOrEmpty(options.DemoAccessKeyId);
        var hasSecret = !string.IsNullOrEmpty(options.DemoSecretAccessKey);
        if (!hasId && !hasSecret) return;
        if (hasId != hasSecret)
        {
            errors.Add($"{S}:DemoAccessKeyId and {S}:DemoSecretAccessKey must be set together.");
            return;
        }
        // The demo keys exist for the local stand-in: never let them (or the requests they sign) go elsewhere.
        foreach (var (key, url) in options.ServiceUrls.All())
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
                errors.Add($"{S}:ServiceUrls:{key} must point at the local stand-in (a loopback URL) when {S}:DemoAccessKeyId is set.");
        }
    }

    private static string Shorten(string? value) =>
        value is null ? "" : value.Length <= 80 ? value : value[..80] + "…";

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:iam::(?<account>\d{12}):role/[\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    internal static partial Regex RegionPattern();

    [GeneratedRegex(@"^([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex RoleSessionNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();
}
