using System.Text;

namespace Dashboard.Core.Iam.Matching;

/// <summary>How substituting policy variables into a value went.</summary>
internal enum SubstitutionStatus
{
    Resolved,

    /// <summary>A variable has no usable value and no default: AWS treats the statement as invalid.</summary>
    Unresolved,

    /// <summary>A variable's key was not supplied: the outcome depends on it.</summary>
    Unknown,
}

internal readonly record struct Substitution(SubstitutionStatus Status, string Value, string? Key);

/// <summary>
/// A Resource or condition value containing policy variables (<c>${aws:username}</c>,
/// <c>${aws:PrincipalTag/team, 'none'}</c>) or the escapes <c>${*}</c>, <c>${?}</c>, <c>${$}</c>. Only
/// version 2012-10-17 policies substitute variables; older ones read <c>${...}</c> literally.
/// </summary>
internal sealed class PolicyVariableTemplate
{
    private readonly Part[] _parts;

    private PolicyVariableTemplate(string raw, Part[] parts)
    {
        Raw = raw;
        _parts = parts;
        VariableKeys = parts.Where(p => p.Kind == PartKind.Variable).Select(p => p.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private enum PartKind
    {
        Literal,
        Variable,
        Escaped,
    }

    public string Raw { get; }

    public IReadOnlyList<string> VariableKeys { get; }

    /// <summary>Null when the text holds no <c>${</c>: nothing to substitute.</summary>
    public static PolicyVariableTemplate? TryParse(string raw, out string? warning)
    {
        warning = null;
        if (!raw.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < raw.Length)
        {
            var open = raw.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(raw, i, raw.Length - i);
                break;
            }

            literal.Append(raw, i, open - i);
            var close = FindClose(raw, open + 2);
            if (close < 0)
            {
                warning = $"'{raw}' has a '${{' without a closing '}}'; it is read literally";
                literal.Append(raw, open, raw.Length - open);
                break;
            }

            var inner = raw.AsSpan(open + 2, close - open - 2).Trim();
            if (inner is "*" or "?" or "$")
            {
                Flush(parts, literal);
                parts.Add(new Part(PartKind.Escaped, inner.ToString(), null));
            }
            else if (TrySplitDefault(inner, out var key, out var defaultValue))
            {
                Flush(parts, literal);
                parts.Add(new Part(PartKind.Variable, key, defaultValue));
            }
            else
            {
                warning = $"'{raw}' has a malformed policy variable '${{{inner}}}'; it is read literally";
                literal.Append(raw, open, close - open + 1);
            }

            i = close + 1;
        }

        Flush(parts, literal);
        return parts.Any(p => p.Kind != PartKind.Literal) ? new PolicyVariableTemplate(raw, parts.ToArray()) : null;
    }

    /// <summary>
    /// Substitutes the variables. With <paramref name="asPattern"/> the policy's own <c>*</c>/<c>?</c>
    /// become wildcards while substituted values and escapes stay literal characters.
    /// </summary>
    public Substitution Substitute(IKeyLookup lookup, bool asPattern)
    {
        var builder = new StringBuilder(Raw.Length + 16);
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case PartKind.Literal:
                    builder.Append(asPattern ? WildcardPattern.ToCompiled(part.Text) : part.Text);
                    break;
                case PartKind.Escaped:
                    builder.Append(part.Text);
                    break;
                default:
                    var found = lookup.Lookup(part.Text);
                    if (found.State == KeyState.Unknown)
                    {
                        return new Substitution(SubstitutionStatus.Unknown, Raw, part.Text);
                    }

                    // A multivalued key cannot be a variable; like an absent key it falls back to the default.
                    if (found.State == KeyState.Present && found.Values.Count == 1)
                    {
                        builder.Append(found.Values[0]);
                    }
                    else if (part.DefaultValue is not null)
                    {
                        builder.Append(part.DefaultValue);
                    }
                    else
                    {
                        return new Substitution(SubstitutionStatus.Unresolved, Raw, part.Text);
                    }

                    break;
            }
        }

        return new Substitution(SubstitutionStatus.Resolved, builder.ToString(), null);
    }

    private static void Flush(List<Part> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Part(PartKind.Literal, literal.ToString(), null));
            literal.Clear();
        }
    }

    /// <summary>Finds the closing brace, skipping braces inside a quoted default value.</summary>
    private static int FindClose(string raw, int from)
    {
        var quoted = false;
        for (var i = from; i < raw.Length; i++)
        {
            if (raw[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (raw[i] == '}' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TrySplitDefault(ReadOnlySpan<char> inner, out string key, out string? defaultValue)
    {
        key = string.Empty;
        defaultValue = null;
        var comma = inner.IndexOf(',');
        var keySpan = (comma < 0 ? inner : inner[..comma]).Trim();
        if (keySpan.Length == 0 || keySpan.ContainsAny(" '{$"))
        {
            return false;
        }

        key = keySpan.ToString();
        if (comma < 0)
        {
            return true;
        }

        // ${key, 'default'}: single quotes, '' stands for one quote (IAM User Guide, "Specifying default values").
        var rest = inner[(comma + 1)..].Trim();
        if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
        {
            return false;
        }

        defaultValue = rest[1..^1].ToString().Replace("''", "'", StringComparison.Ordinal);
        return true;
    }

    private readonly record struct Part(PartKind Kind, string Text, string? DefaultValue);
}
