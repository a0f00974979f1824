using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Organizations.Summaries;

/// <summary>One statement in words, e.g. "Denies organizations:LeaveOrganization on all resources."</summary>
public sealed record ScpStatementSummary(int Index, string? Sid, PolicyEffect Effect, string Text)
{
    /// <summary>The Sid in quotes, or the 1-based position when there is none (as the evaluator names statements).</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? $"#{Index + 1}" : $"'{Sid}'";

    public override string ToString() => Text;
}

/// <summary>
/// What an SCP (or RCP) denies or allows, in plain language, one sentence per statement. A policy that
/// cannot be parsed is summarised as such, with the parser's reason, so the SCP library can still list it.
/// </summary>
public sealed record ScpSummary(string PolicyName, bool IsReadable, string? Error, IReadOnlyList<ScpStatementSummary> Statements)
{
    /// <summary>The whole summary: every statement's sentence, or why the policy cannot be read.</summary>
    public string Text => IsReadable
        ? string.Join(" ", Statements.Select(s => s.Text))
        : $"Cannot be summarised: the policy is not a valid policy document ({Error}).";

    /// <summary>Statements that deny.</summary>
    public IReadOnlyList<ScpStatementSummary> Denies => [.. Statements.Where(s => s.Effect == PolicyEffect.Deny)];

    /// <summary>Statements that allow.</summary>
    public IReadOnlyList<ScpStatementSummary> Allows => [.. Statements.Where(s => s.Effect == PolicyEffect.Allow)];

    public override string ToString() => Text;
}
