using System.Linq.Expressions;

namespace Dashboard.Data.Iam;

/// <summary>
/// The ORDER BY of the IAM lists. A sort is an enum value mapped here to a column expression, so nothing a
/// link carries reaches SQL as text; a value outside the enum falls back to the list's default order.
/// Every order ends on the default keys so pages never overlap or skip rows.
/// </summary>
internal static class IamSorting
{
    public static IQueryable<IamPrincipalEntity> Order(IQueryable<IamPrincipalEntity> q, IamSort<IamPrincipalSortField>? sort)
    {
        var desc = sort?.Descending ?? false;
        var ordered = sort?.Field switch
        {
            IamPrincipalSortField.Account => By(q, p => p.AccountId, desc),
            IamPrincipalSortField.Kind => By(q, p => p.Kind, desc),
            // Unknown dates (never used, not reported) are NULL: first ascending, last descending.
            IamPrincipalSortField.Created => By(q, p => p.CreateDateTicks, desc),
            IamPrincipalSortField.LastUsed => By(q, p => p.LastUsedTicks, desc),
            IamPrincipalSortField.RiskCount => Then(By(q, p => p.RiskCount, desc), p => p.HighestRiskSeverity, desc),
            IamPrincipalSortField.Severity => Then(By(q, p => p.HighestRiskSeverity, desc), p => p.RiskCount, desc),
            IamPrincipalSortField.Name => By(q, p => p.Name, desc),
            _ => By(q, p => p.Name, false),
        };
        return ordered.ThenBy(p => p.Name).ThenBy(p => p.AccountId).ThenBy(p => p.Arn);
    }

    public static IQueryable<IamRiskEntity> Order(IQueryable<IamRiskEntity> q, IamSort<IamRiskSortField>? sort)
    {
        var desc = sort?.Descending ?? true;
        var ordered = sort?.Field switch
        {
            IamRiskSortField.Check => Then(By(q, r => r.Title, desc), r => r.Severity, true),
            IamRiskSortField.Resource => Then(By(q, r => r.ResourceName, desc), r => r.ResourceArn, desc),
            IamRiskSortField.Account => Then(By(q, r => r.AccountId, desc), r => r.Severity, true),
            IamRiskSortField.Severity => By(q, r => r.Severity, desc),
            _ => By(q, r => r.Severity, true),
        };
        return ordered.ThenBy(r => r.RuleId).ThenBy(r => r.ResourceArn).ThenBy(r => r.Id);
    }

    private static IOrderedQueryable<T> By<T, TKey>(IQueryable<T> q, Expression<Func<T, TKey>> key, bool descending)
        => descending ? q.OrderByDescending(key) : q.OrderBy(key);

    private static IOrderedQueryable<T> Then<T, TKey>(IOrderedQueryable<T> q, Expression<Func<T, TKey>> key, bool descending)
        => descending ? q.ThenByDescending(key) : q.ThenBy(key);
}
