using System.Text.RegularExpressions;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Capabilities;
using Dashboard.Core.Tests.Iam.Access;

namespace Dashboard.Core.Tests.Iam.Risks;

/// <summary>
/// The accuracy bar: cloudsplaining's example account built from BishopFox's IAM-Vulnerable
/// (../shared/data/iam/cloudsplaining/example.json). Every IAM-Vulnerable principal exists as a user
/// and as a role (suffix -user / -role); both must come out the same.
/// </summary>
public sealed partial class IamVulnerableAccuracyTests
{
    private const string EscalationRule = "iam_principal_no_privilege_escalation";
    private const string AdminRule = "iam_principal_not_admin_equivalent";

    /// <summary>
    /// IAM-Vulnerable's path name → our catalogue's method id. Most are cloudsplaining's names; the
    /// differences are the reason column.
    /// </summary>
    public static TheoryData<string, string, string> Mapping { get; } = new()
    {
        { "privesc1-CreateNewPolicyVersion", "CreateNewPolicyVersion", "same name" },
        { "privesc2-SetExistingDefaultPolicyVersion", "SetExistingDefaultPolicyVersion", "same name" },
        { "privesc3-CreateEC2WithExistingInstanceProfile", "CreateEC2WithExistingIP", "Rhino's name for the same path" },
        { "privesc4-CreateAccessKey", "CreateAccessKey", "same name" },
        { "privesc5-CreateLoginProfile", "CreateLoginProfile", "same name" },
        { "privesc6-UpdateLoginProfile", "UpdateLoginProfile", "same name" },
        { "privesc7-AttachUserPolicy", "AttachUserPolicy", "same name" },
        { "privesc8-AttachGroupPolicy", "AttachGroupPolicy", "same name" },
        { "privesc9-AttachRolePolicy", "AttachRolePolicy", "same name" },
        { "privesc10-PutUserPolicy", "PutUserPolicy", "same name" },
        { "privesc11-PutGroupPolicy", "PutGroupPolicy", "same name" },
        { "privesc12-PutRolePolicy", "PutRolePolicy", "same name" },
        { "privesc13-AddUserToGroup", "AddUserToGroup", "same name" },
        { "privesc14-UpdatingAssumeRolePolicy", "UpdateRolePolicyToAssumeIt", "Rhino's name for the same path" },
        { "privesc15-PassExistingRoleToNewLambdaThenInvoke", "PassExistingRoleToNewLambdaThenInvoke", "same name" },
        { "privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo", "PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo", "its policy grants no dynamodb:CreateTable/PutItem, so only the existing-table variant is possible" },
        { "privesc17-EditExistingLambdaFunctionWithRole", "EditExistingLambdaFunctionWithRole", "same name" },
        { "privesc18-PassExistingRoleToNewGlueDevEndpoint", "PassExistingRoleToNewGlueDevEndpoint", "same name" },
        { "privesc19-UpdateExistingGlueDevEndpoint", "UpdateExistingGlueDevEndpoint", "same name" },
        { "privesc20-PassExistingRoleToCloudFormation", "PassExistingRoleToCloudFormation", "same name" },
        { "privesc21-PassExistingRoleToNewDataPipeline", "PassExistingRoleToNewDataPipeline", "same name" },
        { "privesc-CloudFormationUpdateStack", "UpdateExistingCloudFormationStack", "pathfinding.cloud cloudformation-002, not in cloudsplaining's list" },
        { "privesc-codeBuildCreateProjectPassRole", "PassExistingRoleToNewCodeBuildProjectThenBuild", "pathfinding.cloud codebuild-001" },
        { "privesc-ec2InstanceConnect", "EC2InstanceConnectSendSSHPublicKey", "pathfinding.cloud ec2instanceconnect-003" },
        { "privesc-sageMakerCreateNotebookPassRole", "PassExistingRoleToNewSageMakerNotebookInstance", "pathfinding.cloud sagemaker-001" },
        { "privesc-sageMakerCreatePresignedNotebookURL", "CreatePresignedSageMakerNotebookUrl", "pathfinding.cloud sagemaker-004" },
        { "privesc-sageMakerCreateProcessingJobPassRole", "PassExistingRoleToNewSageMakerProcessingJob", "pathfinding.cloud sagemaker-003" },
        { "privesc-sageMakerCreateTrainingJobPassRole", "PassExistingRoleToNewSageMakerTrainingJob", "pathfinding.cloud sagemaker-002" },
        { "privesc-ssmSendCommand", "SsmSendCommandToInstance", "pathfinding.cloud ssm-002, not in cloudsplaining's list" },
        { "privesc-ssmStartSession", "SsmStartSessionOnInstance", "pathfinding.cloud ssm-001, not in cloudsplaining's list" },
        { "privesc-sre", "CreateNewPolicyVersion", "its group grants iam:*; one of many methods" },
    };

