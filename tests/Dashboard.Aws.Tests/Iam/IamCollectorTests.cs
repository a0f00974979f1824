using System.Net;
using Amazon.Runtime;
using Dashboard.Aws.Iam;
using Dashboard.Aws.Tests.StandIn;
using Dashboard.Core.Iam.Inventory;
using Dashboard.StandIn.Iam;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Tests.Iam;

/// <summary>The IAM collector end to end: signed calls through AssumeRole to the stand-in, paging, the credential report, errors.</summary>
public sealed class IamCollectorTests
{
    private static CancellationToken Ct => StandInClient.Ct;

    [Fact]
    public async Task CollectAsync_IamVulnerableAccountInPagesOfTwenty_ReadsEveryEntity()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync(new() { ["Aws:Iam:PageSize"] = "20" });
        var account = host.Accounts[IamAccountBuilder.IamVulnerableIndex(host.Accounts.Count)];
        var expected = host.Expected.For(account.Id)!;

        // Act
        var result = await host.Collector.CollectWithStatsAsync(account.Id, Ct);

        // Assert
        var snapshot = result.Snapshot;
        Assert.Equal(account.Id, snapshot.AccountId);
        Assert.Equal(IamSnapshotSource.Api, snapshot.Source);
        Assert.Equal(expected.Sections[0].Count, snapshot.Users.Count);
        Assert.Equal(expected.Sections[1].Count, snapshot.Groups.Count);
        Assert.Equal(expected.Sections[2].Count, snapshot.Roles.Count);
        Assert.Equal(expected.Sections[3].Count + expected.Sections[4].Count, snapshot.ManagedPolicies.Count);
        Assert.True(result.Pages >= (snapshot.Users.Count + snapshot.Groups.Count + snapshot.Roles.Count + snapshot.ManagedPolicies.Count) / 20);
        Assert.Contains(snapshot.Users, u => u.UserName.StartsWith("privesc", StringComparison.Ordinal));
        Assert.All(snapshot.Roles, r => Assert.True(r.TrustPolicy!.Parse().IsSuccess, r.RoleName));
        Assert.All(snapshot.ManagedPolicies, p => Assert.True(p.DefaultDocument!.Parse().IsSuccess, p.PolicyName));
        Assert.All(snapshot.Users.SelectMany(u => u.InlinePolicies), p => Assert.True(p.Document.Parse().IsSuccess, p.PolicyName));
        Assert.Empty(snapshot.Warnings);
        Assert.Equal(snapshot.Users.Count, snapshot.AccountSummary["Users"]);
        Assert.Equal(IamPasswordPolicyStatus.NoCustomPolicy, snapshot.PasswordPolicyStatus);
        Assert.Null(snapshot.PasswordPolicy);
        Assert.Equal(snapshot.Users.Count + 1, snapshot.CredentialReport!.Rows.Count);
        Assert.All(snapshot.Users, u => Assert.NotNull(snapshot.CredentialReport.FindByArn(u.Arn)));
    }

    [Fact]
    public async Task CollectAsync_NoReportYet_GeneratesItAndPollsUntilComplete()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[1];

        // Act
        var result = await host.Collector.CollectWithStatsAsync(account.Id, Ct);

        // Assert: GetCredentialReport (ReportNotPresent), Generate STARTED, INPROGRESS, COMPLETE, GetCredentialReport.
        var report = result.Snapshot.CredentialReport!;
        Assert.Equal(host.Clock.GetUtcNow(), report.GeneratedTime);
        Assert.Equal($"arn:aws:iam::{account.Id}:root", report.Root!.Arn);
        Assert.Empty(report.Problems);
        Assert.Equal(result.Pages + 2 + 5, result.Requests);
    }

    [Fact]
    public async Task CollectAsync_ReportYoungerThanFourHours_IsReusedNotRegenerated()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[2].Id;
        var first = await host.Collector.CollectAsync(account, Ct);
        host.Clock.Advance(TimeSpan.FromHours(3));

        // Act
        var second = await host.Collector.CollectWithStatsAsync(account, Ct);

        // Assert: one GetCredentialReport, no GenerateCredentialReport.
        Assert.Equal(first.CredentialReport!.GeneratedTime, second.Snapshot.CredentialReport!.GeneratedTime);
        Assert.Equal(second.Pages + 2 + 1, second.Requests);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(25)]
    public async Task CollectAsync_ReportOlderThanFourHoursOrExpired_GetsANewOne(int hoursLater)
    {
        // Arrange: after 4 hours IAM makes a new report; after a day the stand-in's old one has expired (ReportExpired).
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[3].Id;
        var first = await host.Collector.CollectAsync(account, Ct);
        host.Clock.Advance(TimeSpan.FromHours(hoursLater));

        // Act
        var second = await host.Collector.CollectAsync(account, Ct);

        // Assert
        Assert.Equal(first.CredentialReport!.GeneratedTime!.Value.AddHours(hoursLater), second.CredentialReport!.GeneratedTime);
    }

    [Fact]
    public async Task CollectAsync_ReportNotReadyWithinTheWait_HasNoReportAndSaysWhy()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync(new() { ["Aws:Iam:CredentialReportMaxWait"] = "00:00:00" });
        var account = host.Accounts[1].Id;

        // Act
        var snapshot = await host.Collector.CollectAsync(account, Ct);

        // Assert
        Assert.Null(snapshot.CredentialReport);
        Assert.Contains(snapshot.Warnings, w => w.StartsWith("Credential report unavailable: not ready after", StringComparison.Ordinal));
        Assert.StartsWith("credential report unavailable: not ready after", snapshot.Missing(IamAccountData.CredentialReport), StringComparison.Ordinal);
        Assert.NotEmpty(snapshot.Users);
    }

    [Theory]
    [InlineData("iam:GenerateCredentialReport")]
    [InlineData("iam:GetCredentialReport")]
    public async Task CollectAsync_CredentialReportCallDenied_CollectsTheRestAndSaysWhichCall(string deniedAction)
    {
        // Arrange: a role allowed everything but this one call.
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[1].Id;
        host.Server.Faults.DenyAction(account, deniedAction);

        // Act
        var result = await host.Collector.CollectWithStatsAsync(account, Ct);

        // Assert
        var snapshot = result.Snapshot;
        Assert.Null(snapshot.CredentialReport);
        Assert.NotEmpty(snapshot.Users);
        Assert.NotEmpty(snapshot.AccountSummary);
        Assert.NotEqual(IamPasswordPolicyStatus.NotCollected, snapshot.PasswordPolicyStatus);
        var gap = Assert.Single(snapshot.Gaps);
        Assert.Equal($"credential report unavailable: AccessDenied on {deniedAction}", gap.Reason);
        Assert.Contains(gap.Sentence, snapshot.Warnings);
    }

    [Fact]
    public async Task CollectAsync_AccountSettingsDenied_UnknownNotNoPolicyAndTheRestCollected()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Member(a => a.PasswordPolicyXml is null).Id;
        host.Server.Faults.DenyAction(account, "iam:GetAccountSummary");
        host.Server.Faults.DenyAction(account, "iam:GetAccountPasswordPolicy");

        // Act
        var snapshot = await host.Collector.CollectAsync(account, Ct);

        // Assert: the account has no custom policy, but a denied call must not be read as "no policy".
        Assert.Equal(IamPasswordPolicyStatus.NotCollected, snapshot.PasswordPolicyStatus);
        Assert.Empty(snapshot.AccountSummary);
        Assert.NotNull(snapshot.CredentialReport);
        Assert.NotEmpty(snapshot.Roles);
        Assert.Equal(
            ["account summary unavailable: AccessDenied on iam:GetAccountSummary", "password policy unavailable: AccessDenied on iam:GetAccountPasswordPolicy"],
            snapshot.Gaps.Select(g => g.Reason));
    }

    [Fact]
    public async Task CollectAsync_AccountWithCustomPasswordPolicy_ReadsIt()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Member(a => a.PasswordPolicyXml is not null);

        // Act
        var snapshot = await host.Collector.CollectAsync(account.Id, Ct);

        // Assert
        Assert.Equal(IamPasswordPolicyStatus.Custom, snapshot.PasswordPolicyStatus);
        Assert.True(snapshot.PasswordPolicy!.MinimumPasswordLength >= 8);
        Assert.True(snapshot.PasswordPolicy.AllowUsersToChangePassword);
    }

    [Fact]
    public async Task CollectAsync_AccountWithoutPasswordPolicy_IsNoCustomPolicyNotAnError()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Member(a => a.PasswordPolicyXml is null);

        // Act
        var snapshot = await host.Collector.CollectAsync(account.Id, Ct);

        // Assert
        Assert.Equal(IamPasswordPolicyStatus.NoCustomPolicy, snapshot.PasswordPolicyStatus);
        Assert.Null(snapshot.PasswordPolicy);
    }

    [Fact]
    public async Task CollectAsync_ThrottledTwice_RetriesAndCountsTheRetries()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[4].Id;
        host.Server.Faults.ThrottleNext(2, account);

        // Act
        var result = await host.Collector.CollectWithStatsAsync(account, Ct);

        // Assert
        Assert.Equal(2, result.Retries);
        Assert.NotEmpty(result.Snapshot.Roles);
        Assert.Empty(host.Server.Faults.Snapshot().Pending);
    }

    [Fact]
    public async Task CollectAsync_ServerErrorOnce_Retries()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[4].Id;
        host.Server.Faults.ServerErrorNext(1, account);

        // Act
        var result = await host.Collector.CollectWithStatsAsync(account, Ct);

        // Assert
        Assert.Equal(1, result.Retries);
        Assert.NotEmpty(result.Snapshot.Users);
    }

    [Fact]
    public async Task CollectAsync_AccessDenied_SurfacesTheAwsError()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[5].Id;
        host.Server.Faults.DenyAccount(account);

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => host.Collector.CollectAsync(account, Ct));

        // Assert
        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("iam:GetAccountAuthorizationDetails", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_MalformedPage_ThrowsAFormatErrorNamingTheOperation()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var account = host.Accounts[6].Id;
        host.Server.Faults.MalformedNextPage(account);

        // Act
        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() => host.Collector.CollectAsync(account, Ct));

        // Assert
        Assert.Equal("GetAccountAuthorizationDetails", error.Operation);
        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_ManagementAccount_IsReadWithTheAmbientCredentials()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync();
        var management = host.Server.Data.Organization.ManagementAccountId;

        // Act
        var snapshot = await host.Collector.CollectAsync(management, Ct);

        // Assert: the management account has no OrganizationAccountAccessRole, members do.
        Assert.DoesNotContain(snapshot.Roles, r => r.RoleName == "OrganizationAccountAccessRole");
        Assert.Contains(snapshot.Roles, r => r.RoleName == "SecurityDashboardReadOnly");
        Assert.All(snapshot.Roles.Where(r => r.Arn.Contains(":role/", StringComparison.Ordinal)), r => Assert.Contains($"::{management}:", r.Arn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddDashboardAwsIam_InvalidSettings_FailNamingEveryKey()
    {
        // Arrange
        await using var host = await IamTestHost.StartAsync(new()
        {
            ["Aws:Iam:PageSize"] = "5000",
            ["Aws:Iam:CredentialReportFirstPoll"] = "00:00:00",
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<IamCollectionOptions>>().Value);

        // Assert
        Assert.Contains("Aws:Iam:PageSize must be between 1 and 1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("Aws:Iam:CredentialReportFirstPoll", error.Message, StringComparison.Ordinal);
    }
}
