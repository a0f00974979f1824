using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Organizations;

namespace Dashboard.Web.Iam;

/// <summary>A user, role or the root user to pick in "can P do A".</summary>
public sealed record PrincipalOption(string Arn, string Name, string Kind)
{
    public string Display => $"{Name} ({Kind})";
}

/// <summary>"Can P do A on R?": the decision, or why the question could not be asked.</summary>
public sealed record AccessCheckOutcome(string? Error, AccessDecisionView? Result);

/// <summary>One principal that can (or could, but for an SCP) do A on R; <see cref="ExplainHref"/> asks "can it?" with the same inputs.</summary>
public sealed record WhoCanRow(string Name, string Arn, string Kind, AccessDecision Decision, string DecisionLabel, string Summary, string Href, string ExplainHref);

/// <summary>"Who can do A on R?": the principals with their decisions, or why the question could not be asked.</summary>
public sealed record WhoCanOutcome(string? Error, IReadOnlyList<WhoCanRow> Rows, int PrincipalsChecked)
{
    public int Count(AccessDecision decision) => Rows.Count(r => r.Decision == decision);
}

/// <summary>
/// The "can P do A on R" and "who can do A on R" questions over one account's snapshot, with the
/// account's SCPs when the loaded organization holds it. Inputs are validated here and every problem
/// comes back as a message, never an exception.
/// </summary>
public sealed class AccessWorkbench
{
    private readonly IamAccountAccess _access;
    private readonly IReadOnlyList<OrganizationPolicyLevel>? _scps;

    private AccessWorkbench(IamAccountAccess access, IReadOnlyList<OrganizationPolicyLevel>? scps, string scpNote)
    {
        _access = access;
        _scps = scps;
        ScpNote = scpNote;
        var snapshot = access.Snapshot;
        Principals =
        [
            .. snapshot.Users.Select(u => new PrincipalOption(u.Arn, u.UserName, "user")),
            .. snapshot.Roles.Select(r => new PrincipalOption(r.Arn, r.RoleName, "role")),
            new PrincipalOption(access.Identities.ForRoot().Arn, "root", "root user"),
        ];
        Actions = ActionCatalog.From(snapshot);
    }

    public string AccountId => _access.Snapshot.AccountId;

    public IReadOnlyList<PrincipalOption> Principals { get; }

    /// <summary>Actions the account's policies name, for completion.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>"SCPs applied: N levels" or why none are.</summary>
    public string ScpNote { get; }

    public static AccessWorkbench Build(IamAccountSnapshot snapshot, OrganizationSnapshot? organization, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var access = new IamAccountAccess(snapshot, PrincipalDetailViewModel.AccessOptionsFor(snapshot.AccountId, organization, now));
        var scps = PrincipalDetailViewModel.ScpChain(snapshot.AccountId, organization);
        var note = organization is null
            ? "No organization loaded: SCPs are not applied."
            : scps is null
                ? $"Account {snapshot.AccountId} is not in the loaded organization {organization.Organization.Id}: SCPs are not applied."
                : EffectivePermissionsView.DescribeScps(scps);
        return new AccessWorkbench(access, scps, note);
    }

    public IReadOnlyList<PrincipalOption> SearchPrincipals(string? text, int max = 50)
    {
        var needle = text?.Trim() ?? "";
        return [.. Principals.Where(p => needle.Length == 0 || p.Name.Contains(needle, StringComparison.OrdinalIgnoreCase) || p.Arn.Contains(needle, StringComparison.OrdinalIgnoreCase)).Take(max)];
    }

    public IReadOnlyList<string> SearchActions(string? text, int max = 50) => ActionCatalog.Search(Actions, text, max);

    public AccessCheckOutcome Check(string? principal, string? action, string? resource, string? context)
    {
        if (string.IsNullOrWhiteSpace(principal)) return new AccessCheckOutcome("Pick a principal (a user, role or the root user of this account).", null);
        if (Validate(action, resource, context, out var keys) is { } problem) return new AccessCheckOutcome(problem, null);
        if (!_access.TryFind(principal, out var identity, out var error)) return new AccessCheckOutcome(Capitalised(error!), null);
        try
        {
            var result = _access.For(identity!, _scps).Explain(action!.Trim(), ResourceOrAll(resource), null, keys);
            return new AccessCheckOutcome(null, AccessDecisionView.From(result));
        }
        catch (ArgumentException ex)
        {
            return new AccessCheckOutcome(Capitalised(ex.Message), null);
        }
    }

