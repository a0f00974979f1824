using System.Diagnostics;
using Dashboard.Benchmarks.Measuring;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Benchmarks.Measurements.Iam;

/// <summary>
/// Issue 4 §6: "who can perform A on R" over one account of the synthetic organization. The cold figure
/// is the first query on a freshly built snapshot (every policy parsed, every identity built); the warm
/// figures are per query on the same <see cref="IamAccountAccess"/> after a warm-up, as a page reuses it.
/// </summary>
internal static class WhoCanMeasurement
{
    public sealed record Query(string Action, string Resource);

    public sealed record QueryResult(Query Query, int Allowed, Stats Times);

    public sealed record Result(string AccountId, int Principals, TimeSpan Cold, Query ColdQuery, IReadOnlyList<QueryResult> Queries, Stats All, Stats? WithScps);

    public static IReadOnlyList<Query> QueriesFor(string account, string region) =>
    [
        new("iam:PassRole", $"arn:aws:iam::{account}:role/app-role-00016"),
        new("s3:GetObject", $"arn:aws:s3:::bench-data-7/reports/q1.csv"),
        new("kms:Decrypt", $"arn:aws:kms:{region}:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        new("sts:AssumeRole", $"arn:aws:iam::{account}:role/role-00010"),
        new("ec2:RunInstances", $"arn:aws:ec2:{region}:{account}:instance/*"),
        new("iam:CreateAccessKey", $"arn:aws:iam::{account}:user/user-00002"),
        new("iam:AttachRolePolicy", $"arn:aws:iam::{account}:role/role-00010"),
        new("s3:PutBucketPolicy", "arn:aws:s3:::bench-data-7"),
        new("lambda:CreateFunction", $"arn:aws:lambda:{region}:{account}:function:new-fn"),
        new("dynamodb:GetItem", $"arn:aws:dynamodb:{region}:{account}:table/orders-3"),
        new("secretsmanager:GetSecretValue", $"arn:aws:secretsmanager:{region}:{account}:secret:app/9-AbCdEf"),
        new("organizations:LeaveOrganization", "*"),
    ];

    public static Result Run(SyntheticIamOrganization org, int accountIndex, int warmup, int iterations, IReadOnlyList<OrganizationPolicyLevel> scps)
    {
        var snapshot = org.BuildAccount(accountIndex);
        var queries = QueriesFor(snapshot.AccountId, SyntheticIamOrganization.Region);
        var options = new AccessOptions { OrganizationId = SyntheticIamOrganization.OrganizationId, ManagementAccountId = org.ManagementAccountId };

        var access = new IamAccountAccess(snapshot, options);
        var start = Stopwatch.GetTimestamp();
        access.WhoCan(queries[0].Action, queries[0].Resource);
        var cold = Stopwatch.GetElapsedTime(start);

        var all = new List<double>();
        var perQuery = new List<QueryResult>();
        foreach (var query in queries)
        {
            for (var i = 0; i < warmup; i++) access.WhoCan(query.Action, query.Resource);
            var samples = new double[iterations];
            var allowed = 0;
            for (var i = 0; i < iterations; i++)
            {
                start = Stopwatch.GetTimestamp();
                var result = access.WhoCan(query.Action, query.Resource);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                allowed = result.Principals.Count;
            }

            all.AddRange(samples);
            perQuery.Add(new QueryResult(query, allowed, Stats.Of(samples)));
        }

        var scpSamples = new List<double>();
        foreach (var query in queries)
        {
            for (var i = 0; i < warmup; i++) access.WhoCan(query.Action, query.Resource, serviceControlPolicies: scps);
            for (var i = 0; i < iterations; i++)
            {
                start = Stopwatch.GetTimestamp();
                access.WhoCan(query.Action, query.Resource, serviceControlPolicies: scps);
                scpSamples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return new Result(snapshot.AccountId, snapshot.Users.Count + snapshot.Roles.Count + 1, cold, queries[0], perQuery, Stats.Of(all), Stats.Of(scpSamples));
    }
}
