using static Dashboard.Core.Iam.Risks.Capabilities.EscalationTarget;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>
/// The published privilege-escalation catalogue: Rhino Security Labs' methods (as named by cloudsplaining,
/// which splits the DynamoDB-triggered Lambda method in two), the pathfinding.cloud paths cloudsplaining
/// lists (cloudsplaining/shared/constants.py, PRIVILEGE_ESCALATION_METHODS), and a few pathfinding.cloud
/// paths cloudsplaining does not list but BishopFox's IAM-Vulnerable exercises (SSM, CloudFormation
/// UpdateStack, assuming an administrator role). Each method is checked by evaluating its permissions
/// against the principal, never by matching text.
/// </summary>
public static class PrivilegeEscalationCatalog
{
    private const string Rhino = "Rhino Security Labs (Spencer Gietzen, 2018)";
    private const string RhinoArticle = "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/";
    private const string ViaCloudsplaining = "pathfinding.cloud (Datadog), as listed by cloudsplaining";
    private const string AddedHere = "pathfinding.cloud (Datadog), not in cloudsplaining's list";

    private static readonly EscalationStep PassRole = new("iam:PassRole", Roles);
    private static readonly EscalationStep PassRoleToEc2 = PassRoleTo("ec2.amazonaws.com");
    private static readonly EscalationStep PassRoleToLambda = PassRoleTo("lambda.amazonaws.com");
    private static readonly EscalationStep PassRoleToGlue = PassRoleTo("glue.amazonaws.com");
    private static readonly EscalationStep PassRoleToCloudFormation = PassRoleTo("cloudformation.amazonaws.com");
    private static readonly EscalationStep PassRoleToCodeBuild = PassRoleTo("codebuild.amazonaws.com");
    private static readonly EscalationStep PassRoleToEcsTasks = PassRoleTo("ecs-tasks.amazonaws.com");
    private static readonly EscalationStep PassRoleToSageMaker = PassRoleTo("sagemaker.amazonaws.com");

