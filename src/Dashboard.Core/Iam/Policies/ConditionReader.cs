using System.Text.Json;

namespace Dashboard.Core.Iam.Policies;

/// <summary>Reads a <c>Condition</c> block: operator → key → value or values.</summary>
internal static class ConditionReader
{
    public static List<PolicyCondition> Read(JsonElement block, string path, bool supportsVariables, List<string> warnings)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyFormatException($"{path} must be an object, not {JsonShape.Describe(block)}");
        }

        var conditions = new List<PolicyCondition>();
        var operators = new HashSet<ConditionOperator>();
        foreach (var operatorProperty in block.EnumerateObject())
        {
            var opPath = $"{path}.{operatorProperty.Name}";
            if (!ConditionOperator.TryParse(operatorProperty.Name, out var op, out var canonicalCase))
            {
                throw new PolicyFormatException($"{path} uses the unknown condition operator '{operatorProperty.Name}'");
            }

            // A JSON reader keeps one of two equal names (which one varies), so whether both apply is unknown.
            if (!operators.Add(op))
            {
                throw new PolicyFormatException($"{path} has the operator '{op.Name}' more than once; put all its keys in one block");
            }

            if (!canonicalCase)
            {
                warnings.Add($"{opPath}: the operator is documented as '{op.Name}'");
            }

            if (operatorProperty.Value.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyFormatException($"{opPath} must map context keys to values, not {JsonShape.Describe(operatorProperty.Value)}");
            }

            var keyCount = 0;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var keyProperty in operatorProperty.Value.EnumerateObject())
            {
                keyCount++;
                if (!keys.Add(keyProperty.Name))
                {
                    throw new PolicyFormatException($"{opPath} has the key '{keyProperty.Name}' more than once; list its values in one array");
                }

                conditions.Add(ReadOne(op, keyProperty, $"{opPath}.{keyProperty.Name}", supportsVariables, warnings));
            }

            if (keyCount == 0)
            {
                warnings.Add($"{opPath} has no context keys");
            }
        }

        return conditions;
    }

    private static PolicyCondition ReadOne(ConditionOperator op, JsonProperty keyProperty, string path, bool supportsVariables, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(keyProperty.Name))
        {
            throw new PolicyFormatException($"{path}: a condition key is empty");
        }

        var raw = ReadValues(keyProperty.Value, path);
        if (raw.Count == 0)
        {
            warnings.Add($"{path} has no values, so it matches no request");
        }

        if (op.Kind == ConditionOperatorKind.Null && raw.Count > 1)
        {
            warnings.Add($"{path}: Null takes a single true or false");
        }

        var compiled = new List<ConditionValue>(raw.Count);
        foreach (var value in raw)
        {
            if (!ConditionValue.TryCreate(op, value, supportsVariables, warnings, out var parsed, out var error))
            {
                throw new PolicyFormatException($"{path}: {error} ({op.Name} needs {Expected(op)})");
            }

            compiled.Add(parsed);
        }

        return new PolicyCondition(op, keyProperty.Name, raw, compiled);
    }

    /// <summary>A string, number or boolean, or an array of them; IAM compares them as text.</summary>
    private static List<string> ReadValues(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var values = new List<string>(element.GetArrayLength());
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                values.Add(Scalar(item, $"{path}[{index}]"));
                index++;
            }

            return values;
        }

        return [Scalar(element, path)];
    }

    private static string Scalar(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => throw new PolicyFormatException($"{path} must be a string, number or boolean, not {JsonShape.Describe(element)}"),
    };

    private static string Expected(ConditionOperator op) => op.Family switch
    {
        ConditionFamily.Numeric => "numbers",
        ConditionFamily.Date => "dates",
        ConditionFamily.Bool or ConditionFamily.Null => "true or false",
        ConditionFamily.Binary => "base64 values",
        ConditionFamily.IpAddress => "IP addresses or CIDR blocks",
        _ => "strings",
    };
}
