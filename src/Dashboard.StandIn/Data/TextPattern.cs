using System.Text;

namespace Dashboard.StandIn.Data;

/// <summary>What a template leaves open for each generated finding.</summary>
internal enum Token : byte
{
    Account,
    Region,
    FindingId,
    ResourceName,
    Unique,
    CreatedAt,
    UpdatedAt,
    FirstObservedAt,
    LastObservedAt,
    SeverityLabel,
    SeverityNormalized,
    WorkflowStatus,
    WorkflowState,
    RecordState,
    ComplianceStatus,
}

/// <summary>
/// Literal text with tokens between the pieces. Kept twice: raw (for filtering and sorting) and as
/// JSON-escaped UTF-8 (for writing a finding into a response without re-serializing it).
/// </summary>
internal sealed class TextPattern
{
    private const int AccountOrRegionOnly = (1 << (int)Token.Account) | (1 << (int)Token.Region);

    private readonly string[] rawLiterals;
    private readonly byte[][] jsonLiterals;
    private readonly Token[] tokens;

    public TextPattern(string[] rawLiterals, byte[][] jsonLiterals, Token[] tokens)
    {
        if (rawLiterals.Length != tokens.Length + 1 || jsonLiterals.Length != rawLiterals.Length)
        {
            throw new ArgumentException("A pattern needs exactly one more literal than tokens.");
        }

        this.rawLiterals = rawLiterals;
        this.jsonLiterals = jsonLiterals;
        this.tokens = tokens;
        foreach (var token in tokens)
        {
            TokenMask |= 1 << (int)token;
        }
    }

    public int TokenMask { get; }

    public bool IsConstant => tokens.Length == 0;

    /// <summary>True when the value depends only on the finding's account and Region, so it can be cached per pair.</summary>
    public bool DependsOnAccountAndRegionOnly => TokenMask != 0 && (TokenMask & ~AccountOrRegionOnly) == 0;

    public string? ConstantValue => IsConstant ? rawLiterals[0] : null;

    public static TextPattern Constant(string value) =>
        new([value], [Encoding.UTF8.GetBytes(JsonText.Escape(value))], []);

    public string Render(in FindingView view)
    {
        if (tokens.Length == 0)
        {
            return rawLiterals[0];
        }

        // A lone token (e.g. the severity label) needs no allocation beyond the token's own string.
        if (tokens.Length == 1 && rawLiterals[0].Length == 0 && rawLiterals[1].Length == 0)
        {
            return view.TokenText(tokens[0]);
        }

        var builder = new StringBuilder(64);
        for (var i = 0; i < tokens.Length; i++)
        {
            builder.Append(rawLiterals[i]);
            builder.Append(view.TokenText(tokens[i]));
        }

        return builder.Append(rawLiterals[^1]).ToString();
    }

    public void WriteJson(in FindingView view, Utf8Output output)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            output.Write(jsonLiterals[i]);
            view.WriteToken(tokens[i], output);
        }

        output.Write(jsonLiterals[^1]);
    }
}
