namespace Dashboard.Core.Findings;

/// <summary>
/// ASFF severity label ⇄ normalized score ⇄ <see cref="Severity"/>, as the Security Hub user guide
/// documents it: a finding that only has <c>Severity.Normalized</c> gets its label from the ranges
/// 0 INFORMATIONAL, 1–39 LOW, 40–69 MEDIUM, 70–89 HIGH, 90–100 CRITICAL; a label alone stands for the
/// lowest score of its range (0, 1, 40, 70, 90).
/// </summary>
public static class SeverityMapping
{
    /// <summary>The labels from most to least severe, as ASFF spells them.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];

    /// <summary>Every severity, most severe first.</summary>
    public static IReadOnlyList<Severity> MostSevereFirst { get; } =
        [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Informational];

    /// <summary>The label for a 0–100 score; scores outside the range are clamped.</summary>
    public static Severity FromNormalized(int normalized) => normalized switch
    {
        <= 0 => Severity.Informational,
        < 40 => Severity.Low,
        < 70 => Severity.Medium,
        < 90 => Severity.High,
        _ => Severity.Critical,
    };

    /// <summary>The score Security Hub assigns when a provider sends only a label.</summary>
    public static int ToNormalized(Severity severity) => severity switch
    {
        Severity.Informational => 0,
        Severity.Low => 1,
        Severity.Medium => 40,
        Severity.High => 70,
        Severity.Critical => 90,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not an ASFF severity"),
    };

    /// <summary>The ASFF label, e.g. <c>CRITICAL</c>.</summary>
    public static string ToLabel(Severity severity) => severity switch
    {
        Severity.Informational => "INFORMATIONAL",
        Severity.Low => "LOW",
        Severity.Medium => "MEDIUM",
        Severity.High => "HIGH",
        Severity.Critical => "CRITICAL",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not an ASFF severity"),
    };

    /// <summary>Reads an ASFF label, ignoring case and surrounding spaces. Never throws.</summary>
    public static bool TryParseLabel(string? label, out Severity severity)
    {
        switch (label?.Trim().ToUpperInvariant())
        {
            case "INFORMATIONAL": severity = Severity.Informational; return true;
            case "LOW": severity = Severity.Low; return true;
            case "MEDIUM": severity = Severity.Medium; return true;
            case "HIGH": severity = Severity.High; return true;
            case "CRITICAL": severity = Severity.Critical; return true;
            default: severity = default; return false;
        }
    }
}
