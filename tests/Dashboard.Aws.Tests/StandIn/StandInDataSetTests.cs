using System.Text.Json;
using Dashboard.StandIn;
using Dashboard.StandIn.Data;

namespace Dashboard.Aws.Tests.StandIn;

public sealed class StandInDataSetTests
{
    private static readonly DateTimeOffset Anchor = StandInFixture.Anchor;

    private static readonly System.Text.RegularExpressions.Regex RegionName =
        new(@"(?<![A-Za-z0-9])(?:us|eu|ap|sa|ca|me|af)-(?:north|south|east|west|central|northeast|southeast)-\d(?![0-9])");

    [Fact]
    public void Create_SameSeedTwice_RendersIdenticalFindings()
    {
        var first = StandInDataSet.Create(StandInFixture.Options());
        var second = StandInDataSet.Create(StandInFixture.Options());

        Assert.Equal(first.Organization.Accounts, second.Organization.Accounts);
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first.GetFindingJson(i), second.GetFindingJson(i));
        }
    }

    [Fact]
    public void Create_DifferentSeed_GivesOtherAccountsAndFindings()
    {
        var first = StandInDataSet.Create(StandInFixture.Options());
        var options = StandInFixture.Options();
        options.Seed = 7;
        var other = StandInDataSet.Create(options);

        Assert.NotEqual(first.Organization.ManagementAccountId, other.Organization.ManagementAccountId);
        Assert.NotEqual(first.GetFindingJson(0), other.GetFindingJson(0));
    }

    [Fact]
    public void Create_MoreFindings_KeepsTheFirstOnesUnchanged()
    {
        // Each finding depends only on (seed, index), so a larger data set extends a smaller one.
        var small = StandInDataSet.Create(StandInFixture.Options(findings: 100));
        var large = StandInDataSet.Create(StandInFixture.Options(findings: 5000));

        for (var i = 0; i < small.Count; i++)
        {
            Assert.Equal(small.GetFindingJson(i), large.GetFindingJson(i));
        }
    }

    [Fact]
    public void Create_Default_HasTwelveAccountsThreeRegionsAndAboutThreeThousandFindings()
    {
        var data = StandInDataSet.Create(new StandInOptions { Anchor = Anchor });

        Assert.Equal(12, data.Organization.Accounts.Count);
        Assert.Equal(["us-east-1", "eu-west-1", "ap-southeast-2"], data.Regions);
        Assert.Equal(3000, data.Count);
        Assert.All(data.Organization.Accounts, a => Assert.Matches("^[0-9]{12}$", a.Id));
        Assert.Matches("^o-[a-z0-9]{10}$", data.Organization.Id);
        Assert.Equal(data.Organization.Accounts[0].Id, data.Organization.ManagementAccountId);
    }

    [Fact]
    public void Create_Default_CoversProductsSeveritiesStatusesAndBothControlShapes()
    {
        var data = StandInDataSet.Create(StandInFixture.Options());
        var summaries = data.GetSummaries();
        var findings = summaries.Select(s => JsonDocument.Parse(data.GetFindingJson(s.Index)).RootElement).ToList();

        Assert.Superset(new HashSet<string> { "Security Hub", "GuardDuty", "Inspector", "IAM Access Analyzer", "Prowler", "Config", "Default", "Cloud Custodian" }, summaries.Select(s => s.ProductName).ToHashSet());
        Assert.Equal(["CRITICAL", "HIGH", "INFORMATIONAL", "LOW", "MEDIUM"], summaries.Select(s => s.SeverityLabel).Distinct().Order());
        Assert.Equal(["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"], summaries.Select(s => s.WorkflowStatus).Distinct().Order());
        Assert.Equal(["FAILED", "NOT_AVAILABLE", "PASSED", "WARNING"], summaries.Select(s => s.ComplianceStatus).OfType<string>().Distinct().Order());
        Assert.Equal(["ACTIVE", "ARCHIVED"], summaries.Select(s => s.RecordState).Distinct().Order());

        // Consolidated control findings carry Compliance.SecurityControlId; legacy ones only ProductFields.ControlId.
        var controlFindings = findings.Where(f => f.GetProperty("ProductName").GetString() == "Security Hub").ToList();
        Assert.Contains(controlFindings, f => f.GetProperty("Compliance").TryGetProperty("SecurityControlId", out _));
        Assert.Contains(controlFindings, f => !f.GetProperty("Compliance").TryGetProperty("SecurityControlId", out _)
            && f.GetProperty("ProductFields").TryGetProperty("ControlId", out _)
            && f.GetProperty("ProductFields").TryGetProperty("StandardsControlArn", out _));
        Assert.Contains(controlFindings, f => f.GetProperty("Compliance").TryGetProperty("SecurityControlId", out _)
            && !f.GetProperty("ProductFields").TryGetProperty("ControlId", out _));
    }

    [Fact]
    public void Create_Default_FindingsAreUniqueAndConsistentWithTheirAccountAndRegion()
    {
        var data = StandInDataSet.Create(StandInFixture.Options());
        var summaries = data.GetSummaries();

        Assert.Equal(summaries.Count, summaries.Select(s => (s.Id, s.ProductArn)).Distinct().Count());
        foreach (var summary in summaries)
        {
            var finding = JsonDocument.Parse(data.GetFindingJson(summary.Index)).RootElement;
            Assert.True(data.Organization.Contains(summary.AwsAccountId));
            Assert.Contains(summary.Region, data.Regions);
            Assert.Equal(summary.AwsAccountId, finding.GetProperty("AwsAccountId").GetString());
            Assert.Equal(summary.Region, finding.GetProperty("Region").GetString());
            Assert.Contains(":securityhub:" + summary.Region + ":", summary.ProductArn, StringComparison.Ordinal);
            Assert.Equal(summary.ProductArn + "/" + summary.Id, finding.GetProperty("ProductFields").GetProperty("aws/securityhub/FindingId").GetString());

            // The template's own account and Regions are replaced everywhere, ARNs and Ids included.
            var json = finding.GetRawText();
            Assert.All(RegionName.Matches(json), m => Assert.Equal(summary.Region, m.Value));
            Assert.DoesNotContain("111111111111", json, StringComparison.Ordinal);
            Assert.DoesNotContain("123456789012", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_Default_TimestampsAreOrderedAndUpdatedWithinNinetyDays()
    {
        var data = StandInDataSet.Create(StandInFixture.Options());

        foreach (var summary in data.GetSummaries())
        {
            var finding = JsonDocument.Parse(data.GetFindingJson(summary.Index)).RootElement;
            var first = finding.GetProperty("FirstObservedAt").GetDateTimeOffset();
            var last = finding.GetProperty("LastObservedAt").GetDateTimeOffset();
            Assert.True(summary.CreatedAt <= summary.UpdatedAt);
            Assert.True(summary.UpdatedAt <= Anchor);
            Assert.True(summary.UpdatedAt > Anchor.AddDays(-90), "Security Hub deletes findings 90 days after their last update");
            Assert.True(first <= summary.CreatedAt && first <= last);
        }
    }

    [Fact]
    public void TouchFindings_OnePercent_UpdatesExactlyThatManyAndOthersStay()
    {
        var data = StandInDataSet.Create(StandInFixture.Options());
        var before = data.GetSummaries();
        var now = Anchor.AddDays(1);

        var touched = data.TouchFindings(0.01, now);
        var after = data.GetSummaries();

        Assert.Equal(30, touched);
        Assert.Equal(30, after.Count(s => s.UpdatedAt == now));
        Assert.All(before.Zip(after).Where(p => p.Second.UpdatedAt != now), p => Assert.Equal(p.First, p.Second));
    }

    [Fact]
    public void TouchFindings_Twice_TouchesOtherFindingsTheSecondTime()
    {
        var data = StandInDataSet.Create(StandInFixture.Options());
        var firstTime = Anchor.AddDays(1);
        var secondTime = Anchor.AddDays(2);

        data.TouchFindings(0.05, firstTime);
        data.TouchFindings(0.05, secondTime);
        var summaries = data.GetSummaries();

        Assert.Equal(150, summaries.Count(s => s.UpdatedAt == secondTime));
        Assert.True(summaries.Count(s => s.UpdatedAt == firstTime) > 100);
    }

    [Fact]
    public void SetWorkflowStatusWithoutUpdatedAt_Fraction_ChangesWorkflowButNotUpdatedAt()
    {
        var data = StandInDataSet.Create(StandInFixture.Options());
        var before = data.GetSummaries();

        var changed = data.SetWorkflowStatusWithoutUpdatedAt(0.1, "SUPPRESSED");
        var after = data.GetSummaries();

        Assert.Equal(300, changed);
        Assert.Equal(before.Select(s => s.UpdatedAt), after.Select(s => s.UpdatedAt));
        Assert.True(after.Count(s => s.WorkflowStatus == "SUPPRESSED") >= before.Count(s => s.WorkflowStatus == "SUPPRESSED") + 200);
    }

    [Fact]
    public void SetWorkflowStatusWithoutUpdatedAt_ByIds_ChangesThoseFindings()
    {
        var data = StandInDataSet.Create(StandInFixture.Options(findings: 200));
        var target = data.GetSummaries().Where(s => s.WorkflowStatus != "RESOLVED").Take(3).ToList();

        var changed = data.SetWorkflowStatusWithoutUpdatedAt(target.Select(s => s.Id).Append("no-such-id"), "RESOLVED");

        Assert.Equal(3, changed);
        Assert.All(target, s => Assert.Equal("RESOLVED", data.GetSummary(s.Index).WorkflowStatus));
        Assert.All(target, s => Assert.Equal(s.UpdatedAt, data.GetSummary(s.Index).UpdatedAt));
    }

    [Fact]
    public void AddFindings_Ten_AppendsNewFindingsCreatedNow()
    {
        var data = StandInDataSet.Create(StandInFixture.Options(findings: 100));
        var now = Anchor.AddHours(3);
        var version = data.Version;

        data.AddFindings(10, now);

        Assert.Equal(110, data.Count);
        Assert.True(data.Version > version);
        Assert.All(Enumerable.Range(100, 10), i => Assert.Equal(now, data.GetSummary(i).CreatedAt));
        Assert.Equal(110, data.GetSummaries().Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Create_OneMillionFindings_HoldsCompactRowsAndRendersAnyOfThem()
    {
        var data = StandInDataSet.Create(StandInFixture.Options(findings: 1_000_000));

        var last = JsonDocument.Parse(data.GetFindingJson(999_999)).RootElement;
        var errors = ModelValidation.BotocoreModel.Load("securityhub-service-2.json").Validate(last, "AwsSecurityFinding");

        Assert.Equal(1_000_000, data.Count);
        Assert.Empty(errors);
        Assert.NotEqual(data.GetSummary(0).Id, data.GetSummary(999_999).Id);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsNamingEverySetting()
    {
        var options = new StandInOptions { Accounts = 0, Findings = -1, Regions = ["us-east-1", "moon-base-1x"], FindingFiles = ["/no/such/file.json"] };

        var error = Assert.Throws<ArgumentException>(() => StandInDataSet.Create(options));

        Assert.Contains("StandIn:Accounts", error.Message, StringComparison.Ordinal);
        Assert.Contains("StandIn:Findings", error.Message, StringComparison.Ordinal);
        Assert.Contains("moon-base-1x", error.Message, StringComparison.Ordinal);
        Assert.Contains("/no/such/file.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void TouchFindings_FractionOutOfRange_Throws(double fraction)
    {
        var data = StandInDataSet.Create(StandInFixture.Options(findings: 10));

        Assert.Throws<ArgumentOutOfRangeException>(() => data.TouchFindings(fraction, Anchor));
    }

    [Fact]
    public void SetWorkflowStatusWithoutUpdatedAt_UnknownStatus_ThrowsListingTheValidOnes()
    {
        var data = StandInDataSet.Create(StandInFixture.Options(findings: 10));

        var error = Assert.Throws<ArgumentException>(() => data.SetWorkflowStatusWithoutUpdatedAt(0.5, "OPEN"));

        Assert.Contains("NOTIFIED", error.Message, StringComparison.Ordinal);
    }
}
