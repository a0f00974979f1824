using Dashboard.Core.Organizations.Guardrails;
using static Dashboard.Core.Tests.Organizations.ScpOrganizationBuilder;

namespace Dashboard.Core.Tests.Organizations.Guardrails;

/// <summary>Options validation and guardrail definitions read from JSON.</summary>
public sealed class GuardrailInputTests
{
    [Fact]
    public void Validate_DefaultOptions_NoProblems()
    {
        // Act
        var problems = new GuardrailOptions().Validate();

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_BadValues_EachProblemNamesItsConfigurationKey()
    {
        // Arrange
        var options = new GuardrailOptions
        {
            ProbeRoleName = "",
            TrailName = "*",
            Partition = "azure",
            HomeRegion = "west",
            CandidateRegions = ["eu-west-1"],
            AllowedRegions = ["eu-west-1"],
            PrivilegedPrincipals = ["arn:aws:s3:::bucket"],
        };

        // Act
        var problems = options.Validate();

        // Assert
        Assert.Equal(
            [
                "Organizations:Guardrails:ProbeRoleName",
                "Organizations:Guardrails:TrailName",
                "Organizations:Guardrails:Partition",
                "Organizations:Guardrails:HomeRegion",
                "Organizations:Guardrails:AllowedRegions",
                "Organizations:Guardrails:PrivilegedPrincipals:0",
            ],
            problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Read_ValidFile_DefinitionsThatTheMatrixEvaluates()
    {
        // Arrange
        const string json = """
            // Our own guardrail: nobody creates VPC peering connections.
            [
              {
                "id": "vpc-peering",
                "title": "Creating VPC peering connections",
                "category": "Network",
                "requests": [
                  { "action": "ec2:CreateVpcPeeringConnection", "resource": "arn:{partition}:ec2:{region}:{account}:vpc/*",
                    "context": { "aws:RequestedRegion": "{region}" } }
                ]
              }
            ]
            """;
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-sandbox00001")
            .Policy("p-sandbox00001", "ProtectSandbox", RealScp("aws-samples-aws-scps-with-terraform/service_control_policy/sandbox.json"))
            .Account("222222222222", "sandbox", RootId, FullAccess)
            .Build();

        // Act
        var definitions = GuardrailDefinitionReader.Read(json, "custom.json");
        var cell = GuardrailMatrix.Compute(snapshot, definitions, GuardrailMatrixTests.Small()).Cell("222222222222", "vpc-peering");

        // Assert
        var definition = Assert.Single(definitions);
        Assert.Equal((GuardrailProtection.AllDenied, GuardrailPrincipal.Administrator), (definition.ProtectedWhen, definition.Requests[0].Principal));
        Assert.Equal(GuardrailStatus.Protected, cell.Status);
        Assert.Equal("ProtectSandbox", Assert.Single(cell.Deciders).Sid);
    }

    [Fact]
    public void Read_MalformedFile_ThrowsNamingEveryJsonPath()
    {
        // Arrange
        const string json = """
            [
              { "id": "x", "title": "X", "category": "C", "protectedWhen": "Sometimes", "request": [] },
              { "id": "y", "title": "Y", "category": "C", "requests": [ { "action": 42, "principal": "Anyone" } ] },
              "not an object"
            ]
            """;

        // Act
        var error = Assert.Throws<FormatException>(() => GuardrailDefinitionReader.Read(json, "custom.json"));

        // Assert
        Assert.StartsWith("custom.json is not a valid guardrail file:", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[0]: unknown member 'request'", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[0].protectedWhen: 'Sometimes' is not AllDenied or DeniedOutsideAllowedRegions", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[0].requests: expected an array", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[1].requests[0].action: expected a string", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[1].requests[0].principal: 'Anyone' is not Administrator or MemberRoot", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[2]: expected an object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("[{", "custom.json: not valid JSON at line 1, column 3: ")]
    [InlineData("""{"guardrails": []}""", "$: expected an array")]
    public void Read_NotAGuardrailFile_ThrowsWithAClearReason(string json, string expected)
    {
        // Act
        var error = Assert.Throws<FormatException>(() => GuardrailDefinitionReader.Read(json, "custom.json"));

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
