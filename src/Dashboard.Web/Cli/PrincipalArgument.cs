using Dashboard.Core.Iam.Access;

namespace Dashboard.Web.Cli;

/// <summary>
/// The --principal of <c>iam can</c>: an ARN as AWS writes it, or what a person types instead — a user
/// or role name, <c>user/NAME</c>, <c>role/NAME</c>, <c>root</c> or the account id. Names are matched
/// as IAM does, ignoring case; a name that is both a user and a role must be given as an ARN.
/// </summary>
internal static class PrincipalArgument
{
    public static bool TryResolve(IamAccountAccess access, string text, out string arn, out string? error)
    {
        ArgumentNullException.ThrowIfNull(access);
        arn = text.Trim();
        error = null;
        var snapshot = access.Snapshot;
        if (arn.StartsWith("arn:", StringComparison.Ordinal) || arn == snapshot.AccountId)
        {
            return true;
        }

        if (string.Equals(arn, "root", StringComparison.OrdinalIgnoreCase))
        {
            arn = access.Identities.ForRoot().Arn;
            return true;
        }

        var name = arn;
        var wantUsers = true;
        var wantRoles = true;
        if (name.StartsWith("user/", StringComparison.OrdinalIgnoreCase))
        {
            (name, wantRoles) = (name["user/".Length..], false);
        }
        else if (name.StartsWith("role/", StringComparison.OrdinalIgnoreCase))
        {
            (name, wantUsers) = (name["role/".Length..], false);
        }

        List<string> matches =
        [
            .. wantUsers ? snapshot.Users.Where(u => Same(u.UserName, name)).Select(u => u.Arn) : [],
            .. wantRoles ? snapshot.Roles.Where(r => Same(r.RoleName, name)).Select(r => r.Arn) : [],
        ];
        switch (matches.Count)
        {
            case 1:
                arn = matches[0];
                return true;
            case 0:
                var kinds = wantUsers && wantRoles ? "user or role" : wantUsers ? "user" : "role";
                error = $"principal: no {kinds} named '{name}' in account {snapshot.AccountId} (give a name, user/NAME, role/NAME, root or an ARN)";
                return false;
            default:
                error = $"principal: '{name}' names more than one principal ({string.Join(", ", matches)}); give the ARN";
                return false;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
