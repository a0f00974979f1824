using System.Text.Json;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Tests.Iam.Risks;

/// <summary>
/// Our categories against cloudsplaining's own results for its example policies
/// (../shared/data/iam/cloudsplaining/expected/iam-results-example.json, per policy). Where they overlap we
/// must agree, except for the disagreements listed here with their reason; the test fails when one appears
/// or disappears unnoticed. Compared: privilege escalation (methods in cloudsplaining's catalogue), data
/// exfiltration (its five actions), resource exposure, credentials exposure, service wildcards (item by
/// item) and infrastructure modification (flagged or not: without an action catalogue we cannot list
/// every write action). Conditional grants count as not granted, since cloudsplaining has no such notion.
/// </summary>
public sealed class CloudsplainingAgreementTests
{
    private const string Condition = "we evaluate the condition they ignore";
    private const string NewerCatalogue = "pathfinding.cloud method added to cloudsplaining's catalogue after the expected file was produced";
    private const string NewerCredentialsList = "action added to cloudsplaining's credentials list after the expected file was produced";
    private const string OldRoleMethods = "when the expected file was produced cloudsplaining also required sts:AssumeRole for this method (Rhino's original), which IAMFullAccess lacks";
    private const string ResourceScoped = "pi:* is granted only on arn:aws:pi:*:*:metrics/rds/*; we count service wildcards on unrestricted resources only";
    private const string NotActionWildcard = "NotAction [iam:*, organizations:*, account:*] on * allows every other service; cloudsplaining only looks for service:* in Action";
    private const string VerbHeuristic = "our access level comes from the action verb (no action catalogue): codedeploy:Batch*, config:Deliver*, iam:Generate*, sdb:DomainMetadata read as Write";
    private const string IncludeActions = "cloudsplaining lists its include-actions (s3:GetObject) among the write actions; s3:Get* is Read";

    private sealed record Disagreement(string Policy, string Category, string Side, string Item);

