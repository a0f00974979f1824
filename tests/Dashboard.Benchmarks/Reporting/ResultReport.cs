using System.Text;

namespace Dashboard.Benchmarks.Reporting;

/// <summary>The figures of one run: printed as they come, then as a table, and optionally written as markdown.</summary>
internal sealed class ResultReport(MachineInfo machine, int findings, string? headline = null)
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<Figure> Figures => _figures;

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        var verdict = figure.Verdict == Verdict.None ? "" : $"  [{figure.VerdictText}]";
        var target = figure.Target == "—" ? "" : $"  (target {figure.Target})";
        Console.WriteLine($"  {figure.Name}: {figure.Value}{target}{verdict}{(figure.Note is null ? "" : "  — " + figure.Note)}");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public void PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine(headline is null ? $"Summary ({findings:N0} findings)" : $"Summary ({headline})");
        var width = _figures.Max(f => f.Name.Length);
        var valueWidth = _figures.Max(f => f.Value.Length);
        var targetWidth = _figures.Max(f => f.Target.Length);
        foreach (var f in _figures)
            Console.WriteLine($"  {f.Name.PadRight(width)}  {f.Value.PadRight(valueWidth)}  {f.Target.PadRight(targetWidth)}  {f.VerdictText}");
        var missed = _figures.Count(f => f.Verdict == Verdict.Miss);
        var passed = _figures.Count(f => f.Verdict == Verdict.Pass);
        Console.WriteLine($"  {passed} targets met, {missed} missed, {_figures.Count(f => f.Verdict == Verdict.Skipped)} skipped.");
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(headline ?? $"Benchmark with {findings:N0} findings (12 accounts × 3 Regions), one run of `dotnet run -c Release --project tests/Dashboard.Benchmarks`.");
        md.AppendLine();
        md.AppendLine("| Figure | Value | Target | Result |");
        md.AppendLine("|---|---|---|---|");
        foreach (var f in _figures)
            md.AppendLine($"| {Escape(f.Name)} | {Escape(f.Value)} | {Escape(f.Target)} | {f.VerdictText} |");
        md.AppendLine();
        md.AppendLine("| Machine | |");
        md.AppendLine("|---|---|");
        foreach (var (name, value) in machine.Rows()) md.AppendLine($"| {Escape(name)} | {Escape(value)} |");
        if (_notes.Count > 0 || _figures.Any(f => f.Note is not null))
        {
            md.AppendLine();
            foreach (var f in _figures.Where(f => f.Note is not null)) md.AppendLine($"- {f.Name}: {f.Note}");
            foreach (var note in _notes) md.AppendLine($"- {note}");
        }

        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
