using System.Text.Json.Nodes;
using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// Builds one account's IAM, deterministically from (seed, account index): a real dump from the seed
/// library (the IAM-Vulnerable account, or one of the others in rotation) or a loaded file, plus the
/// generated entities (<see cref="IamEntityGenerator"/>). Then it makes the account self-consistent (every
/// attached policy present, counts right) and derives the credential report, the password policy (none in
/// some accounts, weak in some, CIS-grade in others) and the account summary. One account's root user has
/// an access key, another's has no MFA.
/// </summary>
internal sealed class IamAccountBuilder(int seed, StandInOrganization organization, DateTimeOffset anchor, IamSeedLibrary library)
{
    private static readonly string[] Rotation =
    [
        "cloudmapper--iam-get-account-authorization-details.json",
        "aws-cli-examples--get-account-authorization-details-01.json",
        "cloudsplaining--test-example-authz-details.json",
        "cloudsplaining--test-authz-v2.json",
        "cloudsplaining--test-authz-overrides-complete.json",
        "",
        "",
    ];

    /// <summary>The account that carries BishopFox's IAM-Vulnerable principals (cloudsplaining's example).</summary>
    public static int IamVulnerableIndex(int accounts) => Math.Min(9, accounts - 1);

    /// <summary>The account whose root user has an active access key.</summary>
    public int RootKeyIndex => (int)new StableRandom(seed, -71, salt: 401).Next(organization.Accounts.Count);

    /// <summary>The account whose root user has no MFA.</summary>
    public int RootWithoutMfaIndex => (RootKeyIndex + 1) % organization.Accounts.Count;

    /// <summary>The seed dump an account of the generated organization is built on; null for generated IAM only.</summary>
    public IamDump? DumpFor(int index)
    {
        if (index == IamVulnerableIndex(organization.Accounts.Count))
        {
            return library.Dumps[IamSeedLibrary.IamVulnerable];
        }

        var name = Rotation[(int)(((index + (long)seed) % Rotation.Length + Rotation.Length) % Rotation.Length)];
        return name.Length == 0 ? null : library.Dumps[name];
    }

    /// <summary>An account of the organization: its seed dump (if any) plus the generated entities.</summary>
    public IamAccount Build(int index)
    {
        var account = organization.Accounts[index];
        var dump = DumpFor(index);
        var content = dump?.For(account.Id) ?? Empty();
        new IamEntityGenerator(seed, organization.ManagementAccountId, anchor).AddTo(content, index, account.Id);
        return Finish(content, index, account.Id, dump?.Source ?? "generated");
    }

    /// <summary>An account loaded from a file: the dump alone, with a generated credential report and settings.</summary>
    public IamAccount BuildLoaded(int index, string accountId, IamDump dump) => Finish(dump.For(accountId), index, accountId, dump.Source);

    private IamAccount Finish(JsonObject content, int index, string accountId, string source)
    {
        var random = new StableRandom(seed, index, salt: 409);
        MakeConsistent(content);
        // The IAM-Vulnerable account keeps IAM's default password rules, as the lab account it comes from did.
        var passwordPolicy = source.EndsWith(IamSeedLibrary.IamVulnerable, StringComparison.Ordinal) ? null : PasswordPolicy(ref random);
        var rootMfa = index != RootWithoutMfaIndex;
        var rootKey = index == RootKeyIndex;
        var lines = new CredentialReportGenerator(seed, anchor).Lines(content, index, accountId, passwordPolicy, rootMfa, rootKey);
        var summary = Summary(content, lines, rootMfa, rootKey);
        return new IamAccount(accountId, content, passwordPolicy, summary, CredentialReportCsv.Write(lines), source);
    }

    private static JsonObject Empty() => new()
    {
        ["UserDetailList"] = new JsonArray(),
        ["GroupDetailList"] = new JsonArray(),
        ["RoleDetailList"] = new JsonArray(),
        ["Policies"] = new JsonArray(),
    };

