using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Core.Findings;

/// <summary>
/// The outcome of parsing one ASFF finding: a <see cref="Record"/>, or a rejection with the
/// finding's Id (when it could be read) and a reason a person can act on.
/// </summary>
public sealed record FindingParseResult
{
    private FindingParseResult(FindingRecord? record, string? findingId, string? error)
    {
        Record = record;
        FindingId = findingId;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Record is not null;

    public FindingRecord? Record { get; }

    /// <summary>The finding's <c>Id</c>, also on rejections when it was a readable string.</summary>
    public string? FindingId { get; }

    /// <summary>Why the finding was rejected, e.g. <c>missing required field 'Resources'</c>.</summary>
    public string? Error { get; }

    public static FindingParseResult Success(FindingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new FindingParseResult(record, record.Id, null);
    }

    public static FindingParseResult Rejected(string? findingId, string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new FindingParseResult(null, findingId, error);
    }

    public override string ToString() =>
        IsSuccess ? $"parsed {FindingId}" : $"rejected {FindingId ?? "(no readable Id)"}: {Error}";
}
