using Dashboard.Core.Findings;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Findings;

/// <summary>
/// A small varied set stored in one call, so each finding's Key (the tie-breaker) is its position.
/// Every filter and sort test compares the database's answer with the same question asked of this
/// list in memory.
/// </summary>
internal static class QuerySeed
{
    public static readonly string[] Accounts = ["111111111111", "222222222222", "333333333333"];
    public static readonly string[] Regions = ["us-east-1", "eu-west-1"];
    public static readonly string[] Products = ["Security Hub", "GuardDuty", "Inspector"];
    public static readonly string[] Workflows = ["NEW", "NOTIFIED", "SUPPRESSED", "RESOLVED"];
    public static readonly string?[] Compliance = ["FAILED", "PASSED", null, "WARNING"];
    public static readonly string?[] ResourceTypes = ["AwsS3Bucket", "AwsEc2Instance", null];
    public static readonly string?[] Controls = ["S3.1", "EC2.2", null, "IAM.4"];

    public static List<FindingRecord> Build(int count = 60)
    {
        var list = new List<FindingRecord>();
        for (var i = 0; i < count; i++)
        {
            list.Add(TestFindings.Make($"finding-{i:D3}") with
            {
                AwsAccountId = Accounts[i % Accounts.Length],
                Region = Regions[i / 3 % Regions.Length],
                ProductName = Products[i / 2 % Products.Length],
                Severity = (Severity)(i * 7 % 5),
                ComplianceStatus = Compliance[i / 5 % Compliance.Length],
                WorkflowStatus = Workflows[i / 4 % Workflows.Length],
                RecordState = i % 6 == 5 ? "ARCHIVED" : "ACTIVE",
                ResourceType = ResourceTypes[i / 7 % ResourceTypes.Length],
                ResourceId = i % 10 == 0 ? null : $"arn:aws:s3:::shared-bucket-{i % 8}",
                ControlId = Controls[i / 3 % Controls.Length],
                // Titles repeat (ties) and differ in case; UpdatedAt repeats too.
                Title = (i % 3) switch { 0 => $"bucket policy {i % 4}", 1 => $"Bucket Logging {i % 4}", _ => $"instance {i % 5}" },
                CreatedAt = TestFindings.T0.AddHours(-i * 5 % 17),
                UpdatedAt = TestFindings.T0.AddMinutes(i * 11 % 13),
            });
        }
        return list;
    }
}
