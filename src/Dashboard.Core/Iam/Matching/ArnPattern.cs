namespace Dashboard.Core.Iam.Matching;

/// <summary>
/// An ARN pattern for the <c>Resource</c> element and the <c>Arn*</c> condition operators. AWS matches
/// ARNs segment by segment (the six colon-separated parts), so a wildcard stays inside its segment,
/// except that a <c>*</c> ending the pattern's last segment may run across the remaining colons
/// (IAM User Guide, "Using wildcards in resource ARNs"). Text that is not an ARN (e.g. <c>*</c>)
/// is compared as one string.
/// </summary>
internal sealed class ArnPattern
{
    private const int ArnParts = 6;

    private readonly string _compiled;
    private readonly string[] _segments;
    private readonly bool _matchAll;

    private ArnPattern(string compiled)
    {
        _compiled = compiled;
        _segments = compiled.Split(':', ArnParts);
        _matchAll = compiled.AsSpan().IndexOfAnyExcept(WildcardPattern.AnyRun) < 0;
    }

    public bool MatchesEverything => _matchAll;

    public static ArnPattern Compile(string pattern) => new(WildcardPattern.ToCompiled(pattern));

    public static ArnPattern FromCompiled(string compiled) => new(compiled);

    public bool IsMatch(string value)
    {
        if (_matchAll)
        {
            return true;
        }

        Span<int> starts = stackalloc int[ArnParts];
        var count = SplitStarts(value, starts);
        if (count < ArnParts)
        {
            return WildcardPattern.GlobMatch(_compiled, value);
        }

        var last = _segments.Length - 1;
        if (last < ArnParts - 1 && (_segments[last].Length == 0 || _segments[last][^1] != WildcardPattern.AnyRun))
        {
            return false;
        }

        for (var i = 0; i < last; i++)
        {
            var segment = value.AsSpan(starts[i], starts[i + 1] - 1 - starts[i]);
            if (!WildcardPattern.GlobMatch(_segments[i], segment))
            {
                return false;
            }
        }

        return WildcardPattern.GlobMatch(_segments[last], value.AsSpan(starts[last]));
    }

    public override string ToString() => WildcardPattern.ToDisplay(_compiled);

    /// <summary>Start offsets of up to six colon-separated parts; the sixth keeps any further colons.</summary>
    private static int SplitStarts(ReadOnlySpan<char> value, Span<int> starts)
    {
        starts[0] = 0;
        var count = 1;
        for (var i = 0; i < value.Length && count < ArnParts; i++)
        {
            if (value[i] == ':')
            {
                starts[count++] = i + 1;
            }
        }

        return count;
    }
}
