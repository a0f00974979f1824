using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Core.Organizations.Summaries;
using MudBlazor;

namespace Dashboard.Web.Organizations;

/// <summary>A guardrail column, with the coverage of the rows shown.</summary>
public sealed record GuardrailColumn(string Id, string Title, string Category, string Description, GuardrailCounts Counts);

/// <summary>One cell: its status as label, colour and icon, its one-sentence summary, and the link that opens it.</summary>
public sealed record GuardrailCellView(string GuardrailId, string GuardrailTitle, GuardrailStatus Status, string Label, Color Color, string Icon, string Summary, string Href);

/// <summary>One account row of the matrix.</summary>
public sealed record GuardrailRowView(
    string AccountId, string AccountName, string Path, string Status, bool IsManagement, bool IsInactive, string AccountHref, IReadOnlyList<GuardrailCellView> Cells);

/// <summary>A root or OU to filter by, indented by depth.</summary>
public sealed record OuOption(string Id, string Name, int Depth)
{
    public string Label => new string('\u00A0', Depth * 3) + Name;
}

/// <summary>
/// What decided a test request, with a link to the SCP: for a Deny, the statement in words and as JSON; for
/// a level that allows nothing of it (allow list), what that level does allow.
/// </summary>
public sealed record DeciderView(string Text, string? PolicyName, string? PolicyHref, string Level, string? Statement)
{
    /// <summary>The deciding statement in plain language, or what an allow-list level allows.</summary>
    public string? Sentence { get; init; }

    /// <summary>The deciding statement's JSON as written in the SCP.</summary>
    public string? StatementJson { get; init; }
}

/// <summary>A principal the guardrail does not stop, and the condition exempting it.</summary>
public sealed record ExceptionView(string Principal, string ExampleArn, string Condition, string? Statement);

/// <summary>The drill-down of one cell: the deciding SCP statements, the exceptions, why it is uncertain, the requests tried.</summary>
public sealed record GuardrailCellDetail(
    string AccountId,
    string AccountName,
    string GuardrailId,
    string GuardrailTitle,
    string GuardrailDescription,
    GuardrailCellView Cell,
    IReadOnlyList<DeciderView> Deciders,
    IReadOnlyList<ExceptionView> Exceptions,
    IReadOnlyList<string> UncertainReasons,
    IReadOnlyList<GuardrailCheck> Checks,
    IReadOnlyList<string> DeniedRegions,
    IReadOnlyList<string> NotDeniedRegions,
    IReadOnlyList<string> AllowedRegions,
    string? AllowedRegionsBasis,
    string CloseHref);

/// <summary>
/// The guardrail matrix page: accounts × guardrails, filtered to the accounts under one root or OU, with
/// one cell's drill-down when the URL names an account and a guardrail. Unknown ids in the URL become
/// warnings, not errors.
/// </summary>
public sealed class GuardrailMatrixViewModel
{
    private GuardrailMatrixViewModel() { }

    public IReadOnlyList<GuardrailColumn> Columns { get; private init; } = [];

    public IReadOnlyList<GuardrailRowView> Rows { get; private init; } = [];

    public IReadOnlyList<OuOption> OuOptions { get; private init; } = [];

    /// <summary>The root or OU shown (the root when the URL names none).</summary>
    public string SelectedTargetId { get; private init; } = "";

    public GuardrailCellDetail? Selected { get; private init; }

    public IReadOnlyList<string> Warnings { get; private init; } = [];

    public static GuardrailMatrixViewModel Build(GuardrailMatrix matrix, string? targetId, string? accountId, string? guardrailId)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var snapshot = matrix.Snapshot;
        var warnings = new List<string>();
        var target = string.IsNullOrWhiteSpace(targetId) ? snapshot.Root.Id : targetId.Trim();
        if (!snapshot.IsTarget(target))
        {
            warnings.Add($"'{target}' is not the root, an OU or an account of {snapshot.Organization.Id}; showing every account");
            target = snapshot.Root.Id;
        }

        var rows = matrix.RowsUnder(target);
        var columns = matrix.Guardrails
            .Select(g => new GuardrailColumn(g.Id, g.Title, g.Category, g.Description, GuardrailCounts.From(rows.Select(r => r.Cell(g.Id).Status))))
            .ToList();
        var views = rows.Select(r => new GuardrailRowView(
                r.AccountId,
                r.AccountName,
                r.Path,
                r.AccountStatus,
                r.IsManagementAccount,
                !string.Equals(r.AccountStatus, OrganizationAccount.ActiveStatus, StringComparison.Ordinal),
                OrganizationLinks.Account(r.AccountId),
                [.. r.Cells.Select(c => Cell(matrix, c, target))]))
            .ToList();
        var options = new List<OuOption> { new(snapshot.Root.Id, snapshot.Root.Name, 0) };
        options.AddRange(snapshot.OrganizationalUnits.Select(u => new OuOption(u.Id, u.Name, snapshot.PathTo(u.Id).Count - 1)));

