using System.Text;
using System.Text.Json;
using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

/// <summary>Every real third-party finding in shared/data/asff goes through the reader and the parser.</summary>
public sealed class RealAsffDataTests
{
    [Theory]
    [MemberData(nameof(AsffTestFiles.FindingFiles), MemberType = typeof(AsffTestFiles))]
    public void Parse_EveryRealFinding_IsAccepted(string file)
    {
        // Arrange
        using var document = AsffTestFiles.Read(file);

        // Act
        var results = document.Findings.Select(AsffFindingParser.Parse).ToList();

        // Assert
        Assert.Null(document.Error);
        Assert.NotEmpty(results);
        Assert.All(results, result => Assert.True(result.IsSuccess, $"{file}: {result}"));
    }

    [Theory]
    [MemberData(nameof(AsffTestFiles.FindingFiles), MemberType = typeof(AsffTestFiles))]
    public void Parse_EveryRealFinding_KeepsRawJsonEquivalentToTheOriginal(string file)
    {
        // Arrange
        using var document = AsffTestFiles.Read(file);
        Assert.NotEmpty(document.Findings);

        foreach (var finding in document.Findings)
        {
            // Act
            var record = AsffFindingParser.Parse(finding).Record!;
            using var reparsed = JsonDocument.Parse(record.RawJson);

            // Assert
            Assert.True(JsonElement.DeepEquals(finding, reparsed.RootElement), $"{file}: RawJson of {record.Id} differs from the original");
        }
    }

    [Theory]
    [MemberData(nameof(AsffTestFiles.SingleFindingFiles), MemberType = typeof(AsffTestFiles))]
    public void Read_SingleFindingFile_RawJsonIsTheFileTextExactly(string file)
    {
        // Arrange
        var text = File.ReadAllText(SharedData.AsffFile(file), Encoding.UTF8).Trim();
        using var document = AsffTestFiles.Read(file);

        // Act
        var record = AsffFindingParser.Parse(Assert.Single(document.Findings)).Record!;

        // Assert
        Assert.Equal(text, record.RawJson);
    }

    [Theory]
    [MemberData(nameof(AsffTestFiles.NoFindingFiles), MemberType = typeof(AsffTestFiles))]
    public void Read_FilesWithoutFindings_YieldNoFindings(string file)
    {
        // Act
        using var document = AsffTestFiles.Read(file);

        // Assert: refused, or (for recorded BatchImportFindings responses with "Findings": []) empty.
        Assert.Empty(document.Findings);
        if (document.Error is null)
        {
            Assert.Equal(AsffDocumentShape.RecordedResponse, document.Shape);
        }
        else
        {
            Assert.Matches("^(not an ASFF document|the recorded response holds no findings)", document.Error);
        }
    }

