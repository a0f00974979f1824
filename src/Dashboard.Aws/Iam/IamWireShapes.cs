namespace Dashboard.Aws.Iam;

/// <summary>
/// What the Query protocol's XML does not say by itself about IAM's output members, taken from the
/// botocore model (iam-service-2.json): which elements are lists (&lt;member&gt; items, possibly none),
/// maps (&lt;entry&gt;&lt;key&gt;&lt;value&gt;), structures (possibly empty, like &lt;RoleLastUsed/&gt;),
/// booleans and integers, and which strings are URL-encoded policy documents. IAM uses each member name
/// with one type across all operations, so names are enough; a test keeps these sets in step with the model.
/// </summary>
internal static class IamWireShapes
{
    public static readonly IReadOnlySet<string> Lists = Set(
        "AccessDetails", "AccessKeyMetadata", "AccountAliases", "AttachedManagedPolicies", "AttachedPolicies",
        "Certificates", "ClientIDList", "ContextKeyNames", "DelegationRequests", "EnabledFeatures", "EntityDetailsList",
        "EvaluationResults", "GroupDetailList", "GroupList", "GroupPolicyList", "Groups", "InstanceProfileList",
        "InstanceProfiles", "MFADevices", "MatchedStatements", "MissingContextValues", "OpenIDConnectProviderList",
        "Parameters", "Policies", "PoliciesGrantingServiceAccess", "PolicyGroups", "PolicyNames", "PolicyRoles",
        "PolicyUsers", "PolicyVersionList", "PrivateKeyList", "ResourceSpecificResults", "Resources", "RoleDetailList",
        "RolePermissionRestrictionArns", "RolePolicyList", "RoleUsageList", "Roles", "SAMLProviderList", "SSHPublicKeys",
        "ServerCertificateMetadataList", "ServiceSpecificCredentials", "ServicesLastAccessed", "Tags", "ThumbprintList",
        "TrackedActionsLastAccessed", "UserDetailList", "UserPolicyList", "Users", "Values", "Versions", "VirtualMFADevices");

    /// <summary>Maps, with whether their values are integers (SummaryMap) or strings.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Maps = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["SummaryMap"] = true,
        ["Certifications"] = false,
        ["EvalDecisionDetails"] = false,
    };

    public static readonly IReadOnlySet<string> Structures = Set(
        "AccessKey", "AccessKeyLastUsed", "Certificate", "DelegationRequest", "EndPosition", "EntityInfo", "Error",
        "ErrorDetails", "Group", "InstanceProfile", "LoginProfile", "OrganizationsDecisionDetail", "PasswordPolicy",
        "Permissions", "PermissionsBoundary", "PermissionsBoundaryDecisionDetail", "Policy", "PolicyVersion", "Role",
        "RoleLastUsed", "SSHPublicKey", "ServerCertificate", "ServerCertificateMetadata", "ServiceSpecificCredential",
        "StartPosition", "User", "VirtualMFADevice");

    public static readonly IReadOnlySet<string> Booleans = Set(
        "AllowUsersToChangePassword", "AllowedByOrganizations", "AllowedByPermissionsBoundary", "ExpirePasswords",
        "HardExpiry", "IsAttachable", "IsDefaultVersion", "IsTruncated", "JwtVendingEnabled", "OnlySendByOwner",
        "PasswordResetRequired", "RequireLowercaseCharacters", "RequireNumbers", "RequireSymbols",
        "RequireUppercaseCharacters", "isTruncated");

    public static readonly IReadOnlySet<string> Integers = Set(
        "AttachmentCount", "Column", "Line", "MaxPasswordAge", "MaxSessionDuration", "MinimumPasswordLength",
        "NumberOfServicesAccessible", "NumberOfServicesNotAccessed", "PasswordReusePrevention",
        "PermissionsBoundaryUsageCount", "SessionDuration", "TotalAuthenticatedEntities");

    /// <summary>policyDocumentType members: IAM sends them URL-encoded (RFC 3986).</summary>
    public static readonly IReadOnlySet<string> Documents = Set("AssumeRolePolicyDocument", "Document", "PolicyDocument");

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
