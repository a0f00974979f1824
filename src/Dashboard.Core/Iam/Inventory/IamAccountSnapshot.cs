using Dashboard.Core.Iam.Inventory.CredentialReport;

namespace Dashboard.Core.Iam.Inventory;

/// <summary>Where a snapshot came from.</summary>
public enum IamSnapshotSource
{
    /// <summary>Read through the IAM API (GetAccountAuthorizationDetails, credential report, account settings).</summary>
    Api,

    /// <summary>
    /// Imported from an <c>aws iam get-account-authorization-details</c> JSON dump: principals and policies
    /// only; a credential report or settings present were kept from the account's cached snapshot.
    /// </summary>
    AuthorizationDetailsDump,
}

/// <summary>
/// Everything collected about one account's IAM at one moment: principals, policies (documents as decoded
/// JSON, parsed on demand), the credential report, the account summary and the password policy.
/// </summary>
public sealed class IamAccountSnapshot
{
    private Dictionary<string, IamManagedPolicy>? policiesByArn;
    private Dictionary<string, IamGroup>? groupsByName;

    public required string AccountId { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }

    public IamSnapshotSource Source { get; init; } = IamSnapshotSource.Api;

    public IReadOnlyList<IamUser> Users { get; init; } = [];

    public IReadOnlyList<IamGroup> Groups { get; init; } = [];

    public IReadOnlyList<IamRole> Roles { get; init; } = [];

    /// <summary>Customer-managed policies and the AWS-managed policies the account uses, with their versions.</summary>
    public IReadOnlyList<IamManagedPolicy> ManagedPolicies { get; init; } = [];

    /// <summary>Null when not collected (dump import) or not ready within the wait; see <see cref="Warnings"/>.</summary>
    public IamCredentialReport? CredentialReport { get; init; }

    /// <summary>GetAccountSummary's SummaryMap (Users, AccountMFAEnabled, AccountAccessKeysPresent, quotas…); empty when not collected.</summary>
    public IReadOnlyDictionary<string, long> AccountSummary { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    public IamPasswordPolicyStatus PasswordPolicyStatus { get; init; } = IamPasswordPolicyStatus.NotCollected;

    /// <summary>Set only when <see cref="PasswordPolicyStatus"/> is <see cref="IamPasswordPolicyStatus.Custom"/>.</summary>
    public IamPasswordPolicy? PasswordPolicy { get; init; }

    /// <summary>What was odd or missing (a policy attached but absent, a report not ready…), in readable sentences.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why account data the collection tried to read is missing (AccessDenied, not ready in time); see <see cref="Missing"/>.</summary>
    public IReadOnlyList<IamDataGap> Gaps { get; init; } = [];

    /// <summary>
    /// Null when the snapshot holds <paramref name="data"/>; otherwise why not, as a sentence. Rules that
    /// need the data report "could not be evaluated" with it rather than passing on no data.
    /// </summary>
    public string? Missing(IamAccountData data)
    {
        var present = data switch
        {
            IamAccountData.CredentialReport => CredentialReport is not null,
            IamAccountData.AccountSummary => AccountSummary.Count > 0,
            // NoSuchEntity is an answer ("no custom policy"); only an unread policy is missing.
            IamAccountData.PasswordPolicy => PasswordPolicyStatus != IamPasswordPolicyStatus.NotCollected,
            _ => true,
        };
        if (present) return null;
        return Gaps.LastOrDefault(g => g.Data == data)?.Reason
            ?? IamDataGap.Unavailable(data, Source == IamSnapshotSource.AuthorizationDetailsDump
                ? "an authorization-details dump does not carry it"
                : "not collected").Reason;
    }

    /// <summary>
    /// This snapshot's principals and policies with other account-level data: what the collector read
    /// besides authorization details, or what a sync or import kept from the cached snapshot.
    /// </summary>
    public IamAccountSnapshot WithAccountData(
        IamCredentialReport? credentialReport,
        IReadOnlyDictionary<string, long> accountSummary,
        IamPasswordPolicyStatus passwordPolicyStatus,
        IamPasswordPolicy? passwordPolicy,
        IReadOnlyList<IamDataGap> gaps,
        IReadOnlyList<string> warnings) => new()
        {
            AccountId = AccountId,
            CollectedAt = CollectedAt,
            Source = Source,
            Users = Users,
            Groups = Groups,
            Roles = Roles,
            ManagedPolicies = ManagedPolicies,
            CredentialReport = credentialReport,
            AccountSummary = accountSummary,
            PasswordPolicyStatus = passwordPolicyStatus,
            PasswordPolicy = passwordPolicyStatus == IamPasswordPolicyStatus.Custom ? passwordPolicy : null,
            Gaps = gaps,
            Warnings = warnings,
        };

    /// <summary>The managed policy with this ARN, or null when the snapshot does not hold it.</summary>
    public IamManagedPolicy? FindManagedPolicy(string policyArn)
    {
        policiesByArn ??= ManagedPolicies.GroupBy(p => p.Arn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return policiesByArn.GetValueOrDefault(policyArn);
    }

    /// <summary>The group with this name (group names are unique per account, case-insensitively).</summary>
    public IamGroup? FindGroup(string groupName)
    {
        groupsByName ??= Groups.GroupBy(g => g.GroupName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return groupsByName.GetValueOrDefault(groupName);
    }

    /// <summary>The groups <paramref name="user"/> belongs to that the snapshot holds.</summary>
    public IEnumerable<IamGroup> GroupsOf(IamUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var name in user.GroupNames)
        {
            if (FindGroup(name) is { } group)
            {
                yield return group;
            }
        }
    }
}