    [Theory]
    [MemberData(nameof(AsffTestFiles.FragmentFiles), MemberType = typeof(AsffTestFiles))]
    public void Parse_FindingFragments_AreRejectedNamingTheMissingFields(string file)
    {
        // Arrange
        var expected = AsffTestFiles.Fragments[file];
        using var document = AsffTestFiles.Read(file);

        // Act
        var result = AsffFindingParser.Parse(Assert.Single(document.Findings));

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error);
    }

    /// <summary>
    /// native-findings/ holds GuardDuty, Inspector2 and Access Analyzer findings in their own API
    /// formats, not ASFF: nothing in them may pass as a finding. They are either not findings
    /// documents at all, or their objects miss ASFF's required fields.
    /// </summary>
    [Theory]
    [MemberData(nameof(AsffTestFiles.NativeFiles), MemberType = typeof(AsffTestFiles))]
    public void Parse_NativeFormatFindings_AreNeverAccepted(string file)
    {
        // Act
        using var document = AsffTestFiles.Read(file);
        var results = document.Findings.Select(AsffFindingParser.Parse).ToList();

        // Assert
        Assert.True(document.Error is not null || results.Count > 0, file);
        Assert.All(results, result => Assert.StartsWith("missing required field", result.Error));
    }

    [Fact]
    public void Parse_AllRealData_CoversTheVarietyTheDashboardShows()
    {
        // Arrange
        var records = new List<FindingRecord>();
        foreach (var file in AsffTestFiles.FindingFiles().Select(row => row.Data))
        {
            using var document = AsffTestFiles.Read(file);
            records.AddRange(document.Findings.Select(f => AsffFindingParser.Parse(f).Record!));
        }

        // Assert: the corpus is big and varied enough for the checks above to mean something.
        Assert.True(records.Count >= 200, $"only {records.Count} findings parsed");
        Assert.Equal(Enum.GetValues<Severity>().Order(), records.Select(r => r.Severity).Distinct().Order());
        Assert.Superset(new HashSet<string> { "NEW", "NOTIFIED", "RESOLVED" }, records.Select(r => r.WorkflowStatus).ToHashSet());
        Assert.Equal(["ACTIVE", "ARCHIVED"], records.Select(r => r.RecordState).Distinct().Order());
        Assert.Superset(new HashSet<string?> { "PASSED", "FAILED", "WARNING", null }, records.Select(r => r.ComplianceStatus).ToHashSet());
        Assert.Superset(new HashSet<string> { "Security Hub", "GuardDuty", "Inspector", "prowler", "Default" }, records.Select(r => r.ProductName).ToHashSet());
        Assert.True(records.Count(r => r.ControlId is not null) >= 100);
        Assert.All(records, r => Assert.True(r.UpdatedAt >= r.CreatedAt.AddDays(-1), $"{r.Id}: UpdatedAt before CreatedAt"));
    }

    [Theory]
    [MemberData(nameof(AsffTestFiles.InvalidOriginals), MemberType = typeof(AsffTestFiles))]
    public void Read_InvalidOriginal_IsRejectedWithLineAndReason(string file)
    {
        // Arrange
        var expected = new Dictionary<string, string>
        {
            ["aws-cli-examples/securityhub-get-findings-02.INVALID-original.json.txt"] =
                "invalid JSON at line 12, byte 41: '{' is invalid after a property name. Expected a ':'.",
            ["awsdocs-securityhub/sample-control-finding-07.INVALID-original.json.txt"] =
                "invalid JSON at line 38, byte 3: '\"' is invalid after a value. Expected either ',', '}', or ']'.",
            ["awsdocs-securityhub/internal-provider-typical-finding-02.INVALID-original.json.txt"] =
                "invalid JSON at line 44, byte 5: ']' is invalid after a single JSON value. Expected end of data.",
            ["awsdocs-securityhub/sample-control-finding-04.INVALID-original.json.txt"] =
                "invalid JSON at line 46, byte 36: '0xE2' is an invalid start of a property name. Expected a '\"'.",
            ["native-findings/aws-cli-examples/guardduty-list-findings-01.INVALID-original.json.txt"] =
                "invalid JSON at line 6, byte 13: '.' is an invalid start of a value.",
        };

        // Act
        using var document = AsffTestFiles.Read(file);

        // Assert
        Assert.Equal(AsffDocumentShape.Unrecognized, document.Shape);
        Assert.Empty(document.Findings);
        Assert.Equal(expected[file], document.Error);
    }

    [Theory]
    [MemberData(nameof(AsffTestFiles.RepairedFiles), MemberType = typeof(AsffTestFiles))]
    public void Read_RepairedCopyOfInvalidOriginal_Parses(string repaired)
    {
        // Act
        using var document = AsffTestFiles.Read(repaired);

        // Assert
        Assert.Null(document.Error);
        Assert.NotEmpty(document.Findings);
        Assert.All(document.Findings, f => Assert.True(AsffFindingParser.Parse(f).IsSuccess));
    }
}
