using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Web.Organizations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Organizations;

/// <summary>
/// The organization's own guardrails (Organizations:Guardrails:DefinitionsFile) reach the matrix, a bad file
/// never hides it, and the audit-role guardrail follows the role the dashboard really uses.
/// </summary>
public sealed class GuardrailDefinitionSourceTests : IDisposable
{
    private const string VpcPeering = """
        [{"id": "vpc-peering", "title": "Creating VPC peering", "category": "Network",
          "requests": [{"action": "ec2:CreateVpcPeeringConnection"}]}]
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("guardrails-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_NoFileConfigured_BuiltInGuardrailsWithoutError()
    {
        // Act
        var set = Source().Load(new GuardrailOptions());

        // Assert
        Assert.Same(GuardrailCatalog.Default, set.Definitions);
        Assert.Null(set.Error);
    }

    [Fact]
    public void For_CustomGuardrailFile_MatrixHasTheNewColumnEvaluatedThroughTheScps()
    {
        // Arrange: the hand-built organization denies nothing about peering, so the new guardrail is open.
        var cache = Cache(new GuardrailOptions { DefinitionsFile = Write("extra.json", VpcPeering) });

        // Act
        var (matrix, error) = cache.For(OrganizationTestData.Cached(OrganizationTestData.Guarded()));

        // Assert
        Assert.Null(error);
        Assert.Equal(GuardrailCatalog.Default.Count + 1, matrix!.Guardrails.Count);
        Assert.Equal("vpc-peering", matrix.Guardrails[^1].Id);
        Assert.Equal(GuardrailStatus.NotProtected, matrix.Cell(OrganizationTestData.Member, "vpc-peering").Status);
    }

    [Fact]
    public void For_CustomDefinitionWithABuiltInId_ReplacesTheBuiltInOneInPlace()
    {
        // Arrange: iam-users redefined as CreateUser only; the column keeps its place.
        var file = Write("replace.json", """
            [{"id": "iam-users", "title": "Creating IAM users", "category": "Identity",
              "requests": [{"action": "iam:CreateUser", "context": {"aws:RequestedRegion": "us-east-1"}}]}]
            """);
        var cache = Cache(new GuardrailOptions { DefinitionsFile = file });

        // Act
        var (matrix, _) = cache.For(OrganizationTestData.Cached(OrganizationTestData.Guarded()));

        // Assert
        var index = GuardrailCatalog.Default.ToList().FindIndex(g => g.Id == "iam-users");
        Assert.Equal(GuardrailCatalog.Default.Count, matrix!.Guardrails.Count);
        Assert.Equal("Creating IAM users", matrix.Guardrails[index].Title);
        Assert.Single(matrix.Cell(OrganizationTestData.Member, "iam-users").Checks);
    }

    [Theory]
    [InlineData("[{\"id\": \"Bad Id\", \"title\": \"t\", \"category\": \"c\", \"requests\": [{\"action\": \"ec2:*\"}]}]", "id must be lowercase")]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[{\"id\": \"x\", \"title\": \"t\", \"category\": \"c\", \"request\": []}]", "unknown member 'request'")]
    public void For_UnusableFile_BuiltInMatrixWithAWarningNamingTheProblem(string content, string expected)
    {
        // Arrange
        var cache = Cache(new GuardrailOptions { DefinitionsFile = Write("bad.json", content) });

        // Act
        var (matrix, error) = cache.For(OrganizationTestData.Cached(OrganizationTestData.Guarded()));

        // Assert
        Assert.Equal(GuardrailCatalog.Default.Count, matrix!.Guardrails.Count);
        Assert.Contains("Organizations:Guardrails:DefinitionsFile", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void For_MissingFile_WarningNamesThePath()
    {
        // Arrange
        var path = Path.Combine(_folder, "missing.json");
        var cache = Cache(new GuardrailOptions { DefinitionsFile = path });

        // Act
        var (matrix, error) = cache.For(OrganizationTestData.Cached(OrganizationTestData.Guarded()));

        // Assert
        Assert.NotNull(matrix);
        Assert.Contains($"the file {path} does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileChanged_ReadAgain()
    {
        // Arrange
        var path = Write("extra.json", VpcPeering);
        var source = Source();
        var options = new GuardrailOptions { DefinitionsFile = path };
        var first = source.Load(options);

        // Act: same file unchanged, then rewritten with one more guardrail.
        var unchanged = source.Load(options);
        File.WriteAllText(path, VpcPeering.Replace("}]}]", "}]}, {\"id\": \"kms-grants\", \"title\": \"KMS grants\", \"category\": \"Data\", \"requests\": [{\"action\": \"kms:CreateGrant\"}]}]", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var changed = source.Load(options);

        // Assert
        Assert.Same(first.Definitions, unchanged.Definitions);
        Assert.Equal(first.Definitions.Count + 1, changed.Definitions.Count);
    }

    [Theory]
    [InlineData(null, null, "SecurityDashboardReadOnly")]
    [InlineData("CustomAudit", null, "CustomAudit")]
    [InlineData("CustomAudit", "OtherRole", "OtherRole")]
    public void AuditRoleName_FollowsAwsRoleNameUnlessSetItself(string? awsRoleName, string? auditRoleName, string expected)
    {
        // Arrange
        var settings = new Dictionary<string, string?>();
        if (awsRoleName is not null) settings["Aws:RoleName"] = awsRoleName;
        if (auditRoleName is not null) settings["Organizations:Guardrails:AuditRoleName"] = auditRoleName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddDashboardOrganizationUi();

        // Act
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<GuardrailOptions>>().CurrentValue;

        // Assert
        Assert.Equal(expected, options.AuditRoleName);
    }

    [Theory]
    [InlineData(null, "Custom/Path/Audit")]
    [InlineData("OtherRole", "OtherRole")]
    public void AuditRoleFor_AccountWithItsOwnRoleArn_IsThatRoleUnlessAuditRoleNameIsSet(string? auditRoleName, string expected)
    {
        // Arrange: the second account is read through its own role, so that role is what must be protected there.
        var settings = new Dictionary<string, string?>
        {
            ["Aws:RoleName"] = "CustomAudit",
            ["Aws:Accounts:0:AccountId"] = "111122223333",
            ["Aws:Accounts:1:AccountId"] = "444455556666",
            ["Aws:Accounts:1:RoleArn"] = "arn:aws:iam::444455556666:role/Custom/Path/Audit",
        };
        if (auditRoleName is not null) settings["Organizations:Guardrails:AuditRoleName"] = auditRoleName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddDashboardOrganizationUi();

        // Act
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<GuardrailOptions>>().CurrentValue;

        // Assert
        Assert.Equal(expected, options.AuditRoleFor("444455556666"));
        Assert.Equal(auditRoleName ?? "CustomAudit", options.AuditRoleFor("111122223333"));
        Assert.Empty(options.Validate());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static GuardrailDefinitionSource Source() => new(NullLogger<GuardrailDefinitionSource>.Instance);

    private static GuardrailMatrixCache Cache(GuardrailOptions options) => new(new FixedOptions(options), Source());

    private sealed class FixedOptions(GuardrailOptions value) : IOptionsMonitor<GuardrailOptions>
    {
        public GuardrailOptions CurrentValue => value;

        public GuardrailOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<GuardrailOptions, string?> listener) => null;
    }
}
