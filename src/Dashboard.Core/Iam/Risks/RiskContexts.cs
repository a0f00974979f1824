using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks;

/// <summary>
/// One account's analysis run: the snapshot, the options, "now", the SCP chain, and what is worth
/// computing once per account (escalation targets, the role-assumption index). Nothing here spans
/// accounts, so an organization is analysed one account at a time.
/// </summary>
public sealed class AccountRiskContext
{
    private readonly Lazy<EscalationTargets> _targets;
    private readonly Lazy<RoleAssumptionGraph> _roles;
    private readonly Lazy<RoleAssumptionGraph> _rolesWithoutScps;
    private readonly HashSet<string> _trusted;

    public AccountRiskContext(IamAccountSnapshot snapshot, RiskAnalysisOptions options, DateTimeOffset now, IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        Snapshot = snapshot;
        Options = options;
        Now = now;
        ServiceControlPolicies = serviceControlPolicies;
        Access = new IamAccountAccess(snapshot, new AccessOptions
        {
            RequestTime = now,
            OrganizationId = options.OrganizationId,
            ManagementAccountId = options.ManagementAccountId,
        });
        Partition = Access.Identities.ForRoot().Principal.Partition;
        _trusted = new HashSet<string>(options.TrustedAccountIds.Select(a => a.Trim()), StringComparer.Ordinal);
        _targets = new Lazy<EscalationTargets>(() => EscalationTargets.From(snapshot));
        _roles = new Lazy<RoleAssumptionGraph>(() => new RoleAssumptionGraph(this, serviceControlPolicies));
        _rolesWithoutScps = new Lazy<RoleAssumptionGraph>(() => serviceControlPolicies is null ? Roles : new RoleAssumptionGraph(this, null));
    }

    public IamAccountSnapshot Snapshot { get; }

    public RiskAnalysisOptions Options { get; }

    public DateTimeOffset Now { get; }

    public IReadOnlyList<OrganizationPolicyLevel>? ServiceControlPolicies { get; }

    public IamAccountAccess Access { get; }

    public string AccountId => Snapshot.AccountId;

    public string Partition { get; }

    public string RootArn => $"arn:{Partition}:iam::{AccountId}:root";

    public EscalationTargets Targets => _targets.Value;

    internal RoleAssumptionGraph Roles => _roles.Value;

    /// <summary>Role assumptions as the principals' own policies allow them (to tell what the SCPs block).</summary>
    internal RoleAssumptionGraph RolesWithoutScps => _rolesWithoutScps.Value;

    /// <summary>The configured value when positive, else the rule's default.</summary>
    public static int Threshold(int? configured, int defaultValue) => configured is > 0 ? configured.Value : defaultValue;

    public bool IsTrustedAccount(string accountId) => _trusted.Contains(accountId);

    public PrincipalRiskContext ForPrincipal(EffectiveIdentity identity) => new(this, identity);
}

/// <summary>
/// One principal within an account run, with its memoising evaluator (SCPs applied) and what several
/// rules share, computed on first use: the administrator assessment and the escalation methods.
/// </summary>
public sealed class PrincipalRiskContext
{
    /// <summary>Role hops followed when looking for an administrator role to assume.</summary>
    public const int DefaultMaxAssumeRoleHops = 3;

    private readonly Lazy<AdminAssessment> _admin;
    private readonly Lazy<AdminAssessment> _adminWithoutScps;
    private readonly Lazy<IReadOnlyList<EscalationFinding>> _escalations;
    private readonly Lazy<IReadOnlyList<BlockedEscalation>> _blockedEscalations;

    internal PrincipalRiskContext(AccountRiskContext account, EffectiveIdentity identity)
    {
        Account = account;
        Identity = identity;
        Access = account.Access.For(identity, account.ServiceControlPolicies);
        _admin = new Lazy<AdminAssessment>(() => AdminEquivalence.Assess(Access));
        _adminWithoutScps = new Lazy<AdminAssessment>(() =>
            account.ServiceControlPolicies is null ? Admin : AdminEquivalence.Assess(Access.WithoutServiceControlPolicies()));
        _escalations = new Lazy<IReadOnlyList<EscalationFinding>>(FindEscalations);
        _blockedEscalations = new Lazy<IReadOnlyList<BlockedEscalation>>(() => ScpBlockedEscalations.Find(this));
    }

    public AccountRiskContext Account { get; }

    public EffectiveIdentity Identity { get; }

    /// <summary>The principal's evaluator with the account's SCP chain.</summary>
    public PrincipalAccess Access { get; }

    /// <summary>Administrator with SCPs applied.</summary>
    public AdminAssessment Admin => _admin.Value;

    /// <summary>Administrator by its own policies (the same as <see cref="Admin"/> without SCPs).</summary>
    public AdminAssessment AdminWithoutScps => _adminWithoutScps.Value;

    /// <summary>Escalation methods the principal can use (none for administrators: nothing to escalate to).</summary>
    public IReadOnlyList<EscalationFinding> Escalations => _escalations.Value;

    /// <summary>
    /// Methods the principal's own policies allow but the SCPs block, each with the SCP and level that block it
    /// (none for administrators by their own policies: the administrator rule reports those).
    /// </summary>
    public IReadOnlyList<BlockedEscalation> BlockedEscalations => _blockedEscalations.Value;

    internal int MaxAssumeRoleHops => AccountRiskContext.Threshold(Account.Options.MaxAssumeRoleHops, DefaultMaxAssumeRoleHops);

    /// <summary>Service-linked roles are analysed only when the options ask for it.</summary>
    public bool IsAnalysedForPermissions =>
        !Identity.IsRoot && (!Identity.IsServiceLinkedRole || Account.Options.IncludeServiceLinkedRoles);

    private IReadOnlyList<EscalationFinding> FindEscalations()
    {
        if (Admin.IsAdmin)
        {
            return [];
        }

        var findings = new List<EscalationFinding>(PrivilegeEscalationScanner.Scan(Access, Account.Targets));
        if (Account.Roles.PathToAdmin(Access, MaxAssumeRoleHops) is { } chain && PrivilegeEscalationCatalog.Find("AssumePrivilegedRole") is { } method)
        {
            findings.Add(new EscalationFinding(method, chain.Decision, [.. chain.Hops.Select(h => h.Result)]));
        }

        return findings;
    }
}
