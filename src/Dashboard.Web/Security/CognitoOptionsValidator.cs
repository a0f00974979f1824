using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>Refuses to start with a sign-in set-up that cannot work, naming the setting to fix.</summary>
public sealed partial class CognitoOptionsValidator : IValidateOptions<CognitoOptions>
{
    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"^[\w-]+_[0-9a-zA-Z]+$")]
    private static partial Regex PoolId();

    public ValidateOptionsResult Validate(string? name, CognitoOptions options)
    {
        var errors = new List<string>();
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Fail(
                "Sign-in is not configured: set Cognito:Region, Cognito:UserPoolId, Cognito:ClientId and Cognito:Domain " +
                "(README, \"Sign-in with Amazon Cognito\"), or run the demo. Every page requires sign-in.");
        }
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            if (options.Region is null || !RegionName().IsMatch(options.Region))
                errors.Add($"Cognito:Region must be a Region name like eu-west-1 (got '{options.Region}').");
            if (options.UserPoolId is null || !PoolId().IsMatch(options.UserPoolId))
                errors.Add($"Cognito:UserPoolId must look like eu-west-1_AbCdEf123 (got '{options.UserPoolId}').");
        }
        else if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            errors.Add("Cognito:Authority must be an absolute URL.");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && (options.RequireHttpsMetadata || !IsLoopback(authority)))
        {
            errors.Add("Cognito:Authority must be https (plain http is accepted only for a loopback test provider with Cognito:RequireHttpsMetadata=false).");
        }
        if (options.DomainBaseUrl is null)
            errors.Add("Cognito:Domain is required: the managed-login domain (e.g. myteam.auth.eu-west-1.amazoncognito.com), used for sign-out.");
        if (options.IdleTimeout <= TimeSpan.Zero) errors.Add("Cognito:IdleTimeout must be positive.");
        if (options.MaxSessionLifetime < options.IdleTimeout) errors.Add("Cognito:MaxSessionLifetime must be at least Cognito:IdleTimeout.");
        if (options.RevalidationInterval <= TimeSpan.Zero) errors.Add("Cognito:RevalidationInterval must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
