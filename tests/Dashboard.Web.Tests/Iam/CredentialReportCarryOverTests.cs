using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.Web.Sync;

namespace Dashboard.Web.Tests.Iam;

public sealed class CredentialReportCarryOverTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private const string Csv = """
        user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
        <root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,false,true,2020-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        """;

    private static IamAccountSnapshot Snapshot(IamCredentialReport? report, string account = "111122223333", params string[] warnings) => new()
    {
        AccountId = account,
        CollectedAt = Now,
        CredentialReport = report,
        Warnings = warnings,
    };

    private static IamCredentialReport Report(DateTimeOffset generated) => CredentialReportParser.Parse(Csv, generated);

    [Fact]
    public void Apply_NewSnapshotWithoutReport_KeepsTheCachedReportAndSaysHowOld()
    {
        var previous = Snapshot(Report(Now.AddHours(-5)));
        var collected = Snapshot(null, warnings: "The credential report of account 111122223333 was not ready after 120 s.");

        var kept = CredentialReportCarryOver.Apply(collected, previous, Now);

        Assert.Same(previous.CredentialReport, kept.CredentialReport);
        Assert.False(kept.CredentialReport!.Root!.MfaActive);
        Assert.Equal(2, kept.Warnings.Count);
        Assert.Contains("2025-06-01 07:00 UTC", kept.Warnings[1]);
    }

    [Fact]
    public void Apply_ReportDenied_KeepsTheCachedReportDropsTheGapAndSaysWhy()
    {
        // Arrange
        var previous = Snapshot(Report(Now.AddDays(-2)));
        var gap = IamDataGap.Unavailable(IamAccountData.CredentialReport, "AccessDenied on iam:GenerateCredentialReport");
        var collected = Snapshot(null).WithAccountData(null, new Dictionary<string, long> { ["Users"] = 1 }, IamPasswordPolicyStatus.NoCustomPolicy, null, [gap], [gap.Sentence]);

        // Act
        var kept = CredentialReportCarryOver.Apply(collected, previous, Now);

        // Assert: the report answers the gap; the warning still says why it is an old one.
        Assert.Same(previous.CredentialReport, kept.CredentialReport);
        Assert.Empty(kept.Gaps);
        Assert.Null(kept.Missing(IamAccountData.CredentialReport));
        Assert.Equal((IamPasswordPolicyStatus.NoCustomPolicy, 1L), (kept.PasswordPolicyStatus, kept.AccountSummary["Users"]));
        Assert.Equal("Credential report unavailable: AccessDenied on iam:GenerateCredentialReport; kept the credential report generated 2025-05-30 12:00 UTC by an earlier sync; users created since then have no row.", Assert.Single(kept.Warnings));
    }

    [Fact]
    public void Apply_ReportDeniedAndCachedOneTooOld_KeepsTheGapForTheRisks()
    {
        // Arrange
        var gap = IamDataGap.Unavailable(IamAccountData.CredentialReport, "AccessDenied on iam:GenerateCredentialReport");
        var collected = Snapshot(null).WithAccountData(null, new Dictionary<string, long>(), IamPasswordPolicyStatus.NotCollected, null, [gap], [gap.Sentence]);

        // Act
        var result = CredentialReportCarryOver.Apply(collected, Snapshot(Report(Now.AddDays(-8))), Now);

        // Assert
        Assert.Null(result.CredentialReport);
        Assert.Equal("credential report unavailable: AccessDenied on iam:GenerateCredentialReport", result.Missing(IamAccountData.CredentialReport));
    }

    [Fact]
    public void Apply_NewSnapshotWithItsOwnReport_IsUnchanged()
    {
        var collected = Snapshot(Report(Now));

        Assert.Same(collected, CredentialReportCarryOver.Apply(collected, Snapshot(Report(Now.AddDays(-1))), Now));
    }

    [Theory]
    [InlineData(8, "111122223333")]
    [InlineData(1, "444455556666")]
    public void Apply_CachedReportTooOldOrOfAnotherAccount_IsNotCarried(int daysOld, string previousAccount)
    {
        var collected = Snapshot(null);

        var result = CredentialReportCarryOver.Apply(collected, Snapshot(Report(Now.AddDays(-daysOld)), previousAccount), Now);

        Assert.Null(result.CredentialReport);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Apply_NothingCached_IsUnchanged()
    {
        var collected = Snapshot(null);

        Assert.Same(collected, CredentialReportCarryOver.Apply(collected, null, Now));
    }
}
