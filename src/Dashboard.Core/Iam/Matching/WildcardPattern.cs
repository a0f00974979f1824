namespace Dashboard.Core.Iam.Matching;

/// <summary>
/// An IAM glob (<c>*</c> = any run of characters, <c>?</c> = exactly one) compiled once and matched
/// without Regex. Wildcards are stored as private-use sentinels so that text which must stay literal
/// (a substituted policy variable, or the <c>${*}</c>/<c>${?}</c> escapes) can sit in the same string.
/// </summary>
internal sealed class WildcardPattern
{
    internal const char AnyRun = '\uE000';
    internal const char AnyOne = '\uE001';

    private readonly string _compiled;
    private readonly Shape _shape;
    private readonly string _literal;

    private WildcardPattern(string compiled)
    {
        _compiled = compiled;
        (_shape, _literal) = Classify(compiled);
    }

    private enum Shape
    {
        MatchAll,
        Exact,
        Prefix,
        General,
    }

    /// <summary>True when the pattern matches every input (<c>*</c>).</summary>
    public bool MatchesEverything => _shape == Shape.MatchAll;

    /// <summary>Compiles a pattern as written in a policy (<c>*</c> and <c>?</c> are wildcards).</summary>
    public static WildcardPattern Compile(string pattern, bool lowerCase = false) =>
        new(ToCompiled(lowerCase ? pattern.ToLowerInvariant() : pattern));

    /// <summary>Wraps text that already carries the sentinels (see <see cref="ToCompiled"/>).</summary>
    public static WildcardPattern FromCompiled(string compiled) => new(compiled);

    /// <summary>Turns the policy's <c>*</c>/<c>?</c> into sentinels.</summary>
    public static string ToCompiled(string pattern)
    {
        if (pattern.AsSpan().IndexOfAny('*', '?') < 0)
        {
            return pattern;
        }

        return string.Create(pattern.Length, pattern, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '*' => AnyRun,
                    '?' => AnyOne,
                    var c => c,
                };
            }
        });
    }

    /// <summary>Sentinels back to <c>*</c>/<c>?</c>, for display.</summary>
    public static string ToDisplay(string compiled) =>
        compiled.Replace(AnyRun, '*').Replace(AnyOne, '?');

    public bool IsMatch(ReadOnlySpan<char> input) => _shape switch
    {
        Shape.MatchAll => true,
        Shape.Exact => input.SequenceEqual(_literal),
        Shape.Prefix => input.StartsWith(_literal, StringComparison.Ordinal),
        _ => GlobMatch(_compiled, input),
    };

    public override string ToString() => ToDisplay(_compiled);

    private static (Shape Shape, string Literal) Classify(string compiled)
    {
        var firstWildcard = compiled.AsSpan().IndexOfAny(AnyRun, AnyOne);
        if (firstWildcard < 0)
        {
            return (Shape.Exact, compiled);
        }

        if (compiled.AsSpan().IndexOfAnyExcept(AnyRun) < 0)
        {
            return (Shape.MatchAll, string.Empty);
        }

        if (firstWildcard == compiled.Length - 1 && compiled[firstWildcard] == AnyRun)
        {
            return (Shape.Prefix, compiled[..firstWildcard]);
        }

        return (Shape.General, string.Empty);
    }

    /// <summary>
    /// Classic two-pointer glob: on a mismatch, resume after the most recent <c>*</c>, letting it
    /// swallow one more character. Linear in practice, never exponential.
    /// </summary>
    internal static bool GlobMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> input)
    {
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < input.Length)
        {
            if (p < pattern.Length && pattern[p] != AnyRun && (pattern[p] == AnyOne || pattern[p] == input[s]))
            {
                p++;
                s++;
            }
            else if (p < pattern.Length && pattern[p] == AnyRun)
            {
                starP = p++;
                starS = s;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == AnyRun)
        {
            p++;
        }

        return p == pattern.Length;
    }
}
