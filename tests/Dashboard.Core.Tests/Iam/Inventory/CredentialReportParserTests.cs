using System.Text;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;

namespace Dashboard.Core.Tests.Iam.Inventory;

/// <summary>The credential report CSV on every real report and on broken ones.</summary>
public sealed class CredentialReportParserTests
{
    private static readonly string Header = string.Join(",", CredentialReportParser.Columns);

    public static TheoryData<string> Reports() => new(IamData.CredentialReports());

    [Fact]
    public void Reports_ReferenceData_HasTheKnownReports()
    {
        // Act
        var reports = IamData.CredentialReports().ToList();

        // Assert: the CloudMapper CSV and JSON, and the 9 recorded GetCredentialReport responses that carry Content.
        Assert.Equal(11, reports.Count);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Parse_EveryRealReport_ReadsEveryRowWithoutProblems(string file)
    {
        // Arrange
        var csv = IamData.CsvOf(file)!;
        var dataLines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        // Act
        var report = CredentialReportParser.ParseContent(csv);

        // Assert
        Assert.Empty(report.Problems);
        Assert.Equal(dataLines, report.Rows.Count);
        Assert.All(report.Rows, r => Assert.StartsWith("arn:aws:iam::", r.Arn, StringComparison.Ordinal));
        Assert.All(report.Rows.Where(r => r.IsRoot), r => Assert.Equal(CredentialValueKind.NotSupported, r.PasswordEnabled.Kind));
    }

    [Fact]
    public void Parse_CloudMapperReport_ReadsEveryColumnOfTheRootRow()
    {
        // Arrange
        var csv = IamData.Read("credential-report/cloudmapper-credential-report.csv");

        // Act
        var root = CredentialReportParser.Parse(csv).Root!;

        // Assert
        Assert.Equal("<root_account>", root.User);
        Assert.Equal("arn:aws:iam::123456789012:root", root.Arn);
        Assert.Equal(new DateTimeOffset(2018, 8, 12, 17, 20, 55, TimeSpan.Zero), root.UserCreationTime.Value);
        Assert.Equal(CredentialValueKind.NotSupported, root.PasswordEnabled.Kind);
        Assert.Equal(new DateTimeOffset(2019, 3, 3, 16, 58, 16, TimeSpan.Zero), root.PasswordLastUsed.Value);
        Assert.Equal(CredentialValueKind.NotSupported, root.PasswordLastChanged.Kind);
        Assert.Equal(CredentialValueKind.NotSupported, root.PasswordNextRotation.Kind);
        Assert.True(root.MfaActive);
        Assert.True(root.AccessKey1.Active);
        Assert.Equal(new DateTimeOffset(2018, 11, 23, 16, 1, 14, TimeSpan.Zero), root.AccessKey1.LastRotated.Value);
        Assert.Equal(new DateTimeOffset(2018, 11, 27, 0, 2, 0, TimeSpan.Zero), root.AccessKey1.LastUsedDate.Value);
        Assert.Equal("us-east-1", root.AccessKey1.LastUsedRegion.Value);
        Assert.Equal("ecr", root.AccessKey1.LastUsedService.Value);
        Assert.False(root.AccessKey2.Active);
        Assert.Equal(CredentialValueKind.NotApplicable, root.AccessKey2.LastRotated.Kind);
        Assert.Equal(CredentialValueKind.NotApplicable, root.AccessKey2.LastUsedRegion.Kind);
        Assert.False(root.Cert1.Active);
        Assert.Equal(CredentialValueKind.NotApplicable, root.Cert2.LastRotated.Kind);
        Assert.Equal(1, root.ActiveAccessKeyCount);
        Assert.Equal(2, root.Line);
    }

    [Fact]
    public void Parse_NoInformation_IsDistinctFromNotApplicable()
    {
        // Arrange: kaleb has a password that was never used; charmworld has none.
        var csv = IamData.CsvOf("credential-report/cloud-custodian/test_iam_user_unused_keys/iam.GetCredentialReport_2.json")!;

        // Act
        var report = CredentialReportParser.Parse(csv);

        // Assert
        var kaleb = report.Rows.Single(r => r.User == "kaleb");
        Assert.True(kaleb.PasswordEnabled.IsTrue);
        Assert.Equal(CredentialValueKind.NoInformation, kaleb.PasswordLastUsed.Kind);
        var charmworld = report.Rows.Single(r => r.User == "charmworld");
        Assert.False(charmworld.PasswordEnabled.IsTrue);
        Assert.Equal(CredentialValueKind.NotApplicable, charmworld.PasswordLastUsed.Kind);
        Assert.True(report.Root!.Cert1.Active);
    }

    [Fact]
    public void Parse_UpperCaseBooleans_AreRead()
    {
        // Arrange: newer reports write TRUE/FALSE.
        var csv = IamData.CsvOf("credential-report/cloud-custodian/test_iam_user_credential_reverse_filter_delete/iam.GetCredentialReport_1.json")!;

        // Act
        var row = Assert.Single(CredentialReportParser.Parse(csv).Rows);

        // Assert
        Assert.False(row.PasswordEnabled.IsTrue);
        Assert.Equal(CredentialValueKind.Value, row.PasswordEnabled.Kind);
        Assert.Equal(2, row.ActiveAccessKeyCount);
        Assert.Equal("s3", row.AccessKey2.LastUsedService.Value);
    }

    [Fact]
    public void ParseContent_Base64AsOnTheWire_IsDecoded()
    {
        // Arrange
        var csv = IamData.Read("credential-report/cloudmapper-credential-report.csv");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv));
        var generated = new DateTimeOffset(2019, 5, 7, 15, 40, 22, TimeSpan.Zero);

