using System.Text.Json.Nodes;

namespace Dashboard.StandIn.Iam;

/// <summary>Small builders for the policy documents and entities the generator writes.</summary>
internal static class IamPolicyJson
{
    public static JsonObject Document(params JsonObject[] statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray([.. statements]),
    };

    public static JsonObject Statement(string effect, string[] actions, string[] resources, JsonObject? condition = null, string? sid = null)
    {
        var statement = new JsonObject();
        if (sid is not null)
        {
            statement["Sid"] = sid;
        }

        statement["Effect"] = effect;
        statement["Action"] = actions.Length == 1 ? JsonValue.Create(actions[0]) : new JsonArray([.. actions.Select(a => JsonValue.Create(a))]);
        statement["Resource"] = resources.Length == 1 ? JsonValue.Create(resources[0]) : new JsonArray([.. resources.Select(r => JsonValue.Create(r))]);
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    public static JsonObject Allow(string[] actions, params string[] resources) => Statement("Allow", actions, resources);

    public static JsonObject Deny(string[] actions, params string[] resources) => Statement("Deny", actions, resources);

    /// <summary>A trust policy with one statement, e.g. ("Service", "lambda.amazonaws.com").</summary>
    public static JsonObject Trust(string principalType, string principal, string action = "sts:AssumeRole", JsonObject? condition = null)
    {
        var statement = new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { [principalType] = principal },
            ["Action"] = action,
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return Document(statement);
    }

    public static JsonObject Condition(string @operator, string key, string value) => new()
    {
        [@operator] = new JsonObject { [key] = value },
    };

    public static JsonObject Attached(string name, string arn) => new() { ["PolicyName"] = name, ["PolicyArn"] = arn };

    public static JsonObject Inline(string name, JsonObject document) => new() { ["PolicyName"] = name, ["PolicyDocument"] = document };

    public static JsonObject Tag(string key, string value) => new() { ["Key"] = key, ["Value"] = value };
}
