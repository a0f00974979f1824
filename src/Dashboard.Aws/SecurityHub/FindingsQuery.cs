namespace Dashboard.Aws.SecurityHub;

/// <summary>What one account-Region read asks Security Hub for.</summary>
public sealed record FindingsQuery
{
    /// <summary>Incremental read: an UpdatedAt filter from here to now (both Start and End are sent).</summary>
    public DateTimeOffset? UpdatedAfter { get; init; }

    /// <summary>Full refresh: RecordState EQUALS ACTIVE.</summary>
    public bool ActiveOnly { get; init; }

    /// <summary>Through an aggregator or delegated administrator: AwsAccountId EQUALS this account.</summary>
    public string? AwsAccountIdFilter { get; init; }

    /// <summary>Findings per page, 1 to 100.</summary>
    public int PageSize { get; init; } = GetFindingsRequest.MaxPageSize;

    public GetFindingsRequest ToRequest(DateTimeOffset now)
    {
        var filters = new FindingFilters();
        if (UpdatedAfter is { } after)
            filters.Add("UpdatedAt", DateFilter.Between(after < now ? after : now, now));
        if (ActiveOnly)
            filters.Add("RecordState", StringFilter.EqualTo("ACTIVE"));
        if (!string.IsNullOrWhiteSpace(AwsAccountIdFilter))
            filters.Add("AwsAccountId", StringFilter.EqualTo(AwsAccountIdFilter));
        return new GetFindingsRequest { Filters = filters, MaxResults = PageSize };
    }
}
