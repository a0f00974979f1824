namespace Dashboard.Core.Iam.Matching;

/// <summary>Whether the request context holds a key, is known not to, or nobody said.</summary>
internal enum KeyState
{
    /// <summary>The key is in the request context (possibly with an empty set of values).</summary>
    Present,

    /// <summary>The key is known to be missing from the request context.</summary>
    Absent,

    /// <summary>The caller did not say: the engine must not guess, so decisions become conditional.</summary>
    Unknown,
}

/// <summary>What a lookup of one context key found.</summary>
internal readonly record struct KeyValues(KeyState State, IReadOnlyList<string> Values)
{
    public static KeyValues Absent { get; } = new(KeyState.Absent, []);

    public static KeyValues Unknown { get; } = new(KeyState.Unknown, []);

    public static KeyValues Of(string value) => new(KeyState.Present, [value]);

    public static KeyValues Of(IReadOnlyList<string> values) => new(KeyState.Present, values);

    /// <summary>Present with at least one value; an empty set counts as absent for most operators.</summary>
    public bool HasValues => State == KeyState.Present && Values.Count > 0;
}

/// <summary>Resolves a context key (case-insensitive) to its values for one request.</summary>
internal interface IKeyLookup
{
    KeyValues Lookup(string key);
}
