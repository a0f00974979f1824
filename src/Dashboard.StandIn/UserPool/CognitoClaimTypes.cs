namespace Dashboard.StandIn.UserPool;

/// <summary>Claim names Cognito puts in its tokens beside the standard ones.</summary>
internal static class CognitoClaimTypes
{
    public const string Username = "cognito:username";
    public const string Groups = "cognito:groups";
    public const string TokenUse = "token_use";
    public const string AuthTime = "auth_time";

    /// <summary>The user name claim of access tokens and userInfo (the ID token says cognito:username).</summary>
    public const string AccessTokenUsername = "username";
}
