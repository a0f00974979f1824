using System.Text.Json;
using System.Xml.Linq;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Every real policy document in shared/data parses, or is rejected with a reason.</summary>
public sealed class RealPolicyDocumentTests
{
    /// <summary>
    /// The documents that must be rejected, with the reason: one has a // comment (invalid JSON, as
    /// SOURCES.md notes) and one still holds its template placeholder instead of a CIDR block.
    /// </summary>
    private static readonly Dictionary<string, string> ExpectedRejections = new(StringComparer.Ordinal)
    {
        ["deny-service-specific-credential-by-type.json"] = "invalid JSON at line 15, column 13: '/' is invalid after a value. Expected either ',', '}', or ']'.",
        ["Deny-use-of-IAM-user-credentials-from-unexpected-networks.json"] = "'<my-corporate-cidr>' is not an IPv4 or IPv6 address or CIDR block",
    };

    public static TheoryData<string> ScpFiles()
    {
        var root = Path.Combine(SharedData.Root, "data", "scp");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScpFiles))]
    public void Parse_EveryScpDocument_ParsesOrIsRejectedWithAReason(string relativePath)
    {
        // Arrange
        var json = File.ReadAllText(Path.Combine(SharedData.Root, "data", "scp", relativePath));

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        if (ExpectedRejections.TryGetValue(Path.GetFileName(relativePath), out var reason))
        {
            Assert.False(result.IsSuccess);
            Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.IsSuccess, $"{relativePath}: {result.Error}");
            Assert.NotEmpty(result.Policy.Statements);
        }
    }

    [Fact]
    public void Parse_ScpCorpus_CoversTheStatementShapesItIsKnownFor()
    {
        // Arrange
        var root = Path.Combine(SharedData.Root, "data", "scp");
        var parsed = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => PolicyParser.Parse(File.ReadAllText(f)))
            .Where(r => r.IsSuccess)
            .SelectMany(r => r.Policy!.Statements)
            .ToList();

        // Act
        var operators = parsed.SelectMany(s => s.Conditions).Select(c => c.Operator.Name).ToHashSet();

        // Assert: about 150 statements, with NotAction, NotResource and a Principal among them.
        Assert.InRange(parsed.Count, 140, 170);
        Assert.Contains(parsed, s => s.Actions.IsNegated);
        Assert.Contains(parsed, s => s.Resources?.IsNegated == true);
        Assert.Contains(parsed, s => s.Principals is not null);
        Assert.Superset(new HashSet<string> { "ArnNotLike", "StringNotEquals", "Null", "BoolIfExists", "ForAnyValue:StringLike", "NumericLessThan" }, operators);
    }

    public static TheoryData<string> AuthorizationDetailsFiles()
    {
        var root = Path.Combine(SharedData.Root, "data", "iam");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = TryRead(file);
            if (document?.RootElement is { ValueKind: JsonValueKind.Object } rootElement
                && (rootElement.TryGetProperty("UserDetailList", out _) || rootElement.TryGetProperty("Policies", out _)))
            {
                data.Add(Path.GetRelativePath(root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AuthorizationDetailsFiles))]
    public void Parse_EveryPolicyInAnAuthorizationDetailsDump_Succeeds(string relativePath)
    {
        // Arrange
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Root, "data", "iam", relativePath)));
        var documents = PolicyDocuments(document.RootElement).ToList();

        // Act
        var failures = documents
            .Select(d => (d.Where, Result: ParseDocumentValue(d.Value)))
            .Where(x => !x.Result.IsSuccess)
            .Select(x => $"{x.Where}: {x.Result.Error}")
            .ToList();

        // Assert
        Assert.NotEmpty(documents);
        Assert.Empty(failures);
    }

    [Fact]
    public void Parse_CloudsplainingExample_ReadsAllItsPolicyDocuments()
    {
        // Arrange
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "example.json")));

        // Act
        var results = PolicyDocuments(document.RootElement).Select(d => ParseDocumentValue(d.Value)).ToList();

        // Assert: inline, trust and every managed policy version.
        Assert.Equal(202, results.Count);
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error));
    }

    [Theory]
    [InlineData("iam-get-user-policy.xml")]
    [InlineData("iam-list-roles.xml")]
    public void ParseMaybeUrlEncoded_PolicyDocumentsFromQueryApiXml_Succeed(string file)
    {
        // Arrange: the Query API returns policy documents URL-encoded.
        var path = Path.Combine(SharedData.Root, "aws", "wire", "botocore-response-parsing", "responses", file);
        var encoded = XDocument.Load(path).Descendants()
            .Where(e => e.Name.LocalName is "PolicyDocument" or "AssumeRolePolicyDocument")
            .Select(e => e.Value)
            .ToList();

        // Act
        var results = encoded.Select(PolicyParser.ParseMaybeUrlEncoded).ToList();

        // Assert
        Assert.NotEmpty(encoded);
        Assert.All(encoded, e => Assert.StartsWith("%7B", e, StringComparison.OrdinalIgnoreCase));
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error));
    }

    /// <summary>Inline user/group/role policies, trust policies and every managed policy version.</summary>
    private static IEnumerable<(string Where, JsonElement Value)> PolicyDocuments(JsonElement root)
    {
        foreach (var (list, inline, nameProperty) in new[] { ("UserDetailList", "UserPolicyList", "UserName"), ("GroupDetailList", "GroupPolicyList", "GroupName"), ("RoleDetailList", "RolePolicyList", "RoleName") })
        {
            foreach (var entity in Items(root, list))
            {
                var name = entity.TryGetProperty(nameProperty, out var n) ? n.GetString() : "?";
                foreach (var policy in Items(entity, inline))
                {
                    yield return ($"{name} inline {policy.GetProperty("PolicyName").GetString()}", policy.GetProperty("PolicyDocument"));
                }

                if (entity.TryGetProperty("AssumeRolePolicyDocument", out var trust))
                {
                    yield return ($"{name} trust policy", trust);
                }
            }
        }

        foreach (var policy in Items(root, "Policies"))
        {
            foreach (var version in Items(policy, "PolicyVersionList"))
            {
                yield return ($"{policy.GetProperty("PolicyName").GetString()} {version.GetProperty("VersionId").GetString()}", version.GetProperty("Document"));
            }
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    /// <summary>Dumps hold the document as a JSON object, or as a URL-encoded string straight from the API.</summary>
    private static PolicyParseResult ParseDocumentValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? PolicyParser.ParseMaybeUrlEncoded(value.GetString()) : PolicyParser.Parse(value);

    private static JsonDocument? TryRead(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