    private static readonly (Disagreement What, string Why)[] Known =
    [
        (new("AmazonRDSFullAccess", "ResourceExposure", "cloudsplaining", "iam:CreateServiceLinkedRole"), Condition + " (iam:AWSServiceName)"),
        (new("AmazonRDSFullAccess", "ServiceWildcard", "cloudsplaining", "pi"), ResourceScoped),
        (new("AmazonEC2FullAccess", "ResourceExposure", "cloudsplaining", "iam:CreateServiceLinkedRole"), Condition + " (iam:AWSServiceName)"),
        (new("AmazonEC2FullAccess", "PrivilegeEscalation", "ours", "ModifyEC2InstanceUserDataThenRestart"), NewerCatalogue),
        (new("AmazonEC2FullAccess", "PrivilegeEscalation", "ours", "ModifyExistingEC2LaunchTemplate"), NewerCatalogue),
        (new("AmazonEC2FullAccess", "CredentialsExposure", "ours", "ec2:GetPasswordData"), NewerCredentialsList),
        (new("AWSCloudTrailFullAccess", "ResourceExposure", "cloudsplaining", "iam:PassRole"), Condition + " (iam:PassedToService)"),
        (new("AWSLambdaFullAccess", "PrivilegeEscalation", "ours", "PassExistingRoleToNewLambdaThenAddPermission"), NewerCatalogue),
        (new("AWSLambdaFullAccess", "PrivilegeEscalation", "ours", "UpdateAndInvokeLambdaFunction"), NewerCatalogue),
        (new("AWSLambdaFullAccess", "PrivilegeEscalation", "ours", "UpdateLambdaFunctionAndAddPermission"), NewerCatalogue),
        (new("ExcessivePermissions", "PrivilegeEscalation", "ours", "UpdateAndInvokeLambdaFunction"), NewerCatalogue),
        (new("ExcessivePermissions", "PrivilegeEscalation", "ours", "UpdateLambdaFunctionAndAddPermission"), NewerCatalogue),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "AttachRolePolicy"), OldRoleMethods),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "PutRolePolicy"), OldRoleMethods),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "UpdateRolePolicyToAssumeIt"), OldRoleMethods),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "AttachRolePolicyThenUpdateAssumeRolePolicy"), NewerCatalogue),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "AttachUserPolicyThenCreateAccessKey"), NewerCatalogue),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "CreateAndRotateAccessKey"), NewerCatalogue),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "CreatePolicyVersionThenUpdateAssumeRolePolicy"), NewerCatalogue),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "PutRolePolicyThenUpdateAssumeRolePolicy"), NewerCatalogue),
        (new("IAMFullAccess", "PrivilegeEscalation", "ours", "PutUserPolicyThenCreateAccessKey"), NewerCatalogue),
        (new("PowerUserAccess", "ServiceWildcard", "ours", "*"), NotActionWildcard),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "AccessExistingBedrockCodeInterpreterSession"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "CreatePresignedSageMakerNotebookUrl"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "EC2InstanceConnectSendSSHPublicKey"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "ECSExecuteCommandOnRunningTask"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "ExecuteCloudFormationChangeSet"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "ModifyEC2InstanceUserDataThenRestart"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "ModifyExistingEC2LaunchTemplate"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "UpdateAndInvokeLambdaFunction"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "UpdateLambdaFunctionAndAddPermission"), NewerCatalogue),
        (new("PowerUserAccess", "PrivilegeEscalation", "ours", "UpdateSageMakerNotebookLifecycleConfig"), NewerCatalogue),
        .. new[]
        {
            "airflow:CreateCliToken", "airflow:CreateWebLoginToken", "appsync:CreateApiKey", "cloud9:CreateEnvironmentToken",
            "codeartifact:GetAuthorizationToken", "cognito-idp:GetSigningCertificate", "ec2:GetPasswordData", "ecr-public:GetAuthorizationToken",
            "emr-containers:GetManagedEndpointSessionCredentials", "finspace-api:GetProgrammaticAccessCredentials", "gamelift:GetComputeAccess",
            "gamelift:GetComputeAuthToken", "gamelift:GetInstanceAccess", "grafana:CreateWorkspaceApiKey", "license-manager:GetAccessToken",
            "lightsail:CreateBucketAccessKey", "lightsail:DownloadDefaultKeyPair", "mediapackage:RotateChannelCredentials",
            "redshift-serverless:GetCredentials", "redshift:GetClusterCredentialsWithIAM", "sso:GetRoleCredentials",
        }.Select(a => (new Disagreement("PowerUserAccess", "CredentialsExposure", "ours", a), NewerCredentialsList)),
        (new("AmazonS3ReadOnlyAccess", "InfrastructureModification", "cloudsplaining", "flagged"), IncludeActions),
        (new("IAMReadOnlyAccess", "InfrastructureModification", "ours", "flagged"), VerbHeuristic),
        (new("SecurityAudit", "InfrastructureModification", "ours", "flagged"), VerbHeuristic),
    ];

    private static readonly Lazy<IReadOnlyList<(string Name, JsonElement Expected, PolicyRiskProfile Ours)>> Policies = new(Load);

    [Fact]
    public void Disagreements_ExactlyTheKnownOnes()
    {
        // Arrange
        var known = Known.Select(k => k.What).ToHashSet();

        // Act
        var actual = Policies.Value.SelectMany(p => Compare(p.Name, p.Expected, p.Ours)).ToHashSet();

        // Assert
        Assert.Empty(actual.Except(known).Select(d => $"new disagreement: {d}"));
        Assert.Empty(known.Except(actual).Select(d => $"no longer disagreeing: {d}"));
        Assert.All(Known, k => Assert.False(string.IsNullOrWhiteSpace(k.Why)));
    }

    [Fact]
    public void Agreement_ComparedItems_MostlyAgree()
    {
        // Arrange
        var categories = new[] { "DataExfiltration", "ResourceExposure", "CredentialsExposure", "ServiceWildcard" };

        // Act: items cloudsplaining reports in the compared categories that we report too.
        var theirs = Policies.Value.SelectMany(p => categories.SelectMany(c => Theirs(p.Expected, c).Select(i => (p.Name, c, i)))).ToList();
        var shared = theirs.Count(t => Ours(Policies.Value.Single(p => p.Name == t.Name).Ours, t.c).Contains(t.i, StringComparer.OrdinalIgnoreCase));

        // Assert: all but the three conditional grants and the resource-scoped pi:* agree.
        Assert.Equal(theirs.Count - 4, shared);
        Assert.True(shared > 400, $"only {shared} shared items");
    }

    [Fact]
    public void ExcessivePermissions_DataExfiltrationAndEscalation_SameAsCloudsplaining()
    {
        // Arrange
        var policy = Policies.Value.Single(p => p.Name == "ExcessivePermissions").Ours;

        // Act
        var exfiltration = policy.DataExfiltration.AllowedItems;
        var methods = policy.PrivilegeEscalation.Where(f => f.IsAllowed).Select(f => f.Method.Id).ToList();

        // Assert
        Assert.Equal(["s3:GetObject", "secretsmanager:GetSecretValue"], exfiltration.Where(a => SensitiveActions.CloudsplainingDataExfiltration.Contains(a)));
        Assert.Contains("EditExistingLambdaFunctionWithRole", methods);
    }

    private static IEnumerable<Disagreement> Compare(string name, JsonElement expected, PolicyRiskProfile ours)
    {
        foreach (var category in new[] { "PrivilegeEscalation", "DataExfiltration", "ResourceExposure", "CredentialsExposure", "ServiceWildcard" })
        {
            var theirs = Theirs(expected, category).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ourItems = Ours(ours, category).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var item in theirs.Except(ourItems, StringComparer.OrdinalIgnoreCase))
            {
                yield return new Disagreement(name, category, "cloudsplaining", item);
            }

            foreach (var item in ourItems.Except(theirs, StringComparer.OrdinalIgnoreCase))
            {
                yield return new Disagreement(name, category, "ours", item);
            }
        }

        var theyFlag = Theirs(expected, "InfrastructureModification").Any();
        var weFlag = ours.InfrastructureModification.Allowed.Count > 0;
        if (theyFlag != weFlag)
        {
            yield return new Disagreement(name, "InfrastructureModification", theyFlag ? "cloudsplaining" : "ours", "flagged");
        }
    }

    private static IEnumerable<string> Theirs(JsonElement expected, string category) => category == "PrivilegeEscalation"
        ? expected.GetProperty(category).EnumerateArray().Select(e => e.GetProperty("type").GetString()!)
        : expected.GetProperty(category).EnumerateArray().Select(e => e.GetString()!);

    private static IEnumerable<string> Ours(PolicyRiskProfile ours, string category) => category switch
    {
        "PrivilegeEscalation" => ours.PrivilegeEscalation.Where(f => f.IsAllowed && f.Method.InCloudsplaining).Select(f => f.Method.Id),
        "DataExfiltration" => ours.DataExfiltration.AllowedItems.Where(a => SensitiveActions.CloudsplainingDataExfiltration.Contains(a)),
        "ResourceExposure" => ours.ResourceExposure.AllowedItems,
        "CredentialsExposure" => ours.CredentialsExposure.AllowedItems,
        "ServiceWildcard" => ours.ServiceWildcards.AllowedItems,
        _ => [],
    };

    private static IReadOnlyList<(string, JsonElement, PolicyRiskProfile)> Load()
    {
        var path = Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "expected", "iam-results-example.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var policies = new List<(string, JsonElement, PolicyRiskProfile)>();
        foreach (var section in new[] { "aws_managed_policies", "customer_managed_policies", "inline_policies" })
        {
            foreach (var entry in document.RootElement.GetProperty(section).EnumerateObject())
            {
                var expected = entry.Value.Clone();
                var name = expected.GetProperty("PolicyName").GetString()!;
                var policyDocument = expected.TryGetProperty("PolicyDocument", out var inline)
                    ? inline
                    : expected.GetProperty("PolicyVersionList").EnumerateArray().First(v => v.GetProperty("IsDefaultVersion").GetBoolean()).GetProperty("Document");
                policies.Add((name, expected, PolicyRiskProfile.Analyze(PolicyInput.FromJson(name, policyDocument.GetRawText()), Access.RiskClock.Now)));
            }
        }

        return policies;
    }
}