    /// <summary>
    /// IAM-Vulnerable's false negatives (cases naive tools miss) and what we report for each: all four
    /// are caught, because permissions are evaluated across policies, on existing resources, with the
    /// request time, and through NotAction.
    /// </summary>
    public static TheoryData<string, string, string> FalseNegatives { get; } = new()
    {
        { "fn1-privesc3-partial", "CreateEC2WithExistingIP", "iam:PassRole and ec2:RunInstances come from two different policies" },
        { "fn2-exploitableResourceConstraint", "CreateNewPolicyVersion", "policy/fn2-* covers the account's own customer-managed policy" },
        { "fn3-exploitableConditionConstraint", "CreateNewPolicyVersion", "aws:TokenIssueTime after 2020 holds for any session issued now" },
        { "fn4-exploitableNotAction", "PutUserPolicy", "NotAction iam:Update*/Create*/Attach* leaves iam:Put* allowed" },
    };

    private static readonly Lazy<IReadOnlyList<RiskResult>> Results = new(() =>
    {
        var json = File.ReadAllText(Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "example.json"));
        var snapshot = IamAuthorizationDetailsReader.ReadSnapshot(json, null, RiskClock.Now);
        return new IamRiskAnalyzer(RiskClock.Instance).Analyze(snapshot);
    });

    private static readonly Lazy<IamAccountSnapshot> Snapshot = new(() =>
        IamAuthorizationDetailsReader.ReadSnapshot(File.ReadAllText(Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "example.json")), null, RiskClock.Now));

    private static RiskResult? Escalation(string principal) =>
        Results.Value.SingleOrDefault(r => r.RuleId == EscalationRule && r.ResourceName == principal);

    [Theory]
    [MemberData(nameof(Mapping))]
    public void PrivescPrincipals_UserAndRole_FlaggedForTheirMethod(string path, string method, string reason)
    {
        // Arrange
        Assert.NotNull(PrivilegeEscalationCatalog.Find(method));
        Assert.False(string.IsNullOrWhiteSpace(reason));

        foreach (var principal in new[] { $"{path}-user", $"{path}-role" })
        {
            // Act
            var result = Escalation(principal);

            // Assert
            Assert.True(result is not null, $"{principal} is not flagged for privilege escalation");
            Assert.Equal(RiskStatus.Fail, result.Status);
            Assert.Contains(method, result.Items);
        }
    }

    [Fact]
    public void Mapping_EveryPrivescPrincipalOfTheDump_IsMapped()
    {
        // Arrange
        var mapped = Mapping.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        var names = Snapshot.Value.Users.Select(u => u.UserName).Concat(Snapshot.Value.Roles.Select(r => r.RoleName));

        // Act
        var unmapped = names
            .Where(n => n.StartsWith("privesc", StringComparison.Ordinal) && !n.StartsWith("privesc-AssumeRole", StringComparison.Ordinal) && !n.StartsWith("privesc-high-priv", StringComparison.Ordinal) && !n.StartsWith("privesc-permissive", StringComparison.Ordinal))
            .Select(n => Suffix().Replace(n, string.Empty))
            .Where(n => !mapped.Contains(n))
            .Distinct()
            .ToList();

        // Assert
        Assert.Empty(unmapped);
    }

    [Fact]
    public void FalsePositiveTraps_Fp1ToFp5_NoPermissionOrTrustRiskAtAll()
    {
        // Arrange
        var traps = Snapshot.Value.Users.Select(u => u.UserName).Concat(Snapshot.Value.Roles.Select(r => r.RoleName))
            .Where(n => FalsePositive().IsMatch(n))
            .ToList();

        // Act
        var flagged = Results.Value
            .Where(r => r.Category is not (RiskCategory.PolicyHygiene or RiskCategory.Inactive or RiskCategory.Credentials) && traps.Contains(r.ResourceName))
            .Select(r => $"{r.ResourceName}: {r.Message}")
            .ToList();

        // Assert
        Assert.Equal(10, traps.Count);
        Assert.Empty(flagged);
    }

    [Theory]
    [MemberData(nameof(FalseNegatives))]
    public void FalseNegativeCases_CaughtWithTheMethod(string path, string method, string why)
    {
        // Arrange
        Assert.False(string.IsNullOrWhiteSpace(why));

        foreach (var principal in new[] { $"{path}-user", $"{path}-role" })
        {
            // Act
            var result = Escalation(principal);

            // Assert
            Assert.True(result is not null, $"{principal} ({why}) is missed");
            Assert.Contains(method, result.Items);
        }
    }

    [Fact]
    public void AssumeRoleChain_StartingAndIntermediateRoles_ReachTheAdminRole()
    {
        // Arrange, Act
        var starting = Escalation("privesc-AssumeRole-starting-role");
        var intermediate = Escalation("privesc-AssumeRole-intermediate-role");
        var startUser = Escalation("privesc-AssumeRole-start-user");

        // Assert
        Assert.Equal(["AssumePrivilegedRole"], starting?.Items);
        Assert.StartsWith("AssumePrivilegedRole: privesc-AssumeRole-starting-role → privesc-AssumeRole-intermediate-role → privesc-AssumeRole-ending-role", starting!.Explanation[0], StringComparison.Ordinal);
        Assert.Equal(["AssumePrivilegedRole"], intermediate?.Items);

        // In this dump the start user has no policy and the starting role trusts an SSO session, not the user.
        Assert.Null(startUser);
    }

    [Fact]
    public void Administrators_ExactlyTheAdminPrincipals()
    {
        // Arrange, Act
        var admins = Results.Value.Where(r => r.RuleId == AdminRule).Select(r => r.ResourceName).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.Equal(
            [
                "AWS-QuickSetup-StackSet-Local-ExecutionRole",
                "AWSReservedSSO_AdministratorAccess_dc6414f7f2ab04fc",
                "OrganizationAccountAccessRole",
                "obama",
                "privesc-AssumeRole-ending-role",
                "privesc-high-priv-service-role",
                "stacksets-exec-b5520cb2730c2f54b523d6375a319abb",
                "userwithlotsofpermissions",
            ],
            admins);
    }

    [Fact]
    public void ComputeServiceRoles_HighPrivServiceRoleAndOverprivilegedEc2_Flagged()
    {
        // Arrange, Act
        var flagged = Results.Value.Where(r => r.RuleId == "iam_role_compute_service_not_privileged").Select(r => r.ResourceName).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.Equal(["OverprivilegedEC2", "privesc-high-priv-service-role"], flagged);
    }

    [GeneratedRegex("-(user|role)$")]
    private static partial Regex Suffix();

    [GeneratedRegex("^fp[0-9]+-")]
    private static partial Regex FalsePositive();
}
