namespace Dashboard.StandIn.UserPool;

/// <summary>A user of the stand-in pool: signs in by choosing it on the page, no password.</summary>
public sealed class StandInUserPoolUser
{
    public string Username { get; set; } = "";

    /// <summary>Optional; when empty the tokens carry no email claims, like a Cognito user without one.</summary>
    public string? Email { get; set; }

    /// <summary>Cognito group names; empty for a user in no group (the ID token then has no cognito:groups).</summary>
    public string[] Groups { get; set; } = [];

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Username) || Username.Length > 128 || Username.Any(char.IsControl))
        {
            yield return $"a user name must be 1 to 128 characters without control characters (was '{Username}').";
            yield break;
        }

        if (Email is { Length: > 0 } email && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            yield return $"user '{Username}' has the email '{Email}', which is not an email address.";
        }

        // Cognito group names: 1 to 128 characters, no control characters.
        foreach (var group in Groups ?? [])
        {
            if (string.IsNullOrWhiteSpace(group) || group.Length > 128 || group.Any(char.IsControl))
            {
                yield return $"user '{Username}' has the group '{group}', which is not a group name (1 to 128 characters).";
            }
        }
    }
}
