using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

/// <summary>
/// A deterministic account of many principals for scale checks: users in groups with attached and inline
/// policies, roles trusted by services, the account and each other. It records how many principals it
/// made administrators and escalators so tests can check the analysis found exactly those.
/// </summary>
internal sealed class SyntheticAccount
{
    private static readonly string[] Shared =
    [
        Policy(Allow("[\"s3:Get*\", \"s3:List*\"]")),
        Policy(Allow("[\"ec2:Describe*\", \"cloudwatch:Get*\", \"logs:FilterLogEvents\"]")),
        Policy(Allow("[\"dynamodb:GetItem\", \"dynamodb:PutItem\", \"dynamodb:Query\"]", "arn:aws:dynamodb:*:*:table/app-*")),
        Policy(Allow("sqs:*", "arn:aws:sqs:*:*:app-*"), Allow("sns:Publish")),
        Policy(Allow("[\"lambda:InvokeFunction\", \"lambda:GetFunction\"]"), Deny("lambda:DeleteFunction")),
        Policy(Allow("ssm:GetParameter", "arn:aws:ssm:*:*:parameter/app/*", """{"Bool": {"aws:SecureTransport": "true"}}""")),
    ];

    private static readonly string Escalating = Policy(Allow("[\"iam:PassRole\", \"ec2:RunInstances\", \"ec2:Describe*\"]"));

    public SyntheticAccount(int principals, int seed = 7)
    {
        var random = new Random(seed);
        var builder = new AccountBuilder();
        for (var i = 0; i < Shared.Length; i++)
        {
            builder.Policy($"shared-{i}", Shared[i], attachments: 100);
        }

        builder.Policy("AdministratorAccess", FullAwsAccess, awsManaged: true, attachments: 10);
        builder.Policy("escalating", Escalating, attachments: 10);
        for (var g = 0; g < 20; g++)
        {
            builder.Group($"team-{g}", attached: [$"shared-{g % Shared.Length}", $"shared-{(g + 1) % Shared.Length}"], inline: g % 5 == 0 ? [Policy(Allow("s3:PutObject", $"arn:aws:s3:::team-{g}/*"))] : null);
        }

        builder.Group("admins", attached: ["AdministratorAccess"]);
        var users = principals / 2;
        for (var u = 0; u < users; u++)
        {
            var groups = new List<string> { $"team-{random.Next(20)}" };
            string[]? attached = null;
            if (u % 97 == 0)
            {
                groups.Add("admins");
                Admins++;
            }
            else if (u % 89 == 0)
            {
                attached = ["escalating"];
                Escalators++;
            }

            builder.User($"user-{u}", groups: [.. groups], attached: attached, inline: u % 7 == 0 ? [Policy(Allow("s3:GetObject", $"arn:aws:s3:::home/user-{u}/*"))] : null);
            builder.ReportRow($"user-{u}", RiskTestKit.Row(password: u % 3 == 0, passwordUsed: u % 3 == 0 ? random.Next(200) : null, mfa: u % 2 == 0, key1: u % 4 == 0, key1Rotated: random.Next(300), key1Used: random.Next(150)));
        }

        for (var r = 0; r < principals - users; r++)
        {
            var trust = (r % 4) switch
            {
                0 => AccountBuilder.TrustService("ec2.amazonaws.com"),
                1 => AccountBuilder.TrustService("lambda.amazonaws.com"),
                2 => AccountBuilder.TrustAws(AccountBuilder.RootArn),
                _ => AccountBuilder.TrustAws(AccountBuilder.UserArn($"user-{r % users}")),
            };
            string[] attached = [$"shared-{r % Shared.Length}", $"shared-{(r + 3) % Shared.Length}"];
            if (r % 101 == 0)
            {
                attached = [.. attached, "AdministratorAccess"];
                Admins++;
            }
            else if (r % 103 == 0)
            {
                attached = [.. attached, "escalating"];
                Escalators++;
            }

            builder.Role($"role-{r}", trust: trust, attached: attached, lastUsed: new IamRoleLastUsed(r % 3 == 0 ? null : RiskClock.Now.AddDays(-random.Next(200)), "eu-west-1"), created: RiskClock.Now.AddDays(-400));
        }

        Snapshot = builder.Build();
    }

    public IamAccountSnapshot Snapshot { get; }

    /// <summary>Principals given AdministratorAccess (through the admins group or attached).</summary>
    public int Admins { get; }

    /// <summary>Principals given iam:PassRole with ec2:RunInstances (and not admin).</summary>
    public int Escalators { get; }
}