        // Act
        var report = CredentialReportParser.ParseContent(base64, generated);

        // Assert
        Assert.Equal(3, report.Rows.Count);
        Assert.Equal(generated, report.GeneratedTime);
        Assert.NotNull(report.FindByArn("arn:aws:iam::123456789012:user/auditor_tmp"));
    }

    [Fact]
    public void Parse_QuotedUserNameWithComma_IsOneField()
    {
        // Arrange: IAM user names may contain commas ([\w+=,.@-]+), which CSV quotes.
        const string row = "\"ops,admin\",arn:aws:iam::123456789012:user/ops-admin,2024-01-01T00:00:00+00:00,true,no_information,2024-01-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

        // Act
        var report = CredentialReportParser.Parse(Header + "\n" + row + "\n");

        // Assert
        Assert.Empty(report.Problems);
        Assert.Equal("ops,admin", Assert.Single(report.Rows).User);
    }

    [Fact]
    public void Parse_RowWithBadValues_IsSkippedAndNamed()
    {
        // Arrange
        const string good = "alice,arn:aws:iam::123456789012:user/alice,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
        var badBool = good.Replace("alice", "bob", StringComparison.Ordinal).Replace(",false,N/A,N/A,N/A,false,", ",false,N/A,N/A,N/A,maybe,", StringComparison.Ordinal);
        var badTime = good.Replace("alice", "carol", StringComparison.Ordinal).Replace("2024-01-01T00:00:00+00:00", "soon", StringComparison.Ordinal);
        var shortRow = "dave,arn:aws:iam::123456789012:user/dave,2024-01-01T00:00:00+00:00";

        // Act
        var report = CredentialReportParser.Parse(string.Join("\n", Header, good, badBool, badTime, shortRow));

        // Assert
        Assert.Equal("alice", Assert.Single(report.Rows).User);
        Assert.Equal(3, report.Problems.Count);
        Assert.Contains(report.Problems, p => p.StartsWith("line 3: column mfa_active is 'maybe'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("line 4: column user_creation_time is 'soon'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("line 5:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("user,arn\nalice,arn:aws:iam::123456789012:user/alice", "lacks user_creation_time")]
    [InlineData("%%% not base64 %%%", "neither CSV")]
    public void ParseContent_Unreadable_ThrowsNamingTheProblem(string content, string expected)
    {
        // Act
        var error = Assert.Throws<IamInventoryFormatException>(() => CredentialReportParser.ParseContent(content));

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
