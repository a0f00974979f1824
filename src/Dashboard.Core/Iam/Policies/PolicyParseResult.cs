using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Core.Iam.Policies;

/// <summary>
/// The outcome of parsing one policy document: the compiled <see cref="Policy"/>, or an
/// <see cref="Error"/> naming what is wrong (with its location, e.g. <c>Statement[2].Effect</c>).
/// <see cref="Warnings"/> lists oddities AWS tolerates, such as a missing <c>Version</c>.
/// </summary>
public sealed record PolicyParseResult
{
    private PolicyParseResult(PolicyDocument? policy, string? error, IReadOnlyList<string> warnings)
    {
        Policy = policy;
        Error = error;
        Warnings = warnings;
    }

    [MemberNotNullWhen(true, nameof(Policy))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Policy is not null;

    public PolicyDocument? Policy { get; }

    public string? Error { get; }

    public IReadOnlyList<string> Warnings { get; }

    public static PolicyParseResult Success(PolicyDocument policy, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyParseResult(policy, null, warnings);
    }

    public static PolicyParseResult Failure(string error, IReadOnlyList<string>? warnings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new PolicyParseResult(null, error, warnings ?? []);
    }

    public override string ToString() => IsSuccess
        ? $"parsed {Policy.Statements.Count} statement(s)" + (Warnings.Count > 0 ? $", {Warnings.Count} warning(s)" : string.Empty)
        : $"rejected: {Error}";
}
