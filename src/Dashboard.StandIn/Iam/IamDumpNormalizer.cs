using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dashboard.StandIn.Identity;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// Turns a get-account-authorization-details dump (CLI JSON, or a list of such pages) into the content the
/// stand-in serves: only the members the IAM model defines, timestamps as ISO 8601, policy documents as
/// JSON objects (decoded when they were URL-encoded strings), and a lone object where a list belongs read
/// as a list (the AWS CLI documentation example has one). Anything else wrong throws
/// <see cref="ArgumentException"/> naming the file and the member.
/// </summary>
internal static partial class IamDumpNormalizer
{
    public static readonly string[] Lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

    // Member kinds: s string, t timestamp, d policy document, i integer, b boolean, [X list of X, else a shape.
    private static readonly Dictionary<string, Dictionary<string, string>> Shapes = new(StringComparer.Ordinal)
    {
        ["UserDetail"] = Members(("Path", "s"), ("UserName", "s"), ("UserId", "s"), ("Arn", "s"), ("CreateDate", "t"), ("UserPolicyList", "[PolicyDetail"), ("GroupList", "[s"), ("AttachedManagedPolicies", "[AttachedPolicy"), ("PermissionsBoundary", "AttachedPermissionsBoundary"), ("Tags", "[Tag")),
        ["GroupDetail"] = Members(("Path", "s"), ("GroupName", "s"), ("GroupId", "s"), ("Arn", "s"), ("CreateDate", "t"), ("GroupPolicyList", "[PolicyDetail"), ("AttachedManagedPolicies", "[AttachedPolicy")),
        ["RoleDetail"] = Members(("Path", "s"), ("RoleName", "s"), ("RoleId", "s"), ("Arn", "s"), ("CreateDate", "t"), ("AssumeRolePolicyDocument", "d"), ("InstanceProfileList", "[InstanceProfile"), ("RolePolicyList", "[PolicyDetail"), ("AttachedManagedPolicies", "[AttachedPolicy"), ("PermissionsBoundary", "AttachedPermissionsBoundary"), ("Tags", "[Tag"), ("RoleLastUsed", "RoleLastUsed")),
        ["ManagedPolicyDetail"] = Members(("PolicyName", "s"), ("PolicyId", "s"), ("Arn", "s"), ("Path", "s"), ("DefaultVersionId", "s"), ("AttachmentCount", "i"), ("PermissionsBoundaryUsageCount", "i"), ("IsAttachable", "b"), ("Description", "s"), ("CreateDate", "t"), ("UpdateDate", "t"), ("PolicyVersionList", "[PolicyVersion")),
        ["PolicyDetail"] = Members(("PolicyName", "s"), ("PolicyDocument", "d")),
        ["AttachedPolicy"] = Members(("PolicyName", "s"), ("PolicyArn", "s")),
        ["AttachedPermissionsBoundary"] = Members(("PermissionsBoundaryType", "s"), ("PermissionsBoundaryArn", "s")),
        ["Tag"] = Members(("Key", "s"), ("Value", "s")),
        ["RoleLastUsed"] = Members(("LastUsedDate", "t"), ("Region", "s")),
        ["InstanceProfile"] = Members(("Path", "s"), ("InstanceProfileName", "s"), ("InstanceProfileId", "s"), ("Arn", "s"), ("CreateDate", "t"), ("Roles", "[Role"), ("Tags", "[Tag")),
        ["Role"] = Members(("Path", "s"), ("RoleName", "s"), ("RoleId", "s"), ("Arn", "s"), ("CreateDate", "t"), ("AssumeRolePolicyDocument", "d"), ("Description", "s"), ("MaxSessionDuration", "i"), ("PermissionsBoundary", "AttachedPermissionsBoundary"), ("Tags", "[Tag"), ("RoleLastUsed", "RoleLastUsed")),
        ["PolicyVersion"] = Members(("Document", "d"), ("VersionId", "s"), ("IsDefaultVersion", "b"), ("CreateDate", "t")),
    };

    private static readonly Dictionary<string, string> ListShapes = new(StringComparer.Ordinal)
    {
        ["UserDetailList"] = "UserDetail",
        ["GroupDetailList"] = "GroupDetail",
        ["RoleDetailList"] = "RoleDetail",
        ["Policies"] = "ManagedPolicyDetail",
    };

    /// <summary>Reads dump text from <paramref name="source"/> (a file name, for messages).</summary>
    public static JsonObject Normalize(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{source} is not valid JSON: {ex.Message}");
        }

        var pages = root switch
        {
            JsonObject page => [page],
            JsonArray array => array.Select((p, i) => p as JsonObject ?? throw new ArgumentException($"{source}: page [{i}] is not an object.")).ToList(),
            _ => throw new ArgumentException($"{source} is not a get-account-authorization-details dump (an object with UserDetailList, GroupDetailList, RoleDetailList, Policies)."),
        };

