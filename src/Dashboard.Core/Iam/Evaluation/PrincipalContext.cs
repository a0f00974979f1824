using Dashboard.Core.Iam.Matching;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>What kind of caller makes the request.</summary>
public enum PrincipalKind
{
    User,

    /// <summary>A role (its session); identity policies are the role's.</summary>
    Role,

    /// <summary>An account's root user: full access to its own account unless something denies.</summary>
    Root,

    /// <summary>A role under <c>/aws-service-role/</c>: SCPs and RCPs do not restrict it.</summary>
    ServiceLinkedRole,

    /// <summary>A GetFederationToken session (<c>arn:aws:sts::ACCOUNT:federated-user/NAME</c>).</summary>
    FederatedUser,

    /// <summary>An AWS service principal such as <c>ec2.amazonaws.com</c> (trust and resource policies).</summary>
    Service,

    /// <summary>A SAML or OIDC identity provider calling AssumeRoleWith* (the <c>Federated</c> principal).</summary>
    FederatedIdentity,

    Anonymous,
}

/// <summary>
/// The caller: ARN, account and kind, plus what is known about it (tags, organization, unique id).
/// Context keys derived from it (aws:PrincipalArn, aws:username, aws:PrincipalTag/...) are computed
/// once and reused, so one instance can serve many evaluations. Unknown facts stay unknown (null)
/// rather than guessed; keys that AWS never sets for this kind (aws:username for a role) are absent.
/// </summary>
public sealed class PrincipalContext
{
    private const string TagPrefix = "aws:PrincipalTag/";

    private Dictionary<string, KeyValues>? _derived;

    /// <summary>
    /// User, role (not the session), root or federated-user ARN; the service name for
    /// <see cref="PrincipalKind.Service"/>; the provider for <see cref="PrincipalKind.FederatedIdentity"/>.
    /// This is aws:PrincipalArn.
    /// </summary>
    public required string Arn { get; init; }

    public required PrincipalKind Kind { get; init; }

    public string? AccountId { get; init; }

    /// <summary>User name or role name.</summary>
    public string? Name { get; init; }

    /// <summary>aws:userid: AIDA... for a user, AROA...:session for a role session.</summary>
    public string? UserId { get; init; }

    /// <summary>For a role: <c>arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION</c>, when known.</summary>
    public string? SessionArn { get; init; }

    /// <summary>aws:PrincipalOrgID; null when unknown.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>All of the principal's tags; null when unknown (then aws:PrincipalTag/* is unknown too).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? CanonicalUserId { get; init; }

    public bool IsServiceLinkedRole => Kind == PrincipalKind.ServiceLinkedRole;

    /// <summary>The partition from the ARN (aws, aws-cn, aws-us-gov), <c>aws</c> when there is none.</summary>
    public string Partition => Arn.StartsWith("arn:", StringComparison.Ordinal) && Arn.IndexOf(':', 4) is var end and > 4 ? Arn[4..end] : "aws";

    /// <summary>The account's root ARN, which resource policies use to name the whole account.</summary>
    public string? AccountRootArn => AccountId is null ? null : $"arn:{Partition}:iam::{AccountId}:root";

    public static PrincipalContext ForUser(string userArn, IReadOnlyDictionary<string, string>? tags = null, string? userId = null)
    {
        var principal = FromArnOrThrow(userArn);
        return principal.Kind == PrincipalKind.User
            ? principal.With(tags, userId)
            : throw new ArgumentException($"'{userArn}' is not an IAM user ARN", nameof(userArn));
    }

    /// <summary>A role, or a service-linked role when its path is <c>/aws-service-role/</c>.</summary>
    public static PrincipalContext ForRole(string roleArn, IReadOnlyDictionary<string, string>? tags = null, string? sessionName = null)
    {
        var principal = FromArnOrThrow(roleArn);
        if (principal.Kind is not (PrincipalKind.Role or PrincipalKind.ServiceLinkedRole))
        {
            throw new ArgumentException($"'{roleArn}' is not an IAM role ARN", nameof(roleArn));
        }

        var withTags = principal.With(tags, null);
        return sessionName is null || principal.SessionArn is not null
            ? withTags
            : withTags.WithSession($"arn:{principal.Partition}:sts::{principal.AccountId}:assumed-role/{principal.Name}/{sessionName}");
    }

