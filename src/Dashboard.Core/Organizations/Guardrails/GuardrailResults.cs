using System.Text.Json.Serialization;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Organizations.Guardrails;

[JsonConverter(typeof(JsonStringEnumConverter<GuardrailStatus>))]
public enum GuardrailStatus
{
    /// <summary>The SCPs deny every test request for the ordinary administrator, and no privileged principal escapes.</summary>
    Protected,

    /// <summary>Denied for the ordinary administrator, but some principal (e.g. a break-glass role) is exempted.</summary>
    ProtectedWithExceptions,

    NotProtected,

    /// <summary>An SCP on the account's path could not be parsed: never reported as protected.</summary>
    Uncertain,

    /// <summary>The management account: SCPs never apply to it.</summary>
    NotApplicable,
}

[JsonConverter(typeof(JsonStringEnumConverter<GuardrailDeciderKind>))]
public enum GuardrailDeciderKind
{
    /// <summary>A Deny statement of an SCP applies.</summary>
    ExplicitDeny,

    /// <summary>No SCP at this level allows the action (allow-list strategy).</summary>
    NotAllowed,
}

/// <summary>What decided a test request: an SCP statement, or a level where no SCP allows it.</summary>
public sealed record GuardrailDecider(
    GuardrailDeciderKind Kind,
    string TargetId,
    string Level,
    string? PolicyId,
    string? PolicyName,
    string? Sid,
    int? StatementIndex)
{
    public string Describe()
    {
        if (Kind == GuardrailDeciderKind.NotAllowed) return $"no SCP at {Level} allows it";
        var statement = string.IsNullOrEmpty(Sid) ? $"#{StatementIndex + 1}" : $"'{Sid}'";
        return $"SCP '{PolicyName}' ({PolicyId}) at {Level}, statement {statement}";
    }

    public override string ToString() => Describe();
}

/// <summary>
/// A principal the guardrail does not stop, e.g. <c>arn:aws:iam::*:role/PlatformAdmin</c>, with the
/// condition that exempts it ("aws:PrincipalArn is like ...") and the statement holding that condition.
/// </summary>
public sealed record GuardrailException(string Principal, string ExampleArn, string Condition, GuardrailDecider? Statement)
{
    public override string ToString() => $"{Principal} ({Condition})";
}

/// <summary>One test request as evaluated through the account's SCPs.</summary>
public sealed record GuardrailCheck(
    string Action,
    string Resource,
    string Principal,
    string Region,
    DecisionKind Decision,
    bool IsDenied,
    bool IsUncertain,
    string Summary);

/// <summary>One account × guardrail cell of the matrix.</summary>
public sealed record GuardrailCell
{
    public required string AccountId { get; init; }

    public required string GuardrailId { get; init; }

    public required GuardrailStatus Status { get; init; }

    /// <summary>One sentence, e.g. "Protected: denied by SCP 'DenyLeaveOrganization' (p-...) at Root (r-ab12), statement #1."</summary>
    public required string Summary { get; init; }

    /// <summary>
    /// What denied the test requests (the explicit denies, or the levels that allow nothing); for a cell that
    /// is not protected, what denies the requests that are denied (a partial guardrail).
    /// </summary>
    public IReadOnlyList<GuardrailDecider> Deciders { get; init; } = [];

    public IReadOnlyList<GuardrailException> Exceptions { get; init; } = [];

    /// <summary>Why the cell is <see cref="GuardrailStatus.Uncertain"/>: the unreadable SCPs.</summary>
    public IReadOnlyList<string> UncertainReasons { get; init; } = [];

    /// <summary>Every test request evaluated (for a Region guardrail, one per candidate Region).</summary>
    public IReadOnlyList<GuardrailCheck> Checks { get; init; } = [];

    /// <summary>Region guardrails only: the Regions where every test request is denied.</summary>
    public IReadOnlyList<string> DeniedRegions { get; init; } = [];

    /// <summary>Region guardrails only: the Regions where some test request is not denied.</summary>
    public IReadOnlyList<string> NotDeniedRegions { get; init; } = [];

    /// <summary>
    /// Region guardrails only: the Regions judged as allowed (configured, or named by the account's SCPs);
    /// empty when neither says.
    /// </summary>
    public IReadOnlyList<string> AllowedRegions { get; init; } = [];

    /// <summary>Region guardrails only: where <see cref="AllowedRegions"/> come from (the setting, or the SCPs naming them); null when nowhere.</summary>
    public string? AllowedRegionsBasis { get; init; }

    public bool IsCovered => Status is GuardrailStatus.Protected or GuardrailStatus.ProtectedWithExceptions;
}

/// <summary>One account's row: where it sits and its cell for each guardrail (in the guardrails' order).</summary>
public sealed record GuardrailAccountRow(
    string AccountId,
    string AccountName,
    string AccountStatus,
    string ParentId,
    string Path,
    bool IsManagementAccount,
    string HomeRegion,
    IReadOnlyList<GuardrailCell> Cells)
{
    public GuardrailCell Cell(string guardrailId) =>
        Cells.FirstOrDefault(c => string.Equals(c.GuardrailId, guardrailId, StringComparison.Ordinal))
        ?? throw new ArgumentException($"No guardrail '{guardrailId}' in this matrix (known: {string.Join(", ", Cells.Select(c => c.GuardrailId))}).", nameof(guardrailId));
}

/// <summary>How many accounts below a node have each status for one guardrail.</summary>
public sealed record GuardrailCounts(int Protected, int ProtectedWithExceptions, int NotProtected, int Uncertain, int NotApplicable)
{
    public static GuardrailCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Total => Protected + ProtectedWithExceptions + NotProtected + Uncertain + NotApplicable;

    /// <summary>Protected, with or without exceptions.</summary>
    public int Covered => Protected + ProtectedWithExceptions;

    /// <summary>Accounts SCPs can protect (all but the management account).</summary>
    public int Applicable => Total - NotApplicable;

    public static GuardrailCounts From(IEnumerable<GuardrailStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        int p = 0, pe = 0, np = 0, u = 0, na = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case GuardrailStatus.Protected: p++; break;
                case GuardrailStatus.ProtectedWithExceptions: pe++; break;
                case GuardrailStatus.NotProtected: np++; break;
                case GuardrailStatus.Uncertain: u++; break;
                default: na++; break;
            }
        }

        return new GuardrailCounts(p, pe, np, u, na);
    }

    public static GuardrailCounts operator +(GuardrailCounts a, GuardrailCounts b) =>
        new(a.Protected + b.Protected, a.ProtectedWithExceptions + b.ProtectedWithExceptions, a.NotProtected + b.NotProtected, a.Uncertain + b.Uncertain, a.NotApplicable + b.NotApplicable);
}

/// <summary>Guardrail coverage of the accounts at and below a root, OU or account, for the tree.</summary>
public sealed record GuardrailNodeCoverage(
    string TargetId,
    OrganizationTargetKind Kind,
    string Name,
    int Depth,
    int AccountCount,
    IReadOnlyDictionary<string, GuardrailCounts> ByGuardrail)
{
    /// <summary>The counts over every guardrail (cells, not accounts).</summary>
    public GuardrailCounts AllCells => ByGuardrail.Values.Aggregate(GuardrailCounts.None, (sum, c) => sum + c);

    public GuardrailCounts For(string guardrailId) => ByGuardrail.TryGetValue(guardrailId, out var counts) ? counts : GuardrailCounts.None;
}