        return new GuardrailMatrixViewModel
        {
            Columns = columns,
            Rows = views,
            OuOptions = options,
            SelectedTargetId = target,
            Selected = Detail(matrix, target, accountId, guardrailId, warnings),
            Warnings = warnings,
        };
    }

    /// <summary>A cell as shown anywhere (matrix, account page), linking to its drill-down under <paramref name="targetId"/>.</summary>
    public static GuardrailCellView Cell(GuardrailMatrix matrix, GuardrailCell cell, string? targetId = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(cell);
        var guardrail = matrix.Guardrail(cell.GuardrailId);
        return new GuardrailCellView(
            cell.GuardrailId,
            guardrail.Title,
            cell.Status,
            GuardrailStatusDisplay.Label(cell.Status),
            GuardrailStatusDisplay.Color(cell.Status),
            GuardrailStatusDisplay.Icon(cell.Status),
            cell.Summary,
            OrganizationLinks.Guardrails(targetId == matrix.Snapshot.Root.Id ? null : targetId, cell.AccountId, cell.GuardrailId));
    }

    private static DeciderView Decider(OrganizationSnapshot snapshot, GuardrailDecider decider)
    {
        var policy = decider.PolicyId is null ? null : snapshot.FindPolicy(decider.PolicyId);
        var view = new DeciderView(
            decider.Describe(),
            decider.PolicyName,
            policy is null ? null : OrganizationLinks.Policy(policy.Id),
            decider.Level,
            decider.Kind == GuardrailDeciderKind.ExplicitDeny ? (string.IsNullOrEmpty(decider.Sid) ? $"#{decider.StatementIndex + 1}" : decider.Sid) : null);
        if (decider.Kind == GuardrailDeciderKind.NotAllowed)
        {
            var allows = snapshot.PoliciesAttachedTo(decider.TargetId, OrganizationPolicyTypes.ServiceControlPolicy)
                .SelectMany(p => ScpSummarizer.Summarize(snapshot, p.Id).Allows.Select(a => $"{p.Name}: {a.Text}"))
                .ToList();
            return view with
            {
                Sentence = allows.Count == 0 ? "No SCP at this level allows anything." : "This level allows only: " + string.Join(" ", allows),
            };
        }

        if (policy is null || decider.StatementIndex is not { } index) return view;
        var parsed = snapshot.ParsedPolicy(policy.Id).Parsed;
        return view with
        {
            Sentence = parsed.IsSuccess && index < parsed.Policy.Statements.Count ? ScpSummarizer.Sentence(parsed.Policy.Statements[index]) : null,
            StatementJson = ScpStatementText.Extract(policy.Content, index),
        };
    }

    private static GuardrailCellDetail? Detail(GuardrailMatrix matrix, string target, string? accountId, string? guardrailId, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(accountId) && string.IsNullOrWhiteSpace(guardrailId)) return null;
        var snapshot = matrix.Snapshot;
        var row = matrix.Rows.FirstOrDefault(r => r.AccountId == accountId?.Trim());
        var guardrail = matrix.Guardrails.FirstOrDefault(g => g.Id == guardrailId?.Trim());
        if (row is null)
        {
            warnings.Add($"account '{accountId}' is not in the matrix");
            return null;
        }

        if (guardrail is null)
        {
            warnings.Add($"guardrail '{guardrailId}' is not one of {string.Join(", ", matrix.Guardrails.Select(g => g.Id))}");
            return null;
        }

        var cell = row.Cell(guardrail.Id);
        var deciders = cell.Deciders.Select(d => Decider(snapshot, d)).ToList();
        var exceptions = cell.Exceptions.Select(e => new ExceptionView(e.Principal, e.ExampleArn, e.Condition, e.Statement?.Describe())).ToList();
        return new GuardrailCellDetail(
            row.AccountId,
            row.AccountName,
            guardrail.Id,
            guardrail.Title,
            guardrail.Description,
            Cell(matrix, cell, target),
            deciders,
            exceptions,
            cell.UncertainReasons,
            cell.Checks,
            cell.DeniedRegions,
            cell.NotDeniedRegions,
            cell.AllowedRegions,
            cell.AllowedRegionsBasis,
            OrganizationLinks.Guardrails(target == snapshot.Root.Id ? null : target));
    }
}
