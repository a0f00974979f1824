using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;
using static Dashboard.Core.Tests.Organizations.ScpOrganizationBuilder;

namespace Dashboard.Core.Tests.Organizations.Guardrails;

/// <summary>The Region guardrail (allowed Regions given or detected) and exceptions found by evaluating privileged principals.</summary>
public sealed class GuardrailRegionAndExceptionTests
{
    private const string Workloads = "ou-sem1-workload";
    private const string Member = "222222222222";

    private static readonly string DenyOutsideEu = RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-01.json");

    [Fact]
    public void Regions_DetectedFromTheScps_ProtectedOutsideEuWithTheBypassRolesAsExceptions()
    {
        // Arrange
        var snapshot = RegionRestricted();

        // Act
        var matrix = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small());

        // Assert
        var cell = matrix.Cell(Member, "regions");
        Assert.Equal(GuardrailStatus.ProtectedWithExceptions, cell.Status);
        Assert.Equal(["us-east-1", "ap-east-1"], cell.DeniedRegions);
        Assert.Equal(["eu-central-1", "eu-west-1"], cell.NotDeniedRegions);
        Assert.Equal(
            ["arn:aws:iam::*:role/Role1AllowedToBypassThisSCP", "arn:aws:iam::*:role/Role2AllowedToBypassThisSCP"],
            cell.Exceptions.Select(e => e.Principal));
        Assert.Equal($"arn:aws:iam::{Member}:role/Role1AllowedToBypassThisSCP", cell.Exceptions[0].ExampleArn);
        Assert.Contains("aws:PrincipalARN is like arn:aws:iam::*:role/Role1AllowedToBypassThisSCP", cell.Exceptions[0].Condition, StringComparison.Ordinal);
        Assert.Equal("p-denyoutsideeu", cell.Exceptions[0].Statement?.PolicyId);
        Assert.Equal("DenyAllOutsideEU", cell.Deciders[0].Sid);
        Assert.Contains("denied in every Region tested outside eu-central-1 and eu-west-1, the Regions the SCPs name as allowed", cell.Summary, StringComparison.Ordinal);
        Assert.Equal(["eu-central-1", "eu-west-1"], cell.AllowedRegions);
        Assert.Equal($"SCP 'DenyAllOutsideEU' (p-denyoutsideeu) at OU 'Workloads' ({Workloads})", cell.AllowedRegionsBasis);
    }

    [Fact]
    public void Regions_OnlyAFewRegionsDeniedByName_NotProtectedNamingTheOpenRegions()
    {
        // Arrange: a deny list of Regions says what is denied, not what is allowed: no Region boundary.
        const string content = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
              "Condition":{"StringEquals":{"aws:RequestedRegion":["ap-east-1"]}}}]}
            """;
        var snapshot = WithScpAtWorkloads("p-denyhk000001", "DenyHongKong", content);

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Cell(Member, "regions");

        // Assert
        Assert.Equal(GuardrailStatus.NotProtected, cell.Status);
        Assert.Equal(["ap-east-1"], cell.DeniedRegions);
        Assert.Empty(cell.AllowedRegions);
        Assert.Null(cell.AllowedRegionsBasis);
        Assert.Equal(
            "Not protected: no SCP limits ec2:RunInstances to a list of allowed Regions and none are configured; it is denied in 1 of 4 Regions tested "
            + "but stays allowed in us-east-1, eu-central-1 and eu-west-1. If those are the Regions you allow, set Organizations:Guardrails:AllowedRegions.",
            cell.Summary);
        Assert.Equal("p-denyhk000001", Assert.Single(cell.Deciders).PolicyId);
    }

    [Fact]
    public void Regions_AllowListScpWithoutFullAwsAccess_ProtectedOutsideTheRegionsItAllows()
    {
        // Arrange: the allow-list strategy: the OU allows everything, but only in two Regions.
        const string content = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",
              "Condition":{"StringLike":{"aws:RequestedRegion":["eu-*", "us-east-1"]}}}]}
            """;
        var snapshot = new ScpOrganizationBuilder()
            .Policy("p-allowineu001", "AllowInEuAndUsEast1", content)
            .Unit(Workloads, "Workloads", RootId, "p-allowineu001")
            .Account(Member, "prod", Workloads, FullAccess)
            .Build();

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Cell(Member, "regions");

        // Assert
        Assert.Equal(GuardrailStatus.Protected, cell.Status);
        Assert.Equal(["us-east-1", "eu-central-1", "eu-west-1"], cell.AllowedRegions);
        Assert.Equal(["ap-east-1"], cell.DeniedRegions);
        Assert.Equal(GuardrailDeciderKind.NotAllowed, Assert.Single(cell.Deciders).Kind);
    }

    [Fact]
    public void Regions_AllowListBesideFullAwsAccess_NotProtectedOutsideTheRegionsItNames()
    {
        // Arrange: the same allow list attached next to FullAWSAccess restricts nothing: evaluation decides, not the text.
        const string content = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",
              "Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}
            """;
        var snapshot = new ScpOrganizationBuilder()
            .Policy("p-allowineu002", "AllowInIreland", content)
            .Unit(Workloads, "Workloads", RootId, FullAccess, "p-allowineu002")
            .Account(Member, "prod", Workloads, FullAccess)
            .Build();

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Cell(Member, "regions");

        // Assert
        Assert.Equal(GuardrailStatus.NotProtected, cell.Status);
        Assert.Equal(
            $"Not protected: ec2:RunInstances is not denied in us-east-1, eu-central-1 and ap-east-1, outside the Regions the SCPs name as allowed (eu-west-1, from SCP 'AllowInIreland' (p-allowineu002) at OU 'Workloads' ({Workloads})).",
            cell.Summary);
    }

    [Fact]
    public void Regions_RegionDenyForAnotherServiceOnly_NamesNoAllowedRegionsForTheProbe()
    {
        // Arrange: a Region boundary on KMS alone says nothing about EC2.
        const string content = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"kms:*","Resource":"*",
              "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}
            """;
        var snapshot = WithScpAtWorkloads("p-kmsineu0001", "KmsInIrelandOnly", content);

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Cell(Member, "regions");

        // Assert
        Assert.Equal(GuardrailStatus.NotProtected, cell.Status);
        Assert.Null(cell.AllowedRegionsBasis);
        Assert.Equal("Not protected: ec2:RunInstances is not denied in any of the 4 Regions tested.", cell.Summary);
    }

    [Fact]
    public void HomeRegion_RegionRestrictedAccount_OtherGuardrailsAreTestedInAnAllowedRegion()
    {
        // Arrange: without this, the Region SCP would make every regional guardrail look protected in us-east-1.
        var snapshot = RegionRestricted();

        // Act
        var row = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Row(Member);

        // Assert
        Assert.Equal("eu-central-1", row.HomeRegion);
        Assert.Equal(GuardrailStatus.NotProtected, row.Cell("kms-key-deletion").Status);
        Assert.All(row.Cell("kms-key-deletion").Checks, c => Assert.Equal("eu-central-1", c.Region));
        Assert.All(row.Cell("iam-users").Checks, c => Assert.Equal("us-east-1", c.Region));
    }

    [Theory]
    [InlineData(new[] { "eu-central-1", "eu-west-1" }, GuardrailStatus.ProtectedWithExceptions)]
    [InlineData(new[] { "eu-west-1" }, GuardrailStatus.NotProtected)]
    public void Regions_AllowedRegionsGiven_ProtectedOnlyWhenEveryOtherRegionIsDenied(string[] allowed, GuardrailStatus expected)
    {
        // Arrange
        var snapshot = RegionRestricted();
        var options = GuardrailMatrixTests.Small();
        options.AllowedRegions = [.. allowed];

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, options).Cell(Member, "regions");

        // Assert
        Assert.Equal(expected, cell.Status);
        Assert.DoesNotContain(cell.Checks, c => allowed.Contains(c.Region));
        if (expected == GuardrailStatus.NotProtected)
            Assert.Equal("Not protected: ec2:RunInstances is not denied in eu-central-1, outside the allowed Regions eu-west-1.", cell.Summary);
    }

    [Fact]
    public void Regions_NoRegionScp_NotProtected()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder().Account(Member, "prod", RootId, FullAccess).Build();

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Cell(Member, "regions");

        // Assert
        Assert.Equal(GuardrailStatus.NotProtected, cell.Status);
        Assert.Equal(4, cell.NotDeniedRegions.Count);
        Assert.Equal("Not protected: ec2:RunInstances is not denied in any of the 4 Regions tested.", cell.Summary);
    }

    [Fact]
    public void Exceptions_TagExemptedAdmins_FoundByEvaluatingATaggedPrincipal()
    {
        // Arrange: deny KMS key deletion unless the caller is tagged team=security.
        const string content = """
            {"Version":"2012-10-17","Statement":[{"Sid":"ProtectKeys","Effect":"Deny","Action":"kms:ScheduleKeyDeletion","Resource":"*",
              "Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"security"}}}]}
            """;
        var snapshot = WithScpAtWorkloads("p-protectkeys1", "ProtectKeys", content);

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Cell(Member, "kms-key-deletion");

        // Assert
        Assert.Equal(GuardrailStatus.ProtectedWithExceptions, cell.Status);
        var exception = Assert.Single(cell.Exceptions);
        Assert.Equal("principals tagged team=security", exception.Principal);
        Assert.Equal("aws:PrincipalTag/team is security", exception.Condition);
        Assert.Equal("ProtectKeys", exception.Statement?.Sid);
    }

    [Fact]
    public void Exceptions_ConfiguredBreakGlassRoleExemptedByAWildcard_Found()
    {
        // Arrange: the exemption is a wildcard no candidate from the SCP would spell as the configured role.
        const string content = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*",
              "Condition":{"StringNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/Break*"]}}}]}
            """;
        var snapshot = WithScpAtWorkloads("p-denyleave002", "DenyLeave", content);
        var options = GuardrailMatrixTests.Small();
        options.PrivilegedPrincipals = ["arn:{partition}:iam::{account}:role/BreakGlassAdmin"];

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, options).Cell(Member, "leave-organization");

        // Assert
        Assert.Equal(GuardrailStatus.ProtectedWithExceptions, cell.Status);
        Assert.Equal(["arn:aws:iam::*:role/Break*", $"arn:aws:iam::{Member}:role/BreakGlassAdmin"], cell.Exceptions.Select(e => e.Principal));
        Assert.All(cell.Exceptions, e => Assert.Equal("aws:PrincipalArn is like arn:aws:iam::*:role/Break*", e.Condition));
    }

    [Fact]
    public void Exceptions_ExemptedRoleStillOutsideAnAllowList_NoException()
    {
        // Arrange: the KMS deny exempts PlatformAdmin, but the OU's allow list does not allow KMS at all.
        var deny = RealScp("aws-samples-service-control-policy-examples/Protect-cloud-platform-resource/Deny-KMS-key-deletion.json")
            .Replace("${Account}", "*", StringComparison.Ordinal).Replace("[PRIVILEGED_ROLE]", "PlatformAdmin", StringComparison.Ordinal);
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-denykmsdel1")
            .Policy("p-denykmsdel1", "DenyKmsKeyDeletion", deny)
            .Policy("p-allowec2cw01", "AllowEc2AndCloudWatch", RealScp("awsdocs-organizations/orgs_manage_policies_scps_strategies-04.json"))
            .Unit(Workloads, "Sandbox", RootId, "p-allowec2cw01")
            .Account(Member, "sandbox", Workloads, FullAccess)
            .Account("444444444444", "prod", RootId, FullAccess)
            .Build();

        // Act
        var matrix = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small());

        // Assert
        Assert.Equal(GuardrailStatus.Protected, matrix.Cell(Member, "kms-key-deletion").Status);
        var open = matrix.Cell("444444444444", "kms-key-deletion");
        Assert.Equal(GuardrailStatus.ProtectedWithExceptions, open.Status);
        Assert.Equal("arn:aws:iam::*:role/PlatformAdmin", Assert.Single(open.Exceptions).Principal);
        Assert.StartsWith("Protected except for arn:aws:iam::*:role/PlatformAdmin (aws:PrincipalArn is like arn:aws:iam::*:role/PlatformAdmin): denied by SCP 'DenyKmsKeyDeletion'", open.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_ServiceLinkedRolePattern_IsNotReportedAsAnException()
    {
        // Arrange: service-linked roles are outside SCPs anyway, so exempting them is no exception.
        const string content = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:DisableEbsEncryptionByDefault","Resource":"*",
              "Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/aws-service-role/*"}}}]}
            """;
        var snapshot = WithScpAtWorkloads("p-protectebs01", "ProtectEbs", content);

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small()).Cell(Member, "ebs-encryption");

        // Assert
        Assert.Equal(GuardrailStatus.Protected, cell.Status);
        Assert.Empty(cell.Exceptions);
    }

    private static OrganizationSnapshot RegionRestricted() =>
        WithScpAtWorkloads("p-denyoutsideeu", "DenyAllOutsideEU", DenyOutsideEu);

    private static OrganizationSnapshot WithScpAtWorkloads(string id, string name, string content) => new ScpOrganizationBuilder()
        .Policy(id, name, content)
        .Unit(Workloads, "Workloads", RootId, FullAccess, id)
        .Account(Member, "prod", Workloads, FullAccess)
        .Build();
}
