using System.Text.Json;
using Dashboard.Core.Iam.Policies;
using Dashboard.Core.Organizations;

namespace Dashboard.Core.Tests.Organizations;

/// <summary>Every real SCP/RCP in shared/data/scp loads as an organization policy; unreadable ones are reported per policy.</summary>
public sealed class ScpCorpusTests
{
    private static readonly string ScpRoot = Path.Combine(SharedData.Root, "data", "scp");

    [Fact]
    public void Read_EveryRealScpAttachedInOneOrganization_LoadsAndReportsOnlyTheUnreadableOnes()
    {
        // Arrange: one policy per file, each attached to the root, content verbatim as on the wire.
        var files = Directory.EnumerateFiles(ScpRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var ids = files.Select((_, i) => $"p-corpus{i:D4}").ToList();
        var json = OrganizationFile(files, ids);
        var expectedFailures = files.Where(f => !PolicyParser.Parse(File.ReadAllText(f)).IsSuccess).Select(f => Path.GetRelativePath(ScpRoot, f)).ToHashSet();

        // Act
        var snapshot = OrganizationFileReader.Read(json, "corpus");
        var problems = snapshot.PolicyProblems();

        // Assert
        Assert.Equal(files.Count, snapshot.Policies.Count);
        Assert.Equal(expectedFailures, problems.Select(p => p.PolicyName).ToHashSet());
        Assert.Contains(problems, p => p.PolicyName.EndsWith("deny-service-specific-credential-by-type.json", StringComparison.Ordinal) && p.Error.Contains("invalid JSON", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal(["r-corpus01"], p.AttachedTo));
        Assert.InRange(problems.Count, 1, 3);
    }

    [Fact]
    public void ForAccount_CorpusAttachedAtRoot_GivesEveryPolicyToTheEvaluator()
    {
        // Arrange
        var files = Directory.EnumerateFiles(ScpRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var snapshot = OrganizationFileReader.Read(OrganizationFile(files, files.Select((_, i) => $"p-corpus{i:D4}").ToList()), "corpus");

        // Act
        var levels = EffectivePolicies.ForAccount(snapshot, "123456789012");

        // Assert
        Assert.Equal(2, levels.Count);
        Assert.Equal(files.Count, levels[0].Policies.Count);
        Assert.Equal(snapshot.PolicyProblems().Count, levels[0].Policies.Count(p => !p.Parsed.IsSuccess));
    }

    private static string OrganizationFile(List<string> files, List<string> ids)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("organization");
            writer.WriteString("id", "o-corpus0001");
            writer.WriteString("managementAccountId", "123456789012");
            writer.WriteEndObject();
            writer.WriteStartObject("root");
            writer.WriteString("id", "r-corpus01");
            writer.WriteStartArray("policyTypes");
            writer.WriteStringValue("SERVICE_CONTROL_POLICY");
            writer.WriteEndArray();
            writer.WriteStartArray("policies");
            foreach (var id in ids) writer.WriteStringValue(id);
            writer.WriteEndArray();
            writer.WriteStartArray("accounts");
            writer.WriteStartObject();
            writer.WriteString("id", "123456789012");
            writer.WriteString("name", "management");
            writer.WriteString("email", "root@example.com");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("policies");
            for (var i = 0; i < files.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", ids[i]);
                writer.WriteString("name", Path.GetRelativePath(ScpRoot, files[i]));
                writer.WriteString("content", File.ReadAllText(files[i]));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Every real SCP/RCP file, relative to shared/data/scp.</summary>
    public static TheoryData<string> RealPolicyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ScpRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(ScpRoot, file).Replace(Path.DirectorySeparatorChar, '/'));
        return data;
    }

    /// <summary>The real files AWS itself would refuse, and why; any other file must parse.</summary>
    private static readonly Dictionary<string, string> KnownInvalid = new(StringComparer.Ordinal)
    {
        // A // comment inside the JSON: Organizations rejects it (MalformedPolicyDocumentException).
        ["aws-samples-service-control-policy-examples/Service-specific-controls/AWS-IAM/deny-service-specific-credential-by-type.json"] = "invalid JSON",

        // A template: '<my-corporate-cidr>' must be replaced by a CIDR before AWS accepts the condition.
        ["aws-samples-service-control-policy-examples/Protect-cloud-platform-resource/Deny-use-of-IAM-user-credentials-from-unexpected-networks.json"] = "is not an IPv4 or IPv6 address or CIDR block",
    };

    [Theory]
    [MemberData(nameof(RealPolicyFiles))]
    public void Parse_EveryRealScpFile_ParsesAndEvaluatesOrIsRejectedWithAReason(string relativePath)
    {
        // Arrange
        var content = File.ReadAllText(Path.Combine(ScpRoot, relativePath));
        var input = Dashboard.Core.Iam.Evaluation.PolicyInput.FromJson(relativePath, content);

        // Act: summarised for the library and evaluated as the only SCP at a level, as the matrix does.
        var summary = Dashboard.Core.Organizations.Summaries.ScpSummarizer.Summarize(input);
        var result = Dashboard.Core.Iam.Evaluation.PolicyEvaluator.Evaluate(new Dashboard.Core.Iam.Evaluation.EvaluationRequest
        {
            Principal = Dashboard.Core.Iam.Evaluation.PrincipalContext.ForRole("arn:aws:iam::123456789012:role/Probe", new Dictionary<string, string>()),
            Action = "iam:CreateUser",
            MissingKeys = Dashboard.Core.Iam.Evaluation.MissingContextKeys.Absent,
            IdentityPolicies = [Dashboard.Core.Iam.Evaluation.PolicyInput.FromJson("admin", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")],
            ServiceControlPolicies = [new Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel("Root r-test", [input])],
        });

        // Assert
        if (KnownInvalid.TryGetValue(relativePath, out var reason))
        {
            Assert.False(input.Parsed.IsSuccess, $"{relativePath} was expected to be rejected ({reason}).");
            Assert.Contains(reason, input.Parsed.Error, StringComparison.Ordinal);
            Assert.False(summary.IsReadable);
            Assert.True(result.IsUncertain);
            Assert.NotEqual(Dashboard.Core.Iam.Evaluation.DecisionKind.Allowed, result.Kind);
            return;
        }

        Assert.True(input.Parsed.IsSuccess, $"{relativePath}: {input.Parsed.Error}");
        Assert.NotEmpty(input.Parsed.Policy!.Statements);
        Assert.Equal(input.Parsed.Policy.Statements.Count, summary.Statements.Count);
        Assert.All(summary.Statements, s => Assert.Matches("^(Denies|Allows) .+\\.$", s.Text));
        Assert.False(result.IsUncertain);
    }
}
