using System.Globalization;

namespace Dashboard.StandIn.Data;

/// <summary>What renders every token: the account and Region names and the seed that makes Ids unique.</summary>
internal sealed class RenderContext(string[] accountIds, string[] regions, int seed)
{
    private static readonly string[] NormalizedText = FindingStatus.SeverityNormalized.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    public string[] AccountIds { get; } = accountIds;

    public string[] Regions { get; } = regions;

    public ulong SeedMix { get; } = StableRandom.Mix((ulong)(uint)seed + 0xA0761D6478BD642FUL);

    public static string Normalized(SeverityCode code) => NormalizedText[(int)code];
}

/// <summary>One finding: its row, template and the context to render tokens.</summary>
internal readonly struct FindingView
{
    private readonly RenderContext context;

    public FindingView(RenderContext context, FindingTemplate template, in FindingRow row, int index)
    {
        this.context = context;
        Template = template;
        Row = row;
        Index = index;
    }

    public FindingTemplate Template { get; }

    public FindingRow Row { get; }

    public int Index { get; }

    public string TokenText(Token token) => token switch
    {
        Token.Account => context.AccountIds[Row.Account],
        Token.Region => context.Regions[Row.Region],
        Token.FindingId => Template.Id.Render(this),
        Token.ResourceName => VariedResourceName(),
        Token.Unique => UniqueText(),
        Token.CreatedAt => Timestamp(0, Row.CreatedAt),
        Token.UpdatedAt => Timestamp(1, Row.UpdatedAt),
        Token.FirstObservedAt => Timestamp(2, Row.FirstObservedAt),
        Token.LastObservedAt => Timestamp(3, Row.LastObservedAt),
        Token.SeverityLabel => FindingStatus.SeverityLabels[(int)Row.Severity],
        Token.SeverityNormalized => RenderContext.Normalized(Row.Severity),
        Token.WorkflowStatus => FindingStatus.WorkflowLabels[(int)Row.Workflow],
        Token.WorkflowState => FindingStatus.WorkflowStates[(int)Row.Workflow],
        Token.RecordState => FindingStatus.RecordStateLabels[(int)Row.RecordState],
        Token.ComplianceStatus => FindingStatus.ComplianceLabels[(int)Row.Compliance] ?? "NOT_AVAILABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(token), token, null),
    };

    public void WriteToken(Token token, Utf8Output output)
    {
        Span<char> chars = stackalloc char[48];
        switch (token)
        {
            case Token.FindingId:
                Template.Id.WriteJson(this, output);
                break;
            case Token.ResourceName:
                output.WriteString(JsonText.Escape(VariedResourceName()));
                break;
            case Token.Unique:
                output.WriteAscii(FormatUnique(chars));
                break;
            case Token.CreatedAt:
                WriteTimestamp(0, Row.CreatedAt, output, chars);
                break;
            case Token.UpdatedAt:
                WriteTimestamp(1, Row.UpdatedAt, output, chars);
                break;
            case Token.FirstObservedAt:
                WriteTimestamp(2, Row.FirstObservedAt, output, chars);
                break;
            case Token.LastObservedAt:
                WriteTimestamp(3, Row.LastObservedAt, output, chars);
                break;
            default:
                // Account ids, Region names and status labels are plain ASCII.
                output.WriteAscii(TokenText(token));
                break;
        }
    }

    private string Timestamp(int which, long value) => OriginalText(which, value) ?? FormatTimestamp(value);

    private void WriteTimestamp(int which, long value, Utf8Output output, Span<char> chars)
    {
        if (OriginalText(which, value) is { } original)
        {
            output.WriteString(JsonText.Escape(original));
        }
        else
        {
            output.WriteAscii(FormatTimestamp(value, chars));
        }
    }

    /// <summary>A loaded finding's own text for an unchanged timestamp (keeping its precision and offset).</summary>
    private string? OriginalText(int which, long value)
    {
        var originals = Template.OriginalTimestamps;
        return which < originals.Length && originals[which].Value == value ? originals[which].Text : null;
    }

    public static string FormatTimestamp(long unixMilliseconds)
    {
        Span<char> chars = stackalloc char[32];
        return new string(FormatTimestamp(unixMilliseconds, chars));
    }

    private static ReadOnlySpan<char> FormatTimestamp(long unixMilliseconds, Span<char> chars)
    {
        // ASFF timestamps are RFC 3339 strings; Security Hub returns them with milliseconds and a Z.
        var instant = DateTime.UnixEpoch.AddMilliseconds(unixMilliseconds);
        instant.TryFormat(chars, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return chars[..written];
    }

    private string VariedResourceName()
    {
        var name = Template.ResourceName!;
        var variant = Row.ResourceVariant;
        if (variant == 0)
        {
            return name;
        }

        if (Template.ResourceNameIsAwsId)
        {
            // i-0c10c2c7863d1a356 → i-0c10c2c7863d1XXXX: still shaped like an EC2/VPC/SG id.
            return string.Concat(name.AsSpan(0, name.Length - 4), variant.ToString("x4", CultureInfo.InvariantCulture));
        }

        return string.Concat(name, "-", variant.ToString(CultureInfo.InvariantCulture));
    }

    private string UniqueText()
    {
        Span<char> chars = stackalloc char[48];
        return new string(FormatUnique(chars));
    }

    private ReadOnlySpan<char> FormatUnique(Span<char> chars)
    {
        // v is a bijection of the finding's index, so two findings never share an Id; w only decorates.
        var v = StableRandom.Mix((ulong)Index + context.SeedMix);
        var w = StableRandom.Mix(v ^ 0x5851F42D4C957F2DUL);
        if (Template.UniqueStyle == UniqueStyle.Uuid)
        {
            // 8-4-4-4-12: w fills the first 16 digits (with the version nibble), v the last 16.
            w.TryFormat(chars, out _, "x16", CultureInfo.InvariantCulture);
            v.TryFormat(chars[16..], out _, "x16", CultureInfo.InvariantCulture);
            Span<char> uuid = stackalloc char[36];
            chars[..8].CopyTo(uuid);
            uuid[8] = '-';
            chars[8..12].CopyTo(uuid[9..]);
            uuid[13] = '-';
            chars[12..16].CopyTo(uuid[14..]);
            uuid[14] = '4';
            uuid[18] = '-';
            chars[16..20].CopyTo(uuid[19..]);
            uuid[23] = '-';
            chars[20..32].CopyTo(uuid[24..]);
            uuid.CopyTo(chars);
            return chars[..36];
        }

        var length = Math.Clamp(Template.UniqueLength, 16, 48);
        v.TryFormat(chars, out _, "x16", CultureInfo.InvariantCulture);
        var filled = 16;
        var extra = w;
        Span<char> more = stackalloc char[16];
        while (filled < length)
        {
            extra.TryFormat(more, out _, "x16", CultureInfo.InvariantCulture);
            var take = Math.Min(16, length - filled);
            more[..take].CopyTo(chars[filled..]);
            filled += take;
            extra = StableRandom.Mix(extra);
        }

        return chars[..length];
    }
}
