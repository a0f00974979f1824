using Amazon.Runtime;

namespace Dashboard.Aws.Organizations;

public enum OrganizationsAccessProblem
{
    /// <summary>AWSOrganizationsNotInUseException: the account is not in any organization.</summary>
    NotInUse,

    /// <summary>AccessDeniedException: not the management account or a delegated administrator, or no organizations:List*/Describe* permission.</summary>
    AccessDenied,
}

/// <summary>
/// The organization cannot be read with the ambient credentials, said in words an operator can act on.
/// The AWS error is kept as the inner exception. Syncs that need no organization go on with the static
/// account list (Aws:Accounts).
/// </summary>
public sealed class OrganizationsAccessException : Exception
{
    public OrganizationsAccessException(OrganizationsAccessProblem problem, string accountId, string operation, AmazonServiceException innerException)
        : base(Describe(problem, accountId, operation, innerException), innerException)
    {
        Problem = problem;
        AccountId = accountId;
        Operation = operation;
    }

    public OrganizationsAccessProblem Problem { get; }

    /// <summary>The account the ambient credentials belong to.</summary>
    public string AccountId { get; }

    /// <summary>The Organizations operation that was refused.</summary>
    public string Operation { get; }

    /// <summary>Wraps the two errors that mean "no organization to read from here"; other errors stay as they are.</summary>
    public static bool TryWrap(AmazonServiceException error, string accountId, string operation, out OrganizationsAccessException? wrapped)
    {
        ArgumentNullException.ThrowIfNull(error);
        OrganizationsAccessProblem? problem = error.ErrorCode switch
        {
            "AWSOrganizationsNotInUseException" => OrganizationsAccessProblem.NotInUse,
            "AccessDeniedException" => OrganizationsAccessProblem.AccessDenied,
            _ => null,
        };
        wrapped = problem is { } p ? new OrganizationsAccessException(p, accountId, operation, error) : null;
        return wrapped is not null;
    }

    private static string Describe(OrganizationsAccessProblem problem, string accountId, string operation, AmazonServiceException error) => problem switch
    {
        OrganizationsAccessProblem.NotInUse =>
            $"Account {accountId} is not a member of an AWS organization (Organizations {operation} answered AWSOrganizationsNotInUseException). " +
            "Use the credentials of the organization's management account or a delegated administrator, or list the accounts in Aws:Accounts.",
        _ =>
            $"Account {accountId} may not read the organization (Organizations {operation} answered AccessDeniedException: {error.Message}). " +
            "Only the management account or a delegated administrator account can list an organization, and its credentials need " +
            "organizations:Describe* and organizations:List* permissions.",
    };
}
