using Dashboard.Core.Iam.Risks;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class RiskAnalysisOptionsTests
{
    [Fact]
    public void WithOrganization_KeepsSettingsAndAddsTheOrganizationsAccounts()
    {
        var configured = new RiskAnalysisOptions
        {
            AccessKeyMaxAgeDays = 30,
            TrustedAccountIds = ["999999999999"],
            DisabledRules = ["iam_root_mfa_enabled"],
            OrganizationId = "o-configured",
        };

        var options = configured.WithOrganization(["111111111111", "999999999999"], organizationId: null, managementAccountId: "111111111111");

        Assert.Equal(30, options.AccessKeyMaxAgeDays);
        Assert.Equal(["iam_root_mfa_enabled"], options.DisabledRules);
        Assert.Equal(["999999999999", "111111111111"], options.TrustedAccountIds);
        Assert.Equal("o-configured", options.OrganizationId);
        Assert.Equal("111111111111", options.ManagementAccountId);
        // The bound configuration object is shared by every run: it must not change.
        Assert.Equal(["999999999999"], configured.TrustedAccountIds);
        Assert.Null(configured.ManagementAccountId);
    }
}
