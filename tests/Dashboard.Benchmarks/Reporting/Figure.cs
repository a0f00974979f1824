namespace Dashboard.Benchmarks.Reporting;

internal enum Verdict
{
    /// <summary>A figure reported for information; the issue sets no target for it.</summary>
    None,
    Pass,
    Miss,
    /// <summary>The figure could not be measured (e.g. no sqlite3 CLI for the baseline).</summary>
    Skipped,
}

/// <summary>One measured figure with its target, as printed and written to the markdown table.</summary>
internal sealed record Figure(string Name, string Value, string Target = "—", Verdict Verdict = Verdict.None, string? Note = null)
{
    public string VerdictText => Verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Miss => "MISS",
        Verdict.Skipped => "SKIPPED",
        _ => "",
    };

    /// <summary>PASS when <paramref name="ok"/>, otherwise MISS.</summary>
    public static Verdict Check(bool ok) => ok ? Verdict.Pass : Verdict.Miss;
}