    public static IReadOnlyList<PrivilegeEscalationMethod> Methods { get; } =
    [
        // 1. IAM permissions on other users (Rhino).
        Method("CreateAccessKey", "Create an access key for another user and act as that user.", Rhino, "iam-002", S("iam:CreateAccessKey", OtherUsers)),
        Method("CreateLoginProfile", "Give another user a console password and sign in as that user.", Rhino, "iam-004", S("iam:CreateLoginProfile", OtherUsers)),
        Method("UpdateLoginProfile", "Change another user's console password and sign in as that user.", Rhino, "iam-006", S("iam:UpdateLoginProfile", OtherUsers)),
        Method("AddUserToGroup", "Add a user (oneself) to a more privileged group.", Rhino, "iam-013", S("iam:AddUserToGroup", Groups)),

        // 2. Permissions on policies (Rhino).
        Method("CreateNewPolicyVersion", "Write a new default version of a customer-managed policy the principal has, granting anything.", Rhino, "iam-001", S("iam:CreatePolicyVersion", CustomerManagedPolicies)),
        Method("SetExistingDefaultPolicyVersion", "Make an older, more permissive version of a policy the default.", Rhino, null, S("iam:SetDefaultPolicyVersion", CustomerManagedPolicies)),
        Method("AttachUserPolicy", "Attach any managed policy (AdministratorAccess) to a user, oneself included.", Rhino, "iam-008", S("iam:AttachUserPolicy", Users)),
        Method("AttachGroupPolicy", "Attach any managed policy to a group the principal is in.", Rhino, "iam-010", S("iam:AttachGroupPolicy", Groups)),
        Method("AttachRolePolicy", "Attach any managed policy to a role the principal is or can assume.", Rhino, "iam-009", S("iam:AttachRolePolicy", Roles)),
        Method("PutUserPolicy", "Write an inline policy granting anything on a user, oneself included.", Rhino, "iam-007", S("iam:PutUserPolicy", Users)),
        Method("PutGroupPolicy", "Write an inline policy granting anything on a group the principal is in.", Rhino, "iam-011", S("iam:PutGroupPolicy", Groups)),
        Method("PutRolePolicy", "Write an inline policy granting anything on a role the principal is or can assume.", Rhino, "iam-005", S("iam:PutRolePolicy", Roles)),

        // 3. Updating a trust policy (Rhino). In one account a trust policy naming the principal suffices to assume the role.
        Method("UpdateRolePolicyToAssumeIt", "Rewrite a privileged role's trust policy to trust oneself, then assume it.", Rhino, "iam-012", S("iam:UpdateAssumeRolePolicy", Roles)),

        // 4. iam:PassRole to a service that runs the principal's code (Rhino).
        Method("CreateEC2WithExistingIP", "Launch an instance with a privileged instance profile and read its credentials.", Rhino, "ec2-001", PassRoleToEc2, S("ec2:RunInstances")),
        Method("PassExistingRoleToNewLambdaThenInvoke", "Create a Lambda function with a privileged role and invoke it.", Rhino, "lambda-001", PassRoleToLambda, S("lambda:CreateFunction"), S("lambda:InvokeFunction")),
        Method("PassExistingRoleToNewLambdaThenTriggerWithNewDynamo", "Create a Lambda function with a privileged role, triggered by a new DynamoDB table.", Rhino, "lambda-002", PassRoleToLambda, S("lambda:CreateFunction"), S("lambda:CreateEventSourceMapping"), S("dynamodb:CreateTable"), S("dynamodb:PutItem")),
        Method("PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo", "Create a Lambda function with a privileged role, triggered by an existing DynamoDB stream.", Rhino, "lambda-002", PassRoleToLambda, S("lambda:CreateFunction"), S("lambda:CreateEventSourceMapping")),
        Method("PassExistingRoleToNewGlueDevEndpoint", "Create a Glue development endpoint with a privileged role and SSH into it.", Rhino, "glue-001", PassRoleToGlue, S("glue:CreateDevEndpoint")),
        Method("PassExistingRoleToCloudFormation", "Create a CloudFormation stack that runs with a privileged role.", Rhino, "cloudformation-001", PassRoleToCloudFormation, S("cloudformation:CreateStack")),
        Method("PassExistingRoleToNewDataPipeline", "Create a Data Pipeline that runs commands with a privileged role.", Rhino, "datapipeline-001", PassRole, S("datapipeline:CreatePipeline")),

        // 5. Existing resources that run with a role (Rhino).
        Method("UpdateExistingGlueDevEndpoint", "Put one's SSH key on an existing Glue development endpoint and use its role.", Rhino, "glue-002", S("glue:UpdateDevEndpoint")),
        Method("EditExistingLambdaFunctionWithRole", "Replace the code of an existing Lambda function and use its role.", Rhino, "lambda-003", S("lambda:UpdateFunctionCode")),

        // pathfinding.cloud paths cloudsplaining lists: existing resources.
        Method("AccessExistingBedrockCodeInterpreterSession", "Run code in an existing Bedrock AgentCore code interpreter session and use its role.", ViaCloudsplaining, "bedrock-002", S("bedrock-agentcore:StartCodeInterpreterSession"), S("bedrock-agentcore:InvokeCodeInterpreter")),
        Method("ExecuteCloudFormationChangeSet", "Create and execute a change set on a stack with a privileged service role.", ViaCloudsplaining, "cloudformation-005", S("cloudformation:CreateChangeSet"), S("cloudformation:ExecuteChangeSet")),
        Method("ModifyEC2InstanceUserDataThenRestart", "Change an instance's user data and restart it to run code with its role.", ViaCloudsplaining, "ec2-002", S("ec2:ModifyInstanceAttribute"), S("ec2:StopInstances"), S("ec2:StartInstances")),
        Method("ModifyExistingEC2LaunchTemplate", "Add a launch template version that runs code with its instance profile.", ViaCloudsplaining, "ec2-004", S("ec2:CreateLaunchTemplateVersion"), S("ec2:ModifyLaunchTemplate")),
        Method("EC2InstanceConnectSendSSHPublicKey", "Push an SSH key through EC2 Instance Connect and use the instance's role.", ViaCloudsplaining, "ec2instanceconnect-003", S("ec2-instance-connect:SendSSHPublicKey"), S("ec2:DescribeInstances")),
        Method("ECSExecuteCommandOnRunningTask", "Open a shell in a running ECS task and use its task role.", ViaCloudsplaining, "ecs-006", S("ecs:ExecuteCommand"), S("ecs:DescribeTasks")),
        Method("UpdateAndInvokeLambdaFunction", "Replace a Lambda function's code and invoke it.", ViaCloudsplaining, "lambda-004", S("lambda:UpdateFunctionCode"), S("lambda:InvokeFunction")),
        Method("UpdateLambdaFunctionAndAddPermission", "Replace a Lambda function's code and allow oneself to invoke it.", ViaCloudsplaining, "lambda-005", S("lambda:UpdateFunctionCode"), S("lambda:AddPermission")),
        Method("CreatePresignedSageMakerNotebookUrl", "Open an existing SageMaker notebook and use its role.", ViaCloudsplaining, "sagemaker-004", S("sagemaker:CreatePresignedNotebookInstanceUrl")),
        Method("UpdateSageMakerNotebookLifecycleConfig", "Attach a lifecycle script to a notebook and restart it to run code with its role.", ViaCloudsplaining, "sagemaker-005", S("sagemaker:CreateNotebookInstanceLifecycleConfig"), S("sagemaker:StopNotebookInstance"), S("sagemaker:UpdateNotebookInstance"), S("sagemaker:StartNotebookInstance")),

        // pathfinding.cloud paths cloudsplaining lists: passing a role to something new.
        Method("PassExistingRoleToNewAppRunnerService", "Create an App Runner service with a privileged role.", ViaCloudsplaining, "apprunner-001", PassRole, S("apprunner:CreateService")),
        Method("PassExistingRoleToNewBedrockCodeInterpreter", "Create a Bedrock AgentCore code interpreter with a privileged role and run code in it.", ViaCloudsplaining, "bedrock-001", PassRole, S("bedrock-agentcore:CreateCodeInterpreter"), S("bedrock-agentcore:StartCodeInterpreterSession"), S("bedrock-agentcore:InvokeCodeInterpreter")),
        Method("PassExistingRoleToNewCloudFormationStackSet", "Create a stack set that deploys with a privileged role.", ViaCloudsplaining, "cloudformation-003", PassRoleToCloudFormation, S("cloudformation:CreateStackSet"), S("cloudformation:CreateStackInstances")),
        Method("PassRoleToUpdateCloudFormationStackSet", "Update a stack set to deploy with a privileged role.", ViaCloudsplaining, "cloudformation-004", PassRoleToCloudFormation, S("cloudformation:UpdateStackSet")),
        Method("PassExistingRoleToNewCodeBuildProjectThenBuild", "Create a CodeBuild project with a privileged role and start a build.", ViaCloudsplaining, "codebuild-001", PassRoleToCodeBuild, S("codebuild:CreateProject"), S("codebuild:StartBuild")),
        Method("PassExistingRoleToNewCodeBuildProjectThenBuildBatch", "Create a CodeBuild project with a privileged role and start a batch build.", ViaCloudsplaining, "codebuild-004", PassRoleToCodeBuild, S("codebuild:CreateProject"), S("codebuild:StartBuildBatch")),
        Method("PassExistingRoleToNewEC2SpotInstance", "Request a spot instance with a privileged instance profile.", ViaCloudsplaining, "ec2-003", PassRoleToEc2, S("ec2:RequestSpotInstances")),
        Method("PassExistingRoleToNewECSClusterServiceTask", "Create a cluster, task definition with a privileged role, and service.", ViaCloudsplaining, "ecs-001", PassRoleToEcsTasks, S("ecs:CreateCluster"), S("ecs:RegisterTaskDefinition"), S("ecs:CreateService")),
        Method("PassExistingRoleToNewECSClusterRunTask", "Create a cluster and run a task with a privileged role.", ViaCloudsplaining, "ecs-002", PassRoleToEcsTasks, S("ecs:CreateCluster"), S("ecs:RegisterTaskDefinition"), S("ecs:RunTask")),
        Method("PassExistingRoleToNewECSService", "Register a task definition with a privileged role and create a service.", ViaCloudsplaining, "ecs-003", PassRoleToEcsTasks, S("ecs:RegisterTaskDefinition"), S("ecs:CreateService")),
        Method("PassExistingRoleToNewECSTaskViaRunTask", "Register a task definition with a privileged role and run it.", ViaCloudsplaining, "ecs-004", PassRoleToEcsTasks, S("ecs:RegisterTaskDefinition"), S("ecs:RunTask")),
        Method("PassExistingRoleToNewECSTaskViaStartTask", "Register a task definition with a privileged role and start it.", ViaCloudsplaining, "ecs-005", PassRoleToEcsTasks, S("ecs:RegisterTaskDefinition"), S("ecs:StartTask")),
        Method("PassExistingRoleToNewGlueJobThenRun", "Create a Glue job with a privileged role and run it.", ViaCloudsplaining, "glue-003", PassRoleToGlue, S("glue:CreateJob"), S("glue:StartJobRun")),
        Method("PassExistingRoleToNewGlueJobViaTrigger", "Create a Glue job with a privileged role and a trigger for it.", ViaCloudsplaining, "glue-004", PassRoleToGlue, S("glue:CreateJob"), S("glue:CreateTrigger")),
        Method("PassExistingRoleToUpdatedGlueJobThenRun", "Give an existing Glue job a privileged role and run it.", ViaCloudsplaining, "glue-005", PassRoleToGlue, S("glue:UpdateJob"), S("glue:StartJobRun")),
        Method("PassExistingRoleToUpdatedGlueJobViaTrigger", "Give an existing Glue job a privileged role and trigger it.", ViaCloudsplaining, "glue-006", PassRoleToGlue, S("glue:UpdateJob"), S("glue:CreateTrigger")),
        Method("PassExistingRoleToNewLambdaThenAddPermission", "Create a Lambda function with a privileged role and allow oneself to invoke it.", ViaCloudsplaining, "lambda-006", PassRoleToLambda, S("lambda:CreateFunction"), S("lambda:AddPermission")),
        Method("PassExistingRoleToNewSageMakerNotebookInstance", "Create a SageMaker notebook with a privileged role.", ViaCloudsplaining, "sagemaker-001", PassRoleToSageMaker, S("sagemaker:CreateNotebookInstance")),
        Method("PassExistingRoleToNewSageMakerTrainingJob", "Create a SageMaker training job with a privileged role.", ViaCloudsplaining, "sagemaker-002", PassRoleToSageMaker, S("sagemaker:CreateTrainingJob")),
        Method("PassExistingRoleToNewSageMakerProcessingJob", "Create a SageMaker processing job with a privileged role.", ViaCloudsplaining, "sagemaker-003", PassRoleToSageMaker, S("sagemaker:CreateProcessingJob")),

        // pathfinding.cloud paths cloudsplaining lists: principal access.
        Method("CreateAndRotateAccessKey", "Delete one of another user's keys to make room, then create one.", ViaCloudsplaining, "iam-003", S("iam:CreateAccessKey", OtherUsers), S("iam:DeleteAccessKey", OtherUsers)),
        Method("AttachUserPolicyThenCreateAccessKey", "Attach an admin policy to a user, then create its access key.", ViaCloudsplaining, "iam-015", S("iam:AttachUserPolicy", Users), S("iam:CreateAccessKey", OtherUsers)),
        Method("CreatePolicyVersionThenAssumeRole", "Rewrite a role's customer-managed policy, then assume the role.", ViaCloudsplaining, "iam-016", S("iam:CreatePolicyVersion", CustomerManagedPolicies), S("sts:AssumeRole", Roles)),
        Method("PutUserPolicyThenCreateAccessKey", "Put an admin inline policy on a user, then create its access key.", ViaCloudsplaining, "iam-018", S("iam:PutUserPolicy", Users), S("iam:CreateAccessKey", OtherUsers)),
        Method("AttachRolePolicyThenUpdateAssumeRolePolicy", "Attach an admin policy to a role and make it trust oneself.", ViaCloudsplaining, "iam-019", S("iam:AttachRolePolicy", Roles), S("iam:UpdateAssumeRolePolicy", Roles)),
        Method("CreatePolicyVersionThenUpdateAssumeRolePolicy", "Rewrite a role's policy and make the role trust oneself.", ViaCloudsplaining, "iam-020", S("iam:CreatePolicyVersion", CustomerManagedPolicies), S("iam:UpdateAssumeRolePolicy", Roles)),
        Method("PutRolePolicyThenUpdateAssumeRolePolicy", "Put an admin inline policy on a role and make it trust oneself.", ViaCloudsplaining, "iam-021", S("iam:PutRolePolicy", Roles), S("iam:UpdateAssumeRolePolicy", Roles)),

        // pathfinding.cloud paths cloudsplaining does not list (IAM-Vulnerable exercises them).
        Method("UpdateExistingCloudFormationStack", "Update a stack that has a privileged service role so it creates an admin role for oneself.", AddedHere, "cloudformation-002", S("cloudformation:UpdateStack")) with { InCloudsplaining = false },
        Method("SsmStartSessionOnInstance", "Open an SSM session on an instance and use its instance profile's role.", AddedHere, "ssm-001", S("ssm:StartSession")) with { InCloudsplaining = false },
        Method("SsmSendCommandToInstance", "Run a command on an instance through SSM and use its instance profile's role.", AddedHere, "ssm-002", S("ssm:SendCommand")) with { InCloudsplaining = false },
        new PrivilegeEscalationMethod
        {
            Id = "AssumePrivilegedRole",
            Description = "Assume, directly or through other roles, a role that is an administrator.",
            Source = AddedHere,
            Reference = "https://pathfinding.cloud/paths/sts-001",
            Kind = EscalationMethodKind.RoleChain,
            InCloudsplaining = false,
        },
    ];

    private static readonly Lazy<Dictionary<string, PrivilegeEscalationMethod>> ById =
        new(() => Methods.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase));

    public static PrivilegeEscalationMethod? Find(string id) => ById.Value.GetValueOrDefault(id);

    private static EscalationStep S(string action, EscalationTarget target = None) => new(action, target);

    private static EscalationStep PassRoleTo(string servicePrincipal) => new("iam:PassRole", Roles) { PassedToService = servicePrincipal };

    private static PrivilegeEscalationMethod Method(string id, string description, string source, string? path, params EscalationStep[] steps) => new()
    {
        Id = id,
        Description = description,
        Source = source,
        Reference = path is null ? RhinoArticle : $"https://pathfinding.cloud/paths/{path}",
        Steps = steps,
    };
}
