using Amazon.Runtime;
using Dashboard.Core.Organizations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Organizations;

/// <summary>
/// Reads a whole organization with the ambient (management or delegated-administrator) credentials:
/// DescribeOrganization, ListRoots, the OU tree level by level (ListOrganizationalUnitsForParent and
/// ListAccountsForParent for each parent), then for each policy type enabled on the root (SCPs, and RCPs
/// when enabled) ListPolicies, ListPoliciesForTarget for the root, every OU and every account, and
/// DescribePolicy for each policy. Organizations' DescribeEffectivePolicy does not support SCPs, so the
/// attachments are what effective SCPs are computed from (Core's EffectivePolicies).
/// Errors: <see cref="OrganizationsAccessException"/> (not in an organization, or not allowed to list it),
/// AmazonServiceException after the SDK's retries, <see cref="AwsResponseFormatException"/>.
/// </summary>
public sealed class OrganizationCollector(OrganizationsClient client, IOptions<OrganizationsOptions> options, ILogger<OrganizationCollector> logger)
{
    /// <summary>AWS allows 5 OU levels below the root; anything much deeper means the service is answering nonsense.</summary>
    public const int MaxDepth = 10;

    public async Task<OrganizationSnapshot> CollectAsync(CancellationToken cancellationToken)
    {
        var session = await client.OpenAsync(cancellationToken).ConfigureAwait(false);
        var organization = await session.DescribeOrganizationAsync(cancellationToken).ConfigureAwait(false);
        var roots = await session.ListRootsAsync(cancellationToken).ConfigureAwait(false);
        var root = roots.Count > 0
            ? roots[0]
            : throw new AwsResponseFormatException("Organizations", "ListRoots", $"organization {organization.Id} returned no root.");

        var (units, accounts) = await ReadTreeAsync(session, root.Id, cancellationToken).ConfigureAwait(false);
        var targets = new List<string>(1 + units.Count + accounts.Count) { root.Id };
        targets.AddRange(units.Select(u => u.Id));
        targets.AddRange(accounts.Select(a => a.Id));

        var policies = new Dictionary<string, OrganizationPolicy>(StringComparer.Ordinal);
        var attachments = targets.ToDictionary(t => t, _ => new List<string>(), StringComparer.Ordinal);
        var enabledTypes = new List<string>();
        foreach (var type in PolicyTypesToRead(root))
        {
            if (!await ReadPoliciesAsync(session, type, targets, policies, attachments, cancellationToken).ConfigureAwait(false)) continue;
            enabledTypes.Add(type);
        }

        var snapshot = OrganizationSnapshot.Create(
            organization,
            // Only the types actually read count as enabled: a type listed as enabled but not read would
            // leave every level without policies of it, which the evaluator rightly reads as "nothing allowed".
            new OrganizationRoot(root.Id, root.Name) { Arn = root.Arn, EnabledPolicyTypes = enabledTypes },
            units,
            accounts,
            policies.Values,
            attachments.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal),
            $"Organization {organization.Id} as read from AWS");
        logger.LogInformation(
            "Read organization {OrganizationId} as account {AccountId}: {Accounts} accounts, {Units} OUs, {Policies} policies ({Types}) in {Calls} calls with {Retries} retries",
            organization.Id, session.CallerAccountId, accounts.Count, units.Count, policies.Count, string.Join(", ", enabledTypes), session.Calls, session.Retries);
        return snapshot;
    }

    private IEnumerable<string> PolicyTypesToRead(RootSummary root)
    {
        if (root.EnabledPolicyTypes.Contains(OrganizationPolicyTypes.ServiceControlPolicy)) yield return OrganizationPolicyTypes.ServiceControlPolicy;
        if (options.Value.IncludeResourceControlPolicies && root.EnabledPolicyTypes.Contains(OrganizationPolicyTypes.ResourceControlPolicy))
            yield return OrganizationPolicyTypes.ResourceControlPolicy;
    }

    /// <summary>Breadth first, one level of parents at a time, each level's parents read concurrently.</summary>
    private async Task<(List<OrganizationalUnit> Units, List<OrganizationAccount> Accounts)> ReadTreeAsync(OrganizationsSession session, string rootId, CancellationToken cancellationToken)
    {
        var units = new List<OrganizationalUnit>();
        var accounts = new List<OrganizationAccount>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { rootId };
        IReadOnlyList<string> level = [rootId];
        for (var depth = 0; level.Count > 0; depth++)
        {
            if (depth > MaxDepth)
                throw new AwsResponseFormatException("Organizations", "ListOrganizationalUnitsForParent", $"the OU tree is deeper than {MaxDepth} levels (AWS allows 5).");

            var children = await ForEachAsync(level, async (parentId, ct) => (
                Units: await session.ListOrganizationalUnitsForParentAsync(parentId, ct).ConfigureAwait(false),
                Accounts: await session.ListAccountsForParentAsync(parentId, ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);

            var next = new List<string>();
            for (var i = 0; i < level.Count; i++)
            {
                foreach (var unit in children[i].Units)
                {
                    // An OU listed twice (under two parents, or as its own descendant) would loop forever.
                    if (!seen.Add(unit.Id))
                        throw new AwsResponseFormatException("Organizations", "ListOrganizationalUnitsForParent", $"OU {unit.Id} is listed more than once in the tree.");
                    units.Add(new OrganizationalUnit(unit.Id, unit.Name, level[i]) { Arn = unit.Arn });
                    next.Add(unit.Id);
                }

                foreach (var account in children[i].Accounts)
                {
                    if (!seen.Add(account.Id))
                        throw new AwsResponseFormatException("Organizations", "ListAccountsForParent", $"account {account.Id} is listed more than once in the tree.");
                    accounts.Add(new OrganizationAccount(account.Id, account.Name, account.Email, account.Status, level[i])
                    {
                        Arn = account.Arn,
                        JoinedMethod = account.JoinedMethod,
                        JoinedAt = account.JoinedAt,
                    });
                }
            }

            level = next;
        }

        return (units, accounts);
    }

    /// <summary>Reads one policy type; false when the type turns out not to be enabled (PolicyTypeNotEnabledException).</summary>
    private async Task<bool> ReadPoliciesAsync(
        OrganizationsSession session,
        string type,
        IReadOnlyList<string> targets,
        Dictionary<string, OrganizationPolicy> policies,
        Dictionary<string, List<string>> attachments,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<PolicySummary> listed;
        IReadOnlyList<IReadOnlyList<PolicySummary>> attached;
        try
        {
            listed = await session.ListPoliciesAsync(type, cancellationToken).ConfigureAwait(false);
            attached = await ForEachAsync(targets, (target, ct) => session.ListPoliciesForTargetAsync(target, type, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "PolicyTypeNotEnabledException")
        {
            // The root said the type was enabled but it is being disabled: no policies of it apply.
            logger.LogInformation("Organizations policy type {PolicyType} is not enabled; no such policies are read", type);
            return false;
        }

        // Every listed policy, plus any attached one that ListPolicies missed (it changed between the calls).
        var ids = listed.Select(p => p.Id).Concat(attached.SelectMany(a => a).Select(p => p.Id)).Distinct(StringComparer.Ordinal).ToList();
        var details = await ForEachAsync(ids, (id, ct) => session.DescribePolicyAsync(id, ct), cancellationToken).ConfigureAwait(false);
        foreach (var detail in details)
        {
            var summary = detail.Summary;
            policies[summary.Id] = new OrganizationPolicy(summary.Id, summary.Name, summary.Type, summary.AwsManaged, detail.Content)
            {
                Arn = summary.Arn,
                Description = summary.Description,
            };
        }

        for (var i = 0; i < targets.Count; i++) attachments[targets[i]].AddRange(attached[i].Select(p => p.Id));
        return true;
    }

    private async Task<TResult[]> ForEachAsync<T, TResult>(IReadOnlyList<T> items, Func<T, CancellationToken, Task<TResult>> body, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (i, ct) => results[i] = await body(items[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