    public static PrincipalContext ForRoot(string accountId, string partition = "aws") =>
        new() { Arn = $"arn:{partition}:iam::{accountId}:root", Kind = PrincipalKind.Root, AccountId = accountId };

    public static PrincipalContext ForService(string servicePrincipal) =>
        new() { Arn = servicePrincipal, Kind = PrincipalKind.Service, Name = servicePrincipal };

    /// <summary>
    /// Reads a principal from an ARN: user, role (service-linked under /aws-service-role/), root,
    /// assumed-role session, federated user; a bare 12-digit account id means its root user and a
    /// name ending in <c>.amazonaws.com</c> a service principal.
    /// </summary>
    public static bool TryFromArn(string? text, out PrincipalContext? principal, out string? error)
    {
        principal = null;
        error = null;
        var arn = text?.Trim() ?? string.Empty;
        if (arn.Length == 12 && arn.All(char.IsAsciiDigit))
        {
            principal = ForRoot(arn);
            return true;
        }

        if (arn.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) && !arn.Contains(':'))
        {
            principal = ForService(arn);
            return true;
        }

        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[4].Length == 0)
        {
            error = $"'{arn}' is not a principal ARN (expected arn:aws:iam::ACCOUNT:user/NAME, role/NAME, root, or an assumed-role ARN)";
            return false;
        }

        var (partition, service, account, resource) = (parts[1], parts[2], parts[4], parts[5]);
        principal = (service, resource) switch
        {
            ("iam", "root") => ForRoot(account, partition),
            ("iam", _) when resource.StartsWith("user/", StringComparison.Ordinal) =>
                new PrincipalContext { Arn = arn, Kind = PrincipalKind.User, AccountId = account, Name = LastSegment(resource) },
            ("iam", _) when resource.StartsWith("role/", StringComparison.Ordinal) => new PrincipalContext
            {
                Arn = arn,
                Kind = resource.StartsWith("role/aws-service-role/", StringComparison.Ordinal) ? PrincipalKind.ServiceLinkedRole : PrincipalKind.Role,
                AccountId = account,
                Name = LastSegment(resource),
            },
            ("sts", _) when resource.StartsWith("assumed-role/", StringComparison.Ordinal) && resource.Split('/') is { Length: >= 3 } session =>

                // The session ARN does not carry the role's path; aws:PrincipalArn is the role ARN.
                new PrincipalContext
                {
                    Arn = $"arn:{partition}:iam::{account}:role/{session[1]}",
                    Kind = PrincipalKind.Role,
                    AccountId = account,
                    Name = session[1],
                    SessionArn = arn,
                },
            ("sts", _) when resource.StartsWith("federated-user/", StringComparison.Ordinal) =>
                new PrincipalContext { Arn = arn, Kind = PrincipalKind.FederatedUser, AccountId = account, Name = LastSegment(resource) },
            _ => null,
        };

        if (principal is null)
        {
            error = $"'{arn}' is not a user, role, root, assumed-role or federated-user ARN";
            return false;
        }

        return true;
    }

    public PrincipalContext WithSession(string sessionArn) => Copy(sessionArn: sessionArn);

    public PrincipalContext WithOrganization(string organizationId) => Copy(organizationId: organizationId);

    public override string ToString() => SessionArn ?? Arn;

    /// <summary>Context keys this principal determines; false when the key is not one of them.</summary>
    internal bool TryLookupDerived(string key, out KeyValues values)
    {
        var derived = LazyInitializer.EnsureInitialized(ref _derived, BuildDerived);
        if (derived.TryGetValue(key, out values))
        {
            return true;
        }

        if (key.StartsWith(TagPrefix, StringComparison.OrdinalIgnoreCase))
        {
            values = LookupTag(key[TagPrefix.Length..]);
            return true;
        }

        return false;
    }

    private KeyValues LookupTag(string tagKey)
    {
        if (Kind is PrincipalKind.Root or PrincipalKind.Service or PrincipalKind.Anonymous)
        {
            return KeyValues.Absent;
        }

        if (Tags is null)
        {
            return KeyValues.Unknown;
        }

        // IAM tag keys are unique regardless of case, and aws:PrincipalTag/ lookups ignore case.
        foreach (var (k, v) in Tags)
        {
            if (string.Equals(k, tagKey, StringComparison.OrdinalIgnoreCase))
            {
                return KeyValues.Of(v);
            }
        }

        return KeyValues.Absent;
    }

    private Dictionary<string, KeyValues> BuildDerived()
    {
        var map = new Dictionary<string, KeyValues>(StringComparer.OrdinalIgnoreCase);
        if (Kind is PrincipalKind.Service)
        {
            map["aws:PrincipalIsAWSService"] = KeyValues.Of("true");
            map["aws:PrincipalServiceName"] = KeyValues.Of(Arn);
            foreach (var key in new[] { "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType", "aws:username", "aws:userid", "aws:PrincipalOrgID" })
            {
                map[key] = KeyValues.Absent;
            }

            return map;
        }

        map["aws:PrincipalIsAWSService"] = KeyValues.Of("false");
        map["aws:PrincipalServiceName"] = KeyValues.Absent;
        if (Kind == PrincipalKind.Anonymous)
        {
            map["aws:PrincipalType"] = KeyValues.Of("Anonymous");
            return map;
        }

        if (Kind == PrincipalKind.FederatedIdentity)
        {
            return map;
        }

        map["aws:PrincipalArn"] = KeyValues.Of(Arn);
        if (AccountId is not null)
        {
            map["aws:PrincipalAccount"] = KeyValues.Of(AccountId);
        }

        if (OrganizationId is not null)
        {
            map["aws:PrincipalOrgID"] = KeyValues.Of(OrganizationId);
        }

        map["aws:PrincipalType"] = KeyValues.Of(Kind switch
        {
            PrincipalKind.User => "User",
            PrincipalKind.Root => "Account",
            PrincipalKind.FederatedUser => "FederatedUser",
            _ => "AssumedRole",
        });

        // aws:username exists only for IAM users (IAM User Guide, global condition keys).
        map["aws:username"] = Kind == PrincipalKind.User && Name is not null ? KeyValues.Of(Name) : KeyValues.Absent;
        var userId = Kind switch
        {
            PrincipalKind.Root => AccountId,
            PrincipalKind.FederatedUser when AccountId is not null && Name is not null => $"{AccountId}:{Name}",
            _ => UserId,
        };
        if (userId is not null)
        {
            map["aws:userid"] = KeyValues.Of(userId);
        }

        return map;
    }

    private PrincipalContext With(IReadOnlyDictionary<string, string>? tags, string? userId) => Copy(tags: tags, userId: userId);

    /// <summary>A copy with some facts added; the derived-key cache is not carried over.</summary>
    private PrincipalContext Copy(
        string? sessionArn = null,
        string? organizationId = null,
        IReadOnlyDictionary<string, string>? tags = null,
        string? userId = null) => new()
        {
            Arn = Arn,
            Kind = Kind,
            AccountId = AccountId,
            Name = Name,
            UserId = userId ?? UserId,
            SessionArn = sessionArn ?? SessionArn,
            OrganizationId = organizationId ?? OrganizationId,
            Tags = tags ?? Tags,
            CanonicalUserId = CanonicalUserId,
        };

    private static PrincipalContext FromArnOrThrow(string arn) =>
        TryFromArn(arn, out var principal, out var error) ? principal! : throw new ArgumentException(error, nameof(arn));

    private static string LastSegment(string resource) => resource[(resource.LastIndexOf('/') + 1)..];
}
