namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// The request context keys the caller knows: key → one or more values, keys case-insensitive. A key
/// with no values is known to be absent. Keys not listed are unknown (or absent, see
/// <see cref="MissingContextKeys"/>). Immutable: <see cref="With"/> returns a new set.
/// </summary>
public sealed class ContextKeys
{
    private readonly Dictionary<string, string[]> _values;

    private ContextKeys(Dictionary<string, string[]> values) => _values = values;

    public static ContextKeys Empty { get; } = new(new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public int Count => _values.Count;

    /// <summary>Sets a key's values (replacing earlier ones); no values means "known to be absent".</summary>
    public ContextKeys With(string key, params string[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var copy = new Dictionary<string, string[]>(_values, StringComparer.OrdinalIgnoreCase) { [key.Trim()] = values };
        return new ContextKeys(copy);
    }

    public ContextKeys WithAbsent(string key) => With(key);

    /// <summary>Builds from pairs; a key given more than once becomes multivalued.</summary>
    public static ContextKeys From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            if (!grouped.TryGetValue(key.Trim(), out var list))
            {
                grouped[key.Trim()] = list = [];
            }

            list.Add(value);
        }

        return new ContextKeys(grouped.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads command-line style <c>key=value</c> assignments (repeat a key for several values;
    /// <c>key=</c> alone marks it absent). The error names the assignment that is malformed.
    /// </summary>
    public static bool TryParseAssignments(IEnumerable<string> assignments, out ContextKeys keys, out string? error)
    {
        keys = Empty;
        error = null;
        var grouped = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=');
            if (equals <= 0 || string.IsNullOrWhiteSpace(assignment[..equals]))
            {
                error = $"context '{assignment}' is not key=value (e.g. aws:MultiFactorAuthPresent=true)";
                return false;
            }

            var key = assignment[..equals].Trim();
            var value = assignment[(equals + 1)..];
            if (!grouped.TryGetValue(key, out var list))
            {
                grouped[key] = list = [];
            }

            if (value.Length > 0)
            {
                list.Add(value);
            }
        }

        keys = new ContextKeys(grouped.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.OrdinalIgnoreCase));
        return true;
    }

    public bool TryGetValues(string key, out IReadOnlyList<string> values)
    {
        var found = _values.TryGetValue(key, out var array);
        values = array ?? [];
        return found;
    }
}

/// <summary>How to read a context key that neither the caller nor the principal supplies.</summary>
public enum MissingContextKeys
{
    /// <summary>Don't guess: decisions that depend on it become conditional ("allowed only if ...").</summary>
    Unknown,

    /// <summary>It is not in the request, as in a real AWS request context.</summary>
    Absent,
}
