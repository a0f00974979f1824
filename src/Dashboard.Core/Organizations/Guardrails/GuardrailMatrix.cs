namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// Accounts × guardrails: for every account, whether each guardrail holds, computed by evaluating the
/// guardrail's test requests through the account's effective SCPs (root → OUs → account) with the IAM
/// policy evaluator, never by matching policy text. Rows follow the tree (accounts under the root first,
/// then each OU's, depth first); cells follow the guardrails' order.
/// </summary>
public sealed class GuardrailMatrix
{
    private readonly Dictionary<string, GuardrailAccountRow> _rows;

    private GuardrailMatrix(OrganizationSnapshot snapshot, IReadOnlyList<GuardrailDefinition> guardrails, GuardrailOptions options, IReadOnlyList<GuardrailAccountRow> rows)
    {
        Snapshot = snapshot;
        Guardrails = guardrails;
        Options = options;
        Rows = rows;
        _rows = rows.ToDictionary(r => r.AccountId, StringComparer.Ordinal);
    }

    public OrganizationSnapshot Snapshot { get; }

    public IReadOnlyList<GuardrailDefinition> Guardrails { get; }

    public GuardrailOptions Options { get; }

    public IReadOnlyList<GuardrailAccountRow> Rows { get; }

    /// <summary>
    /// Computes the matrix. Throws <see cref="ArgumentException"/> listing every problem when the options
    /// or the definitions are unusable (bad Region names, duplicate guardrail ids, malformed actions ...).
    /// </summary>
    public static GuardrailMatrix Compute(OrganizationSnapshot snapshot, IReadOnlyList<GuardrailDefinition> guardrails, GuardrailOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(guardrails);
        options ??= new GuardrailOptions();
        var problems = new List<string>(options.Validate());
        if (guardrails.Count == 0) problems.Add("no guardrails to check.");
        foreach (var definition in guardrails)
        {
            if (definition is null) problems.Add("a guardrail definition is null.");
            else problems.AddRange(definition.Validate());
        }

        problems.AddRange(guardrails.Where(g => g is not null).GroupBy(g => g.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"guardrail id '{g.Key}' is used {g.Count()} times."));
        if (problems.Count > 0) throw new ArgumentException("Cannot compute the guardrail matrix: " + string.Join(" ", problems), nameof(guardrails));

        var rows = TreeOrderedAccounts(snapshot).Select(account => Row(snapshot, account, guardrails, options)).ToList();
        return new GuardrailMatrix(snapshot, guardrails, options, rows);
    }

    /// <summary>Computes the matrix for <see cref="GuardrailCatalog.Default"/>.</summary>
    public static GuardrailMatrix Compute(OrganizationSnapshot snapshot, GuardrailOptions? options = null) =>
        Compute(snapshot, GuardrailCatalog.Default, options);

    public GuardrailAccountRow Row(string accountId) =>
        _rows.TryGetValue(accountId, out var row) ? row : throw new ArgumentException($"Account {accountId} is not in organization {Snapshot.Organization.Id}.", nameof(accountId));

    public GuardrailCell Cell(string accountId, string guardrailId) => Row(accountId).Cell(guardrailId);

    public GuardrailDefinition Guardrail(string guardrailId) =>
        Guardrails.FirstOrDefault(g => string.Equals(g.Id, guardrailId, StringComparison.Ordinal))
        ?? throw new ArgumentException($"No guardrail '{guardrailId}' in this matrix.", nameof(guardrailId));

    /// <summary>The rows of the accounts at or below a root, OU or account (the matrix filtered by OU).</summary>
    public IReadOnlyList<GuardrailAccountRow> RowsUnder(string targetId)
    {
        if (!Snapshot.IsTarget(targetId)) throw new ArgumentException($"{targetId} is not the root, an OU or an account of {Snapshot.Organization.Id}.", nameof(targetId));
        return [.. Rows.Where(r => Snapshot.PathTo(r.AccountId).Contains(targetId, StringComparer.Ordinal))];
    }

    /// <summary>Coverage of the accounts at and below one root, OU or account.</summary>
    /// <summary>The same matrix restricted to the accounts below <paramref name="targetId"/> (for OU filters and exports).</summary>
    public GuardrailMatrix Under(string targetId) => new(Snapshot, Guardrails, Options, RowsUnder(targetId));

    public GuardrailNodeCoverage CoverageFor(string targetId)
    {
        var rows = RowsUnder(targetId);
        var kind = targetId == Snapshot.Root.Id ? OrganizationTargetKind.Root
            : Snapshot.FindOrganizationalUnit(targetId) is not null ? OrganizationTargetKind.OrganizationalUnit
            : OrganizationTargetKind.Account;
        var name = kind switch
        {
            OrganizationTargetKind.Root => Snapshot.Root.Name,
            OrganizationTargetKind.OrganizationalUnit => Snapshot.FindOrganizationalUnit(targetId)!.Name,
            _ => Snapshot.FindAccount(targetId)!.Name,
        };
        var byGuardrail = Guardrails.ToDictionary(
            g => g.Id,
            g => GuardrailCounts.From(rows.Select(r => r.Cell(g.Id).Status)),
            StringComparer.Ordinal);
        return new GuardrailNodeCoverage(targetId, kind, name, Snapshot.PathTo(targetId).Count - 1, rows.Count, byGuardrail);
    }

    /// <summary>The root and every OU (parents before children) with the coverage of the accounts below each, for the tree.</summary>
    public IReadOnlyList<GuardrailNodeCoverage> Coverage() =>
        [CoverageFor(Snapshot.Root.Id), .. Snapshot.OrganizationalUnits.Select(u => CoverageFor(u.Id))];

    private static GuardrailAccountRow Row(OrganizationSnapshot snapshot, OrganizationAccount account, IReadOnlyList<GuardrailDefinition> guardrails, GuardrailOptions options)
    {
        var path = string.Join(" / ", snapshot.PathTo(account.ParentId).Select(id => id == snapshot.Root.Id ? snapshot.Root.Name : snapshot.FindOrganizationalUnit(id)!.Name));
        if (snapshot.IsManagementAccount(account.Id))
        {
            // AWS Organizations: "SCPs don't affect users or roles in the management account."
            var cells = guardrails.Select(g => new GuardrailCell
            {
                AccountId = account.Id,
                GuardrailId = g.Id,
                Status = GuardrailStatus.NotApplicable,
                Summary = "Not applicable: this is the management account, which SCPs never restrict; protect it with IAM and by keeping workloads out of it.",
            }).ToList();
            return new GuardrailAccountRow(account.Id, account.Name, account.Status, account.ParentId, path, true, AccountGuardrailEvaluator.ConfiguredHomeRegion(options), cells);
        }

        var evaluator = new AccountGuardrailEvaluator(snapshot, account, options);
        return new GuardrailAccountRow(account.Id, account.Name, account.Status, account.ParentId, path, false, evaluator.HomeRegion, [.. guardrails.Select(evaluator.Evaluate)]);
    }

    private static IEnumerable<OrganizationAccount> TreeOrderedAccounts(OrganizationSnapshot snapshot) =>
        snapshot.AccountsIn(snapshot.Root.Id).Concat(snapshot.OrganizationalUnits.SelectMany(u => snapshot.AccountsIn(u.Id)));
}
