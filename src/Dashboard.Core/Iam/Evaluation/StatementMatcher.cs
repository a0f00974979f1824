using Dashboard.Core.Iam.Matching;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>Whether and how the policy's Principal element takes part.</summary>
internal enum PrincipalCheck
{
    /// <summary>Identity policies, boundaries, session policies and SCPs: the caller is implied.</summary>
    Ignore,

    /// <summary>Resource-based policies: a statement covers only the principals it names.</summary>
    ResourcePolicy,

    /// <summary>RCPs: the Principal is always <c>*</c>; a missing one is read the same way.</summary>
    ResourceControlPolicy,
}

internal readonly record struct StatementMatch(
    StatementOutcome Outcome,
    GrantScope Scope,
    IReadOnlyList<ConditionClause>? PendingClauses,
    string? Detail);

/// <summary>Matches one statement against a request: action, resource, principal, then conditions.</summary>
internal static class StatementMatcher
{
    public static StatementMatch Match(PolicyStatement statement, bool supportsVariables, EvaluationContext context, PrincipalCheck principalCheck, bool explain)
    {
        if (statement.Actions.AnyPatternMatches(context.LowerCaseAction) == statement.Actions.IsNegated)
        {
            return Fail(StatementOutcome.ActionNotMatched, explain ? DescribeActionMiss(statement, context) : null);
        }

        List<ConditionClause>? pending = null;
        if (statement.Resources is { } resources)
        {
            var (result, missing, pattern) = MatchResources(resources, context);
            switch (result)
            {
                case ConditionResult.Invalid:
                    return Fail(StatementOutcome.VariableUnresolved, explain ? $"policy variable ${{{missing}}} in '{pattern}' has no value" : null);
                case ConditionResult.Unknown:
                    var verb = resources.IsNegated ? "does not match" : "matches";
                    pending = [new ConditionClause(missing!, resources.IsNegated ? "NotResource" : "Resource", [pattern!], $"the resource {verb} {pattern} (depends on {missing})")];
                    break;
                case ConditionResult.False:
                    return Fail(StatementOutcome.ResourceNotMatched, explain ? DescribeResourceMiss(resources, context) : null);
            }
        }

        // Policies without a Principal element apply to the caller as fully as a direct grant.
        var scope = GrantScope.Direct;
        if (principalCheck != PrincipalCheck.Ignore)
        {
            IReadOnlyList<string>? unlisted = null;
            scope = statement.Principals is { } principals
                ? PrincipalMatcher.Match(principals, context.Principal, out unlisted)
                : principalCheck == PrincipalCheck.ResourceControlPolicy ? GrantScope.Direct : GrantScope.None;
            if (scope == GrantScope.None && unlisted is not null && statement.Effect == PolicyEffect.Deny)
            {
                // Excluded by name only: whether the Deny still hits depends on which identity AWS checks.
                scope = GrantScope.Direct;
                pending = [.. pending ?? [], NotPrincipalClause(unlisted)];
            }
            else if (scope == GrantScope.None)
            {
                return Fail(StatementOutcome.PrincipalNotMatched, explain ? DescribePrincipalMiss(statement, context) : null);
            }
        }

        foreach (var condition in statement.Conditions)
        {
            switch (ConditionEvaluator.Evaluate(condition, context, out var missingKey))
            {
                case ConditionResult.False:
                    return Fail(StatementOutcome.ConditionFalse, explain ? $"condition not met: {ConditionText.Describe(condition)}" : null);
                case ConditionResult.Invalid:
                    return Fail(StatementOutcome.VariableUnresolved, explain ? $"policy variable ${{{missingKey}}} in {condition.Operator.Name} {condition.Key} has no value" : null);
                case ConditionResult.Unknown:
                    (pending ??= []).Add(ConditionText.Clause(condition));
                    break;
            }
        }

        if (pending is not null)
        {
            return new StatementMatch(StatementOutcome.ConditionUnknown, scope, pending, explain ? "depends on " + string.Join(" and ", pending.Select(p => p.Text)) : null);
        }

        return new StatementMatch(StatementOutcome.Applies, scope, null, explain ? "action, resource and conditions match" : null);
    }

    /// <summary>Resource patterns: any match (NotResource: none) decides; variables may leave it open.</summary>
    private static (ConditionResult Result, string? MissingKey, string? Pattern) MatchResources(ResourceList resources, EvaluationContext context)
    {
        string? unknownKey = null;
        string? unknownPattern = null;
        foreach (var entry in resources.Entries)
        {
            bool matched;
            if (entry.Pattern is not null)
            {
                matched = entry.Pattern.IsMatch(context.Resource);
            }
            else
            {
                var substituted = entry.Template!.Substitute(context, asPattern: true);
                switch (substituted.Status)
                {
                    case SubstitutionStatus.Unresolved:
                        return (ConditionResult.Invalid, substituted.Key, entry.Raw);
                    case SubstitutionStatus.Unknown:
                        unknownKey ??= substituted.Key;
                        unknownPattern ??= entry.Raw;
                        continue;
                }

                matched = ArnPattern.FromCompiled(substituted.Value).IsMatch(context.Resource);
            }

            if (matched)
            {
                return (resources.IsNegated ? ConditionResult.False : ConditionResult.True, null, null);
            }
        }

        if (unknownKey is not null)
        {
            return (ConditionResult.Unknown, unknownKey, unknownPattern);
        }

        return (resources.IsNegated ? ConditionResult.True : ConditionResult.False, null, null);
    }

    private static ConditionClause NotPrincipalClause(IReadOnlyList<string> unlisted) => new(
        "NotPrincipal",
        "NotPrincipal",
        unlisted,
        $"AWS checks {string.Join(" or ", unlisted)} before the caller (the NotPrincipal leaves {(unlisted.Count == 1 ? "it" : "them")} out; the IAM User Guide says to list the account and role too)");

    private static StatementMatch Fail(StatementOutcome outcome, string? detail) => new(outcome, GrantScope.None, null, detail);

    private static string DescribeActionMiss(PolicyStatement statement, EvaluationContext context) => statement.Actions.IsNegated
        ? $"{context.Request.Action} is excluded by NotAction"
        : $"{context.Request.Action} is not in Action [{string.Join(", ", statement.Actions.Values)}]";

    private static string DescribeResourceMiss(ResourceList resources, EvaluationContext context) => resources.IsNegated
        ? $"{context.Resource} is excluded by NotResource"
        : $"{context.Resource} is not in Resource [{string.Join(", ", resources.Values)}]";

    private static string DescribePrincipalMiss(PolicyStatement statement, EvaluationContext context) => statement.Principals is null
        ? "the statement has no Principal"
        : $"{context.Principal} is not covered by its {(statement.Principals.IsNegated ? "NotPrincipal" : "Principal")}";
}
