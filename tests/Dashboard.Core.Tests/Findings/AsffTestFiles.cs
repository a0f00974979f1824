using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

/// <summary>The real third-party files under shared/data/asff, sorted into what each should give.</summary>
internal static class AsffTestFiles
{
    /// <summary>
    /// Files that sit beside the findings but hold none: API responses and requests of other
    /// operations (BatchImportFindings results, BatchUpdateFindings, GetFindingHistory, GetInsights).
    /// The reader must refuse them as documents rather than invent findings.
    /// </summary>
    public static readonly HashSet<string> NoFindings = new(StringComparer.Ordinal)
    {
        "aws-cli-examples/securityhub-batch-import-findings-01.json",
        "aws-cli-examples/securityhub-batch-update-findings-01.json",
        "aws-cli-examples/securityhub-batch-update-findings-02.json",
        "aws-cli-examples/securityhub-get-finding-history-01.json",
        "cloud-custodian/test_larger_batch/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_account/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_bucket/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_iam_profile/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_iam_user/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_instance/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_lambda/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_lambda_update/securityhub.BatchImportFindings_1.json",
        "cloud-custodian/test_security_hub_mode_action_insight/securityhub.GetInsights_1.json",
        "cloud-custodian/test_security_hub_rds/securityhub.BatchImportFindings_1.json",
    };

    /// <summary>
    /// Finding-shaped fragments that are not whole findings, so they must be rejected:
    /// the user guide's one-line required-attributes snippet (only SchemaVersion), and a
    /// cloud-custodian recording trimmed by its authors to Title/Severity/Resources, without Id or
    /// ProductArn, the cache key.
    /// </summary>
    public static readonly Dictionary<string, string> Fragments = new(StringComparer.Ordinal)
    {
        ["awsdocs-securityhub/asff-required-attributes-01.json"] =
            "missing required fields 'AwsAccountId', 'CreatedAt', 'GeneratorId', 'Id', 'ProductArn', 'Resources', 'Severity', 'Title', 'Types', 'UpdatedAt'",
        ["cloud-custodian/historical/test_security_hub_iam_role/securityhub.GetFindings_1.json"] =
            "missing required fields 'AwsAccountId', 'CreatedAt', 'Id', 'ProductArn', 'SchemaVersion', 'Types', 'UpdatedAt'",
    };

    /// <summary>Every ASFF data file (not the native-format ones, not the invalid originals), as a path relative to data/asff.</summary>
    public static TheoryData<string> AsffJsonFiles() => Data(Files().Where(f => !f.StartsWith("native-findings/", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal)));

    /// <summary>Every file that holds real findings: all ASFF files except the two lists above.</summary>
    public static TheoryData<string> FindingFiles() =>
        Data(AsffJsonFiles().Select(row => row.Data).Where(f => !NoFindings.Contains(f) && !Fragments.ContainsKey(f)));

    /// <summary>GuardDuty, Inspector and Access Analyzer findings in their own (non-ASFF) formats.</summary>
    public static TheoryData<string> NativeFiles() => Data(Files().Where(f => f.StartsWith("native-findings/", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal)));

    public static TheoryData<string> NoFindingFiles() => Data(NoFindings.Order(StringComparer.Ordinal));

    public static TheoryData<string> FragmentFiles() => Data(Fragments.Keys.Order(StringComparer.Ordinal));

    /// <summary>Files whose whole content is one finding object.</summary>
    public static TheoryData<string> SingleFindingFiles() => Data(FindingFiles().Select(row => row.Data).Where(file =>
    {
        using var document = Read(file);
        return document.Shape == AsffDocumentShape.SingleFinding;
    }));

    /// <summary>The REPAIRED copies (a minimal fix beside each broken original, see SOURCES.md) of ASFF files.</summary>
    public static TheoryData<string> RepairedFiles() => Data(Files()
        .Where(f => f.EndsWith(".INVALID-original.json.txt", StringComparison.Ordinal) && !f.StartsWith("native-findings/", StringComparison.Ordinal))
        .Select(f => f.Replace(".INVALID-original.json.txt", ".json", StringComparison.Ordinal))
        .Where(f => File.Exists(SharedData.AsffFile(f))));

    public static TheoryData<string> InvalidOriginals() => Data(Files().Where(f => f.EndsWith(".INVALID-original.json.txt", StringComparison.Ordinal)));

    public static AsffDocument Read(string relativePath) => AsffDocumentReader.Read(File.ReadAllBytes(SharedData.AsffFile(relativePath)));

    /// <summary>Reads a file that holds exactly one finding and parses it.</summary>
    public static FindingRecord ParseSingle(string relativePath)
    {
        using var document = Read(relativePath);
        Assert.Null(document.Error);
        var finding = Assert.Single(document.Findings);
        var result = AsffFindingParser.Parse(finding);
        Assert.True(result.IsSuccess, result.Error);
        return result.Record;
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(SharedData.Asff, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SharedData.Asff, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static TheoryData<string> Data(IEnumerable<string> items)
    {
        var data = new TheoryData<string>();
        foreach (var item in items)
        {
            data.Add(item);
        }

        return data;
    }
}
