using System.Text.Json;

namespace Dashboard.Core.Iam.Policies;

/// <summary>
/// Reads IAM policy JSON into a compiled <see cref="PolicyDocument"/>. Never throws on bad input:
/// invalid JSON, wrong types, an unknown Effect or operator, or a statement without Action yields a
/// <see cref="PolicyParseResult"/> error naming the problem and where it is.
/// </summary>
public static class PolicyParser
{
    private const string Version2012 = "2012-10-17";
    private const string Version2008 = "2008-10-17";

    // IAM rejects comments and trailing commas, so the reader does too.
    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 64 };

    public static PolicyParseResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return PolicyParseResult.Failure("the policy document is empty");
        }

        try
        {
            using var document = JsonDocument.Parse(json, ReaderOptions);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            return PolicyParseResult.Failure($"invalid JSON at {JsonErrorText.Describe(ex, json)}");
        }
    }

    /// <summary>
    /// Parses a document as IAM returns it: GetAccountAuthorizationDetails and the Query API send
    /// policy documents URL-encoded (<c>%7B%22Version%22...</c>); CLI dumps hold plain JSON.
    /// </summary>
    public static PolicyParseResult ParseMaybeUrlEncoded(string? text)
    {
        var trimmed = text?.TrimStart();
        if (trimmed is { Length: > 0 } && trimmed[0] == '%')
        {
            try
            {
                return Parse(Uri.UnescapeDataString(trimmed));
            }
            catch (UriFormatException ex)
            {
                return PolicyParseResult.Failure($"the URL-encoded policy document cannot be decoded: {ex.Message}");
            }
        }

        return Parse(text);
    }

    public static PolicyParseResult Parse(JsonElement root)
    {
        var warnings = new List<string>();
        try
        {
            return PolicyParseResult.Success(ReadDocument(root, warnings), warnings);
        }
        catch (PolicyFormatException ex)
        {
            return PolicyParseResult.Failure(ex.Message, warnings);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement.GetString throws this for an escaped lone surrogate ("\ud800"): valid JSON, invalid text.
            return PolicyParseResult.Failure($"the policy holds a string that is not valid text ({FirstSentence(ex.Message)})", warnings);
        }
    }

    private static PolicyDocument ReadDocument(JsonElement root, List<string> warnings)
    {
        if (root.ValueKind == JsonValueKind.String)
        {
            // A policy stored as a JSON string (as Organizations' Policy.Content is) is unwrapped once.
            var inner = Parse(root.GetString());
            warnings.AddRange(inner.Warnings);
            return inner.IsSuccess ? inner.Policy : throw new PolicyFormatException(inner.Error);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyFormatException($"the policy must be a JSON object, not {JsonShape.Describe(root)}");
        }

        var elements = JsonShape.ReadElements(root, "the policy", ["Version", "Id", "Statement"], warnings);
        var version = ReadVersion(elements, warnings);
        string? id = null;
        if (elements.TryGetValue("Id", out var idElement))
        {
            id = JsonShape.RequireString(idElement, "Id");
        }

        if (!elements.TryGetValue("Statement", out var statementElement))
        {
            throw new PolicyFormatException("the policy has no 'Statement'");
        }

        var reader = new StatementReader(version == PolicyVersion.V2012_10_17, warnings);
        var statements = statementElement.ValueKind switch
        {
            JsonValueKind.Object => [reader.Read(statementElement, 0, "Statement")],
            JsonValueKind.Array => ReadStatementArray(statementElement, reader),
            _ => throw new PolicyFormatException($"'Statement' must be an object or an array of objects, not {JsonShape.Describe(statementElement)}"),
        };

        if (statements.Count == 0)
        {
            warnings.Add("'Statement' is empty: the policy allows and denies nothing");
        }

        WarnOnDuplicateSids(statements, warnings);
        return new PolicyDocument(version, id, statements);
    }

    private static List<PolicyStatement> ReadStatementArray(JsonElement array, StatementReader reader)
    {
        var statements = new List<PolicyStatement>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"Statement[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyFormatException($"{path} must be an object, not {JsonShape.Describe(item)}");
            }

            statements.Add(reader.Read(item, index, path));
            index++;
        }

        return statements;
    }

    private static PolicyVersion ReadVersion(Dictionary<string, JsonElement> elements, List<string> warnings)
    {
        if (!elements.TryGetValue("Version", out var element))
        {
            warnings.Add("no 'Version': AWS reads the policy as 2008-10-17, so policy variables such as ${aws:username} are not substituted");
            return PolicyVersion.Missing;
        }

        var text = JsonShape.RequireString(element, "Version");
        return text switch
        {
            Version2012 => PolicyVersion.V2012_10_17,
            Version2008 => PolicyVersion.V2008_10_17,
            _ => throw new PolicyFormatException($"'Version' is '{text}'; IAM accepts only {Version2012} or {Version2008}"),
        };
    }

    private static void WarnOnDuplicateSids(List<PolicyStatement> statements, List<string> warnings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            if (!string.IsNullOrEmpty(statement.Sid) && !seen.Add(statement.Sid))
            {
                warnings.Add($"Sid '{statement.Sid}' is used by more than one statement; some policy types require unique Sids");
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}

/// <summary>Carries a parse error up to <see cref="PolicyParser"/>; never escapes it.</summary>
internal sealed class PolicyFormatException(string message) : Exception(message);
