namespace Dashboard.StandIn.Identity;

/// <summary>Who signed a request, as the stand-in understands the access key id.</summary>
internal sealed record CallerIdentity(string AccountId, string Arn, string UserId, bool IsManagement);