    public WhoCanOutcome WhoCan(string? action, string? resource, string? context)
    {
        if (Validate(action, resource, context, out var keys) is { } problem) return new WhoCanOutcome(problem, [], 0);
        try
        {
            var result = _access.WhoCan(action!.Trim(), ResourceOrAll(resource), keys, _scps);
            var rows = result.Principals
                .Select(p =>
                {
                    var decision = p.Decision switch
                    {
                        WhoCanDecision.DeniedByScp => AccessDecision.Denied,
                        _ => AccessDecisionView.Labels.Decide(p.Result),
                    };
                    var label = decision == AccessDecision.Uncertain ? AccessDecisionView.Labels.For(decision) : AccessDecisionView.Labels.For(p.Decision);
                    return new WhoCanRow(p.Name, p.PrincipalArn, KindLabel(p.Kind), decision, label, p.Result.Summary,
                        IamLinks.Principal(AccountId, p.PrincipalArn), IamLinks.Can(AccountId, p.PrincipalArn, action.Trim(), resource?.Trim(), ContextLines(context)));
                })
                .OrderBy(r => Rank(r.Decision))
                .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            return new WhoCanOutcome(null, rows, result.PrincipalsChecked);
        }
        catch (ArgumentException ex)
        {
            return new WhoCanOutcome(Capitalised(ex.Message), [], 0);
        }
    }

    /// <summary>The first problem with the request's action, resource or context lines; null when they are usable.</summary>
    public static string? Validate(string? action, string? resource, string? context, out ContextKeys keys)
    {
        keys = ContextKeys.Empty;
        var trimmed = action?.Trim() ?? "";
        if (trimmed.Length == 0) return "Type an action, e.g. s3:GetObject.";
        if (!ActionCatalog.IsAction(trimmed))
        {
            return $"Action '{trimmed}' is not service:ActionName (e.g. s3:GetObject); a request names one action, without wildcards.";
        }

        var target = resource?.Trim() ?? "";
        if (target.Length > 0 && target != "*" && !LooksLikeArn(target))
        {
            return $"Resource '{target}' is not an ARN (arn:partition:service:region:account:resource) or *.";
        }

        var lines = ContextLines(context);
        if (!ContextKeys.TryParseAssignments(lines, out keys, out var error)) return Capitalised(error!);
        // A mistyped value (aws:MultiFactorAuthPresent=yes) never matches a condition: refuse it as `iam can` does.
        if (ContextValueCheck.Check(keys) is { } typeError)
        {
            keys = ContextKeys.Empty;
            return Capitalised(typeError);
        }

        return null;
    }

    /// <summary>The non-empty lines of the context box (one key=value per line).</summary>
    public static IReadOnlyList<string> ContextLines(string? context)
        => string.IsNullOrWhiteSpace(context) ? [] : [.. context.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string ResourceOrAll(string? resource) => string.IsNullOrWhiteSpace(resource) ? "*" : resource.Trim();

    private static bool LooksLikeArn(string text)
    {
        var parts = text.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[1].Length > 0 && parts[2].Length > 0 && parts[5].Length > 0;
    }

    /// <summary>Who really can first, then who can under conditions, then the unknowns, then those an SCP stops.</summary>
    private static int Rank(AccessDecision decision) => decision switch
    {
        AccessDecision.Allowed => 0,
        AccessDecision.ConditionallyAllowed => 1,
        AccessDecision.Uncertain => 2,
        _ => 3,
    };

    private static string KindLabel(PrincipalKind kind) => kind switch
    {
        PrincipalKind.User => "user",
        PrincipalKind.Role => "role",
        PrincipalKind.ServiceLinkedRole => "service-linked role",
        PrincipalKind.Root => "root user",
        _ => kind.ToString(),
    };

    private static string Capitalised(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
}

/// <summary>The inputs of "can P do A on R" / "who can do A on R", as typed (validated by <see cref="AccessWorkbench"/>).</summary>
public sealed record AccessQuery(string? Principal, string? Action, string? Resource, string? Context)
{
    public static AccessQuery Empty { get; } = new(null, null, null, null);
}
