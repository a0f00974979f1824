using System.Text.Json.Serialization;

namespace Dashboard.StandIn.Faults;

/// <summary>
/// The JSON body of POST /_standin/faults, for a stand-in running in another process, e.g.
/// {"throttleNext": 2, "accountId": "123456789012"} or {"denyAccount": "123456789012"} or {"reset": true}
/// or {"denyAction": "iam:GenerateCredentialReport", "accountId": "123456789012"}.
/// </summary>
internal sealed record FaultCommand
{
    public bool Reset { get; init; }

    /// <summary>Limits the *Next faults of this command to calls made as this account.</summary>
    public string? AccountId { get; init; }

    public int? ThrottleNext { get; init; }

    public int? ServerErrorNext { get; init; }

    public bool MalformedNextPage { get; init; }

    public bool MalformedFindingInNextPage { get; init; }

    public string? DenyAccount { get; init; }

    public string? AllowAccount { get; init; }

    public string? DenyAssumeRole { get; init; }

    /// <summary>An IAM action denied to <see cref="AccountId"/> alone, e.g. iam:GenerateCredentialReport.</summary>
    public string? DenyAction { get; init; }

    public string? AllowAction { get; init; }

    public string? AllowAssumeRole { get; init; }

    public void ApplyTo(StandInFaults faults)
    {
        // Checked before anything is applied, so a bad command changes nothing.
        if ((DenyAction ?? AllowAction) is not null && string.IsNullOrWhiteSpace(AccountId))
        {
            throw new ArgumentException("denyAction and allowAction need the accountId the action is denied to.");
        }

        if (Reset)
        {
            faults.Reset();
        }

        if (ThrottleNext is { } throttle)
        {
            faults.ThrottleNext(throttle, AccountId);
        }

        if (ServerErrorNext is { } serverError)
        {
            faults.ServerErrorNext(serverError, AccountId);
        }

        if (MalformedNextPage)
        {
            faults.MalformedNextPage(AccountId);
        }

        if (MalformedFindingInNextPage)
        {
            faults.MalformedFindingInNextPage(AccountId);
        }

        Apply(DenyAccount, faults.DenyAccount);
        Apply(AllowAccount, faults.AllowAccount);
        Apply(DenyAssumeRole, faults.DenyAssumeRole);
        Apply(AllowAssumeRole, faults.AllowAssumeRole);
        Apply(DenyAction, action => faults.DenyAction(AccountId!, action));
        Apply(AllowAction, action => faults.AllowAction(AccountId!, action));
    }

    private static void Apply(string? accountId, Action<string> action)
    {
        if (!string.IsNullOrWhiteSpace(accountId))
        {
            action(accountId);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FaultCommand))]
internal sealed partial class FaultCommandJson : JsonSerializerContext;
