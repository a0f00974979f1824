using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Web.Iam;

/// <summary>One service of a principal's effective permissions, worded for the table.</summary>
public sealed record ServicePermissionRow(
    string Service,
    ServiceAccess Access,
    string AccessLabel,
    string Levels,
    IReadOnlyList<string> Actions,
    bool ResourceRestricted,
    bool Conditional)
{
    /// <summary>
    /// An action of this service the policies name literally, to ask "can it do this?" about (the can page
    /// takes one concrete action, so wildcard-only services have none).
    /// </summary>
    public string? ExampleAction => Actions.FirstOrDefault(ActionCatalog.IsAction);
}

/// <summary>
/// A principal's effective permissions by service (<see cref="EffectivePermissionsSummary"/>), with the
/// SCPs applied when the account is in the loaded organization, and the policies that could not be read.
/// </summary>
public sealed record EffectivePermissionsView(
    ServicePermissionRow? AllServices,
    IReadOnlyList<ServicePermissionRow> Services,
    string ScpNote,
    IReadOnlyList<string> UnreadablePolicies,
    string? Error)
{
    /// <summary>How many services have <paramref name="access"/>.</summary>
    public int Count(ServiceAccess access) => Services.Count(s => s.Access == access);

    /// <summary>True when every listed service is allowed only under conditions (so the table says it once).</summary>
    public bool AllConditional => Services.Count > 0 && Services.All(s => s.Conditional);

    /// <summary>
    /// The services whose name or actions contain <paramref name="text"/> (case-insensitive) and whose access
    /// is one of <paramref name="access"/> (empty: any), in the table's order.
    /// </summary>
    public IReadOnlyList<ServicePermissionRow> Matching(string? text, IReadOnlyCollection<ServiceAccess> access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var needle = text?.Trim() ?? "";
        return
        [
            .. Services.Where(s => access.Count == 0 || access.Contains(s.Access))
                .Where(s => needle.Length == 0
                    || s.Service.Contains(needle, StringComparison.OrdinalIgnoreCase)
                    || s.Actions.Any(a => a.Contains(needle, StringComparison.OrdinalIgnoreCase))),
        ];
    }

    public static EffectivePermissionsView For(
        IamAccountAccess access, EffectiveIdentity? identity, string? identityError, IReadOnlyList<OrganizationPolicyLevel>? scps)
    {
        ArgumentNullException.ThrowIfNull(access);
        var scpNote = DescribeScps(scps);
        if (identity is null)
        {
            return new EffectivePermissionsView(null, [], scpNote, [], $"The permissions of this principal cannot be computed: {identityError ?? "its ARN is not a user's or role's"}.");
        }

        var summary = EffectivePermissionsSummary.For(access.For(identity, scps));
        var unreadable = identity.UnreadablePolicies.Select(p => $"{p.Name}: {p.Parsed.Error}").ToList();
        return new EffectivePermissionsView(
            summary.AllServices is { } all ? Row(all) : null,
            // The widest access first: a security engineer reads "full" services before list-only ones.
            [.. summary.Services.OrderBy(s => s.Access).ThenBy(s => s.Service, StringComparer.Ordinal).Select(Row)],
            scpNote,
            unreadable,
            null);
    }

    public static string DescribeScps(IReadOnlyList<OrganizationPolicyLevel>? scps) => scps switch
    {
        null => "No organization loaded for this account: SCPs are not applied.",
        { Count: 0 } => "SCPs applied: none (the SCP policy type is not enabled on the organization's root).",
        _ => $"SCPs applied: {scps.Count} {(scps.Count == 1 ? "level" : "levels")} ({string.Join(" → ", scps.Select(l => l.Name))}).",
    };

    public static string AccessLabel(ServiceAccess access) => access switch
    {
        ServiceAccess.Full => "Full",
        ServiceAccess.Limited => "Limited",
        ServiceAccess.ListOnly => "List only",
        _ => access.ToString(),
    };

    private static ServicePermissionRow Row(ServicePermissions permissions) => new(
        permissions.Service,
        permissions.Access,
        AccessLabel(permissions.Access),
        string.Join(", ", permissions.Levels.Select(LevelLabel)),
        permissions.Actions,
        permissions.ResourceRestricted,
        permissions.Conditional);

    private static string LevelLabel(ActionAccessLevel level) => level switch
    {
        ActionAccessLevel.PermissionsManagement => "Permissions management",
        _ => level.ToString(),
    };
}
