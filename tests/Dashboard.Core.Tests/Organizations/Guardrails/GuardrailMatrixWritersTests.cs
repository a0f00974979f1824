using System.Text.Json;
using Dashboard.Core.Organizations.Guardrails;
using static Dashboard.Core.Tests.Organizations.ScpOrganizationBuilder;

namespace Dashboard.Core.Tests.Organizations.Guardrails;

public sealed class GuardrailMatrixWritersTests
{
    private const string Member = "222222222222";

    [Fact]
    public void ToJson_Matrix_AccountsCellsDecidersAndCoverage()
    {
        // Arrange
        var matrix = Matrix();

        // Act
        using var document = JsonDocument.Parse(GuardrailMatrixJsonWriter.ToJson(matrix, includeChecks: true));

        // Assert
        var root = document.RootElement;
        Assert.Equal(OrgId, root.GetProperty("organizationId").GetString());
        Assert.Equal(matrix.Guardrails.Count, root.GetProperty("guardrails").GetArrayLength());
        var member = root.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("accountId").GetString() == Member);
        Assert.Equal("=cmd|' /C calc'!A0", member.GetProperty("name").GetString());
        var leave = member.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("guardrailId").GetString() == "leave-organization");
        Assert.Equal("Protected", leave.GetProperty("status").GetString());
        Assert.Equal("p-denyleave001", leave.GetProperty("deciders")[0].GetProperty("policyId").GetString());
        Assert.Equal("organizations:LeaveOrganization", leave.GetProperty("checks")[0].GetProperty("action").GetString());
        var regions = member.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("guardrailId").GetString() == "regions");
        Assert.Equal(4, regions.GetProperty("notDeniedRegions").GetArrayLength());
        Assert.Equal(0, regions.GetProperty("allowedRegions").GetArrayLength());
        Assert.False(regions.TryGetProperty("allowedRegionsFrom", out _));
        var rootCoverage = root.GetProperty("coverage")[0];
        Assert.Equal(1, rootCoverage.GetProperty("guardrails").GetProperty("leave-organization").GetProperty("protected").GetInt32());
        Assert.Equal(1, rootCoverage.GetProperty("guardrails").GetProperty("leave-organization").GetProperty("notApplicable").GetInt32());
    }

    [Fact]
    public void ToJson_WithoutChecks_LeavesThemOut()
    {
        // Act
        var json = GuardrailMatrixJsonWriter.ToJson(Matrix(), indented: false);

        // Assert
        Assert.DoesNotContain("\"checks\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_Matrix_OneRowPerAccountAndGuardrailWithFormulasEscaped()
    {
        // Arrange
        var matrix = Matrix();

        // Act
        var lines = GuardrailMatrixCsvWriter.ToCsv(matrix).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal(string.Join(",", GuardrailMatrixCsvWriter.Columns), lines[0]);
        Assert.Equal(1 + (2 * matrix.Guardrails.Count), lines.Length);
        var leave = Assert.Single(lines, l => l.StartsWith(Member, StringComparison.Ordinal) && l.Contains(",leave-organization,", StringComparison.Ordinal));
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", leave, StringComparison.Ordinal);
        Assert.Contains(",Protected,DenyLeaveOrganization (p-denyleave001),Root (r-sem1),,", leave, StringComparison.Ordinal);
    }

    private static GuardrailMatrix Matrix()
    {
        // An account name a spreadsheet would run as a formula, as a hostile organization could name one.
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-denyleave001")
            .Policy("p-denyleave001", "DenyLeaveOrganization", RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-06.json"))
            .Account(Member, "=cmd|' /C calc'!A0", RootId, FullAccess)
            .Build();
        return GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small());
    }
}
