using System.Text.Json.Serialization;

namespace Dashboard.Core.Iam.Access;

/// <summary>AWS's access levels for actions (Service Authorization Reference).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionAccessLevel>))]
public enum ActionAccessLevel
{
    List,
    Read,
    Tagging,
    Write,
    PermissionsManagement,
}

/// <summary>
/// The access level of an action. AWS publishes the level of every action only in the Service
/// Authorization Reference, and no IAM action catalogue ships with the dashboard, so the level is derived
/// from the action's verb (List/Describe → List; Get/BatchGet/Search/Query… → Read; Tag/Untag → Tagging),
/// with the known permissions-management list (<see cref="PermissionsManagementActions"/>) and
/// policy/permission/ACL nouns taking precedence; everything else is Write. A heuristic: a few actions
/// land one level off (e.g. some Describe calls AWS counts as Read), never from Write to List.
/// </summary>
public static class ActionAccessLevels
{
    private static readonly string[] ListVerbs = ["List", "Describe"];

    private static readonly string[] ReadVerbs =
    [
        "Get", "BatchGet", "Read", "View", "Search", "Query", "Scan", "Select", "Lookup", "Head",
        "Download", "Preview", "Retrieve", "Estimate", "Simulate", "Check", "Verify", "Validate", "Evaluate",
    ];

    private static readonly string[] TaggingVerbs = ["Tag", "Untag", "AddTags", "RemoveTags", "CreateTags", "DeleteTags"];

    private static readonly string[] PermissionNouns = ["Permission", "Acl", "ResourcePolicy", "BucketPolicy", "KeyPolicy", "AccessPolicy", "Grant"];

    private static readonly string[] ChangingVerbs = ["Put", "Set", "Delete", "Attach", "Detach", "Add", "Remove", "Update", "Create", "Grant", "Revoke", "Modify", "Replace"];

    /// <summary>The level of <c>service:Action</c> (wildcards in the name are read literally).</summary>
    public static ActionAccessLevel Classify(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (PermissionsManagementActions.Contains(action))
        {
            return ActionAccessLevel.PermissionsManagement;
        }

        var colon = action.IndexOf(':');
        var name = colon >= 0 ? action[(colon + 1)..] : action;
        if (StartsWithVerb(name, "ListTags"))
        {
            return ActionAccessLevel.Read;
        }

        if (StartsWithAny(name, TaggingVerbs))
        {
            return ActionAccessLevel.Tagging;
        }

        if (StartsWithAny(name, ListVerbs))
        {
            return ActionAccessLevel.List;
        }

        if (StartsWithAny(name, ReadVerbs))
        {
            return ActionAccessLevel.Read;
        }

        if (StartsWithAny(name, ChangingVerbs) && PermissionNouns.Any(n => name.Contains(n, StringComparison.Ordinal)))
        {
            return ActionAccessLevel.PermissionsManagement;
        }

        return ActionAccessLevel.Write;
    }

    /// <summary>Write, tagging or permissions management: the levels that change something.</summary>
    public static bool IsModifying(ActionAccessLevel level) => level is ActionAccessLevel.Write or ActionAccessLevel.Tagging or ActionAccessLevel.PermissionsManagement;

    private static bool StartsWithAny(string name, string[] verbs)
    {
        foreach (var verb in verbs)
        {
            if (StartsWithVerb(name, verb))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The verb followed by the end, an upper-case letter or a wildcard ("Get*", "GetObject", not "Getaway").</summary>
    private static bool StartsWithVerb(string name, string verb) =>
        name.StartsWith(verb, StringComparison.OrdinalIgnoreCase)
        && (name.Length == verb.Length || char.IsUpper(name[verb.Length]) || name[verb.Length] is '*' or '?');
}
