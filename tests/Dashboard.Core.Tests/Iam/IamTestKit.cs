using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Short ways to build policies, principals and requests in the IAM tests.</summary>
internal static class IamTestKit
{
    public const string Account = "111122223333";
    public const string OtherAccount = "444455556666";

    public static PrincipalContext Alice { get; } = PrincipalContext.ForUser($"arn:aws:iam::{Account}:user/alice");

    public static PrincipalContext AppRole { get; } = PrincipalContext.ForRole($"arn:aws:iam::{Account}:role/app", sessionName: "s1");

    public static PolicyDocument Parse(string json)
    {
        var result = PolicyParser.Parse(json);
        Assert.True(result.IsSuccess, result.Error);
        return result.Policy;
    }

    public static PolicyInput Input(string name, string json) => PolicyInput.FromJson(name, json);

    /// <summary>A 2012-10-17 policy with the given statements (JSON objects).</summary>
    public static string Policy(params string[] statements) =>
        $$"""{"Version": "2012-10-17", "Statement": [{{string.Join(",", statements)}}]}""";

    public static string Allow(string action, string resource = "*", string? condition = null) =>
        Statement("Allow", action, resource, condition);

    public static string Deny(string action, string resource = "*", string? condition = null) =>
        Statement("Deny", action, resource, condition);

    public static string Statement(string effect, string action, string resource = "*", string? condition = null, string? sid = null) =>
        "{" + (sid is null ? string.Empty : $"\"Sid\": \"{sid}\", ") + $"\"Effect\": \"{effect}\", \"Action\": {Json(action)}, \"Resource\": {Json(resource)}"
        + (condition is null ? string.Empty : $", \"Condition\": {condition}") + "}";

    public static EvaluationRequest Request(string action, string resource = "*", params string[] identityPolicies) => new()
    {
        Principal = Alice,
        Action = action,
        Resource = resource,
        IdentityPolicies = identityPolicies.Select((json, i) => Input($"identity-{i + 1}", json)).ToArray(),
    };

    public static OrganizationPolicyLevel Level(string name, params (string Name, string Json)[] policies) =>
        new(name, policies.Select(p => Input(p.Name, p.Json)).ToArray());

    public static string FullAwsAccess { get; } = Policy(Allow("*"));

    /// <summary>A JSON value: a string stays a string, "[a,b]" style input becomes an array.</summary>
    private static string Json(string value) => value.StartsWith('[') ? value : $"\"{value}\"";
}