    /// <summary>
    /// What real IAM guarantees: every attached or boundary policy is in the Policies list (AWS-managed ones
    /// are copied from the seed library; attachments no seed can satisfy are dropped), group memberships name
    /// existing groups, and AttachmentCount / PermissionsBoundaryUsageCount are the account's real counts.
    /// </summary>
    private void MakeConsistent(JsonObject content)
    {
        var policies = content["Policies"]!.AsArray();
        var byArn = policies.OfType<JsonObject>().GroupBy(p => p["Arn"]!.GetValue<string>(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        bool Resolve(string arn)
        {
            if (byArn.ContainsKey(arn))
            {
                return true;
            }

            if (library.AwsManagedPolicies.TryGetValue(arn, out var awsManaged))
            {
                var copy = (JsonObject)awsManaged.DeepClone();
                policies.Add(copy);
                byArn[arn] = copy;
                return true;
            }

            return false;
        }

        var attachments = new Dictionary<string, int>(StringComparer.Ordinal);
        var boundaries = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupNames = content["GroupDetailList"]!.AsArray().OfType<JsonObject>().Select(g => g["GroupName"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var list in new[] { "UserDetailList", "GroupDetailList", "RoleDetailList" })
        {
            foreach (var entity in content[list]!.AsArray().OfType<JsonObject>())
            {
                if (entity["AttachedManagedPolicies"] is JsonArray attached)
                {
                    foreach (var item in attached.OfType<JsonObject>().ToList())
                    {
                        var arn = item["PolicyArn"]!.GetValue<string>();
                        if (Resolve(arn))
                        {
                            attachments[arn] = attachments.GetValueOrDefault(arn) + 1;
                        }
                        else
                        {
                            attached.Remove(item);
                        }
                    }
                }

                if (entity["PermissionsBoundary"]?["PermissionsBoundaryArn"]?.GetValue<string>() is { } boundary)
                {
                    if (Resolve(boundary))
                    {
                        boundaries[boundary] = boundaries.GetValueOrDefault(boundary) + 1;
                    }
                    else
                    {
                        entity.Remove("PermissionsBoundary");
                    }
                }

                if (entity["GroupList"] is JsonArray memberships)
                {
                    foreach (var membership in memberships.ToList())
                    {
                        if (!groupNames.Contains(membership!.GetValue<string>()))
                        {
                            memberships.Remove(membership);
                        }
                    }
                }
            }
        }

        foreach (var (arn, policy) in byArn)
        {
            policy["AttachmentCount"] = attachments.GetValueOrDefault(arn);
            policy["PermissionsBoundaryUsageCount"] = boundaries.GetValueOrDefault(arn);
        }
    }

    private static JsonObject? PasswordPolicy(ref StableRandom random)
    {
        var roll = random.NextDouble();
        if (roll < 0.3)
        {
            return null;
        }

        return roll < 0.65
            ? new JsonObject
            {
                ["MinimumPasswordLength"] = 8,
                ["RequireSymbols"] = false,
                ["RequireNumbers"] = true,
                ["RequireUppercaseCharacters"] = false,
                ["RequireLowercaseCharacters"] = true,
                ["AllowUsersToChangePassword"] = true,
                ["ExpirePasswords"] = false,
                ["HardExpiry"] = false,
            }
            : new JsonObject
            {
                // CIS AWS Foundations: 14 characters, every class, 24 remembered, 90 days.
                ["MinimumPasswordLength"] = 14,
                ["RequireSymbols"] = true,
                ["RequireNumbers"] = true,
                ["RequireUppercaseCharacters"] = true,
                ["RequireLowercaseCharacters"] = true,
                ["AllowUsersToChangePassword"] = true,
                ["ExpirePasswords"] = true,
                ["MaxPasswordAge"] = 90,
                ["PasswordReusePrevention"] = 24,
                ["HardExpiry"] = false,
            };
    }

    private static Dictionary<string, long> Summary(JsonObject content, List<CredentialReportLine> lines, bool rootMfa, bool rootKey)
    {
        var users = content["UserDetailList"]!.AsArray();
        var roles = content["RoleDetailList"]!.AsArray().OfType<JsonObject>().ToList();
        var local = content["Policies"]!.AsArray().OfType<JsonObject>().Where(p => !IamAccount.IsAwsManaged(p)).ToList();
        var mfaDevices = lines.Count(l => l.Cells[5] == "true");
        var providers = roles.Select(r => r["AssumeRolePolicyDocument"]?.ToJsonString() ?? string.Empty)
            .Count(t => t.Contains("oidc-provider/", StringComparison.Ordinal));
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["Users"] = users.Count,
            ["UsersQuota"] = 5000,
            ["Groups"] = content["GroupDetailList"]!.AsArray().Count,
            ["GroupsQuota"] = 300,
            ["Roles"] = roles.Count,
            ["RolesQuota"] = 1000,
            ["Policies"] = local.Count,
            ["PoliciesQuota"] = 1500,
            ["PolicyVersionsInUse"] = local.Sum(p => p["PolicyVersionList"]?.AsArray().Count ?? 0),
            ["PolicyVersionsInUseQuota"] = 10000,
            ["VersionsPerPolicyQuota"] = 5,
            ["PolicySizeQuota"] = 6144,
            ["UserPolicySizeQuota"] = 2048,
            ["GroupPolicySizeQuota"] = 5120,
            ["RolePolicySizeQuota"] = 10240,
            ["AssumeRolePolicySizeQuota"] = 2048,
            ["GroupsPerUserQuota"] = 10,
            ["AttachedPoliciesPerUserQuota"] = 10,
            ["AttachedPoliciesPerGroupQuota"] = 10,
            ["AttachedPoliciesPerRoleQuota"] = 10,
            ["AccessKeysPerUserQuota"] = 2,
            ["SigningCertificatesPerUserQuota"] = 2,
            ["InstanceProfiles"] = roles.Sum(r => r["InstanceProfileList"]?.AsArray().Count ?? 0),
            ["InstanceProfilesQuota"] = 1000,
            ["MFADevices"] = mfaDevices,
            ["MFADevicesInUse"] = mfaDevices,
            ["AccountMFAEnabled"] = rootMfa ? 1 : 0,
            ["AccountAccessKeysPresent"] = rootKey ? 1 : 0,
            ["AccountPasswordPresent"] = 1,
            ["AccountSigningCertificatesPresent"] = 0,
            ["ServerCertificates"] = 0,
            ["ServerCertificatesQuota"] = 20,
            ["Providers"] = providers,
            ["GlobalEndpointTokenVersion"] = 1,
        };
    }
}
