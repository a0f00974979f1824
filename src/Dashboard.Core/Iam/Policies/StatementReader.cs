using System.Text.Json;

namespace Dashboard.Core.Iam.Policies;

/// <summary>Reads one statement: its elements, exclusive pairs, principals and conditions.</summary>
internal sealed class StatementReader(bool supportsVariables, List<string> warnings)
{
    private static readonly string[] StatementElements =
        ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"];

    public PolicyStatement Read(JsonElement obj, int index, string path)
    {
        var elements = JsonShape.ReadElements(obj, path, StatementElements, warnings);

        string? sid = null;
        if (elements.TryGetValue("Sid", out var sidElement))
        {
            sid = JsonShape.RequireString(sidElement, $"{path}.Sid");
        }

        var effect = ReadEffect(elements, path);
        var actions = ReadActions(elements, path);
        var resources = ReadResources(elements, path);
        var principals = ReadPrincipals(elements, path);
        var conditions = elements.TryGetValue("Condition", out var conditionElement)
            ? ConditionReader.Read(conditionElement, $"{path}.Condition", supportsVariables, warnings)
            : [];

        if (resources is null && principals is null)
        {
            warnings.Add($"{path} has neither Resource nor NotResource; identity policies and SCPs require one, so it is read as any resource");
        }

        return new PolicyStatement(index, sid, effect, actions, resources, principals, conditions);
    }

    private static PolicyEffect ReadEffect(Dictionary<string, JsonElement> elements, string path)
    {
        if (!elements.TryGetValue("Effect", out var element))
        {
            throw new PolicyFormatException($"{path} has no 'Effect'");
        }

        var text = JsonShape.RequireString(element, $"{path}.Effect");
        return text switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,

            // IAM rejects "allow"/"DENY": the value is case-sensitive.
            _ => throw new PolicyFormatException($"{path}.Effect is '{text}'; it must be exactly 'Allow' or 'Deny' (case-sensitive)"),
        };
    }

    private ActionList ReadActions(Dictionary<string, JsonElement> elements, string path)
    {
        var (negated, element) = ExclusivePair(elements, "Action", "NotAction", path)
            ?? throw new PolicyFormatException($"{path} has neither 'Action' nor 'NotAction'");
        var name = negated ? "NotAction" : "Action";
        var values = JsonShape.ReadStringOrArray(element, $"{path}.{name}");
        if (values.Count == 0)
        {
            warnings.Add($"{path}.{name} is empty");
        }

        foreach (var value in values)
        {
            if (value != "*" && !value.Contains(':'))
            {
                warnings.Add($"{path}.{name} '{value}' has no service prefix (service:action) and matches no request");
            }
        }

        return new ActionList(negated, values);
    }

    private ResourceList? ReadResources(Dictionary<string, JsonElement> elements, string path)
    {
        if (ExclusivePair(elements, "Resource", "NotResource", path) is not var (negated, element))
        {
            return null;
        }

        var name = negated ? "NotResource" : "Resource";
        var values = JsonShape.ReadStringOrArray(element, $"{path}.{name}");
        if (values.Count == 0)
        {
            warnings.Add($"{path}.{name} is empty");
        }

        return new ResourceList(negated, values, supportsVariables, warnings);
    }

    private PrincipalList? ReadPrincipals(Dictionary<string, JsonElement> elements, string path)
    {
        if (ExclusivePair(elements, "Principal", "NotPrincipal", path) is not var (negated, element))
        {
            return null;
        }

        var name = negated ? "NotPrincipal" : "Principal";
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() == "*"
                ? new PrincipalList(negated, true, [], [], [], [])
                : throw new PolicyFormatException($"{path}.{name} must be \"*\" or an object such as {{\"AWS\": ...}}, not {JsonShape.Describe(element)}");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyFormatException($"{path}.{name} must be \"*\" or an object, not {JsonShape.Describe(element)}");
        }

        var kinds = JsonShape.ReadElements(element, $"{path}.{name}", ["AWS", "Service", "Federated", "CanonicalUser"], warnings);
        var aws = kinds.TryGetValue("AWS", out var a) ? JsonShape.ReadStringOrArray(a, $"{path}.{name}.AWS") : [];
        var wildcard = aws.Remove("*");
        for (var i = 0; i < aws.Count; i++)
        {
            // IAM stores a bare account id as the account's root ARN.
            if (aws[i].Length == 12 && aws[i].All(char.IsAsciiDigit))
            {
                aws[i] = $"arn:aws:iam::{aws[i]}:root";
            }
        }

        return new PrincipalList(
            negated,
            wildcard,
            aws,
            kinds.TryGetValue("Service", out var s) ? JsonShape.ReadStringOrArray(s, $"{path}.{name}.Service") : [],
            kinds.TryGetValue("Federated", out var f) ? JsonShape.ReadStringOrArray(f, $"{path}.{name}.Federated") : [],
            kinds.TryGetValue("CanonicalUser", out var c) ? JsonShape.ReadStringOrArray(c, $"{path}.{name}.CanonicalUser") : []);
    }

    private static (bool Negated, JsonElement Element)? ExclusivePair(Dictionary<string, JsonElement> elements, string positive, string negative, string path)
    {
        var hasPositive = elements.TryGetValue(positive, out var p);
        var hasNegative = elements.TryGetValue(negative, out var n);
        if (hasPositive && hasNegative)
        {
            throw new PolicyFormatException($"{path} has both '{positive}' and '{negative}'; a statement may have only one");
        }

        return hasPositive ? (false, p) : hasNegative ? (true, n) : null;
    }
}