        if (!pages.Any(p => Lists.Any(p.ContainsKey)))
        {
            throw new ArgumentException($"{source} is not a get-account-authorization-details dump: it has none of {string.Join(", ", Lists)}.");
        }

        var content = new JsonObject();
        foreach (var list in Lists)
        {
            var items = new JsonArray();
            foreach (var page in pages)
            {
                foreach (var item in Items(page[list], $"{source}: {list}"))
                {
                    items.Add(Shape(item, ListShapes[list], $"{source}: {list}[{items.Count}]"));
                }
            }

            content[list] = items;
        }

        return content;
    }

    /// <summary>ISO 8601 with a Z, as IAM's XML writes timestamps.</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<JsonNode?> Items(JsonNode? node, string path) => node switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray array => array,
        JsonObject single => new JsonNode?[] { single },
        _ => throw new ArgumentException($"{path} must be a list."),
    };

    private static JsonObject Shape(JsonNode? node, string shape, string path)
    {
        if (node is not JsonObject source)
        {
            throw new ArgumentException($"{path} must be an object.");
        }

        var result = new JsonObject();
        foreach (var (name, kind) in Shapes[shape])
        {
            if (source[name] is not { } value)
            {
                continue;
            }

            result[name] = Member(value, kind, $"{path}.{name}");
        }

        Repair(result);
        return result;
    }

    /// <summary>
    /// Test fixtures among the seed dumps use placeholder ids ("obama") and empty paths that real IAM never
    /// returns (ids are 16+ word characters, paths start and end with '/'): give them well-formed ones,
    /// stable per entity, so every served response fits the model.
    /// </summary>
    private static void Repair(JsonObject entity)
    {
        foreach (var (member, prefix) in IdPrefixes)
        {
            if (entity[member]?.GetValue<string>() is { } id && !IdPattern().IsMatch(id))
            {
                var name = entity["Arn"]?.GetValue<string>() ?? id;
                entity[member] = prefix + StandInCredentials.IdSuffix(name + "/" + id);
            }
        }

        if (entity["Path"]?.GetValue<string>() is { } path && !PathPattern().IsMatch(path))
        {
            entity["Path"] = "/";
        }
    }

    private static readonly (string Member, string Prefix)[] IdPrefixes =
        [("UserId", "AIDA"), ("GroupId", "AGPA"), ("RoleId", "AROA"), ("PolicyId", "ANPA"), ("InstanceProfileId", "AIPA")];

    [GeneratedRegex(@"^\w{16,128}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(/|/[\u0021-\u007E]+/)$")]
    private static partial Regex PathPattern();

    private static JsonNode Member(JsonNode value, string kind, string path)
    {
        switch (kind)
        {
            case "s":
                return value is JsonValue s && s.TryGetValue<string>(out var text) ? JsonValue.Create(text) : throw Wrong(path, "a string");
            case "t":
                return value is JsonValue t && t.TryGetValue<string>(out var time)
                    && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                    ? JsonValue.Create(Iso(instant))
                    : throw Wrong(path, "a timestamp");
            case "i":
                return value is JsonValue i && i.TryGetValue<int>(out var number) ? JsonValue.Create(number) : throw Wrong(path, "a whole number");
            case "b":
                return value is JsonValue b && b.TryGetValue<bool>(out var flag) ? JsonValue.Create(flag) : throw Wrong(path, "true or false");
            case "d":
                return Document(value, path);
            case ['[', .. var item]:
                var list = new JsonArray();
                foreach (var entry in Items(value, path))
                {
                    list.Add(item == "s" ? Member(entry ?? throw Wrong(path, "a list of strings"), "s", $"{path}[{list.Count}]") : Shape(entry, item, $"{path}[{list.Count}]"));
                }

                return list;
            default:
                return Shape(value, kind, path);
        }
    }

    private static JsonObject Document(JsonNode value, string path)
    {
        if (value is JsonObject document)
        {
            return (JsonObject)document.DeepClone();
        }

        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var decoded = text.TrimStart().StartsWith('%') ? Uri.UnescapeDataString(text) : text;
            try
            {
                return JsonNode.Parse(decoded) as JsonObject ?? throw Wrong(path, "a policy document object");
            }
            catch (JsonException)
            {
                throw Wrong(path, "a policy document (JSON)");
            }
        }

        throw Wrong(path, "a policy document");
    }

    private static ArgumentException Wrong(string path, string expected) => new($"{path} must be {expected}.");

    private static Dictionary<string, string> Members(params (string Name, string Kind)[] members) =>
        members.ToDictionary(m => m.Name, m => m.Kind, StringComparer.Ordinal);
}
