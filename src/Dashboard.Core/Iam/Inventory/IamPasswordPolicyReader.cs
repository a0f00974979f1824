using System.Text.Json;

namespace Dashboard.Core.Iam.Inventory;

/// <summary>Reads GetAccountPasswordPolicy output: <c>{"PasswordPolicy": {...}}</c> or the bare policy object.</summary>
public static class IamPasswordPolicyReader
{
    public static IamPasswordPolicy Read(JsonElement root)
    {
        var policy = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("PasswordPolicy", out var inner) ? inner : root;
        var reader = new IamJson(policy, "PasswordPolicy");
        return new IamPasswordPolicy
        {
            MinimumPasswordLength = reader.OptionalInt("MinimumPasswordLength"),
            RequireSymbols = reader.OptionalBool("RequireSymbols") ?? false,
            RequireNumbers = reader.OptionalBool("RequireNumbers") ?? false,
            RequireUppercaseCharacters = reader.OptionalBool("RequireUppercaseCharacters") ?? false,
            RequireLowercaseCharacters = reader.OptionalBool("RequireLowercaseCharacters") ?? false,
            AllowUsersToChangePassword = reader.OptionalBool("AllowUsersToChangePassword") ?? false,
            ExpirePasswords = reader.OptionalBool("ExpirePasswords") ?? false,
            MaxPasswordAge = reader.OptionalInt("MaxPasswordAge"),
            PasswordReusePrevention = reader.OptionalInt("PasswordReusePrevention"),
            HardExpiry = reader.OptionalBool("HardExpiry"),
        };
    }
}
