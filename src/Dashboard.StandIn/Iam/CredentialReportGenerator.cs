using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// The credential-report rows of an account, deterministic per (seed, account, user): the root user first
/// (password not_supported, MFA and an access key as the builder decides), then every user by name with
/// realistic mixes — console users with and without MFA, passwords never used (no_information), keys
/// rotated long ago, keys never used, two active keys — all dated before the data set's anchor.
/// </summary>
internal sealed class CredentialReportGenerator(int seed, DateTimeOffset anchor)
{
    private static readonly string[] KeyRegions = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2"];
    private static readonly string[] KeyServices = ["s3", "sts", "ec2", "iam", "cloudformation", "lambda", "dynamodb"];

    /// <summary>The rows of account <paramref name="index"/>: root, then the users of <paramref name="content"/> by name.</summary>
    public List<CredentialReportLine> Lines(JsonObject content, int index, string accountId, JsonObject? passwordPolicy, bool rootMfa, bool rootKey)
    {
        const string na = CredentialReportCsv.NotApplicable;
        var maxAge = passwordPolicy?["MaxPasswordAge"]?.GetValue<int>();
        var lines = new List<CredentialReportLine>();
        var rootRandom = new StableRandom(seed, index, salt: 419);
        var rootCreated = anchor.AddDays(-(900 + rootRandom.Next(1200)));
        var rootPasswordUsed = rootRandom.Chance(0.3) ? CredentialReportCsv.NoInformation : CredentialReportCsv.Time(anchor.AddDays(-rootRandom.Next(300)).AddSeconds(-rootRandom.Next(86_400)));
        string[] rootKeyCells = rootKey
            ? ["true", CredentialReportCsv.Time(anchor.AddDays(-800)), CredentialReportCsv.Time(anchor.AddDays(-3).AddHours(-5)), "us-east-1", "s3"]
            : ["false", na, na, na, na];
        lines.Add(new CredentialReportLine("<root_account>", $"arn:aws:iam::{accountId}:root",
        [
            CredentialReportCsv.Time(rootCreated), CredentialReportCsv.NotSupported, rootPasswordUsed, CredentialReportCsv.NotSupported,
            CredentialReportCsv.NotSupported, CredentialReportCsv.Flag(rootMfa), .. rootKeyCells, "false", na, na, na, na, "false", na, "false", na,
        ]));

        var users = content["UserDetailList"]!.AsArray().OfType<JsonObject>()
            .OrderBy(u => u["UserName"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var user in users)
        {
            var name = user["UserName"]!.GetValue<string>();
            var random = new StableRandom(seed, index, salt: 421 + (ulong)(uint)StableHash(name));
            var created = user["CreateDate"] is { } c && DateTimeOffset.TryParse(c.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : anchor.AddDays(-400);
            var ageDays = Math.Max(1, (long)(anchor - created).TotalDays);
            DateTimeOffset Since(DateTimeOffset from, long maxDays) => Min(anchor, from.AddDays(random.Next(Math.Max(1, maxDays))).AddSeconds(random.Next(86_400)));
            var isService = (user["Path"]?.GetValue<string>() ?? "/") != "/" || IamEntityGenerator.ServiceUsers.Contains(name);

            var password = !isService && random.Chance(0.8);
            string[] passwordCells;
            if (password)
            {
                var changed = Since(created, ageDays);
                var used = random.Chance(0.12) ? CredentialReportCsv.NoInformation : CredentialReportCsv.Time(Since(changed, Math.Max(1, (long)(anchor - changed).TotalDays)));
                var next = maxAge is { } days ? CredentialReportCsv.Time(changed.AddDays(days)) : na;
                passwordCells = ["true", used, CredentialReportCsv.Time(changed), next];
            }
            else
            {
                passwordCells = ["false", na, na, na];
            }

            var mfa = password && random.Chance(0.7);
            var key1 = isService || random.Chance(0.35);
            var key2 = key1 && random.Chance(0.12);
            lines.Add(new CredentialReportLine(name, user["Arn"]!.GetValue<string>(),
            [
                CredentialReportCsv.Time(created), .. passwordCells, CredentialReportCsv.Flag(mfa),
                .. KeyCells(key1, created, ageDays, ref random), .. KeyCells(key2, created, ageDays, ref random),
                "false", na, "false", na,
            ]));
        }

        return lines;
    }

    private string[] KeyCells(bool active, DateTimeOffset created, long ageDays, ref StableRandom random)
    {
        const string na = CredentialReportCsv.NotApplicable;
        if (!active)
        {
            return ["false", na, na, na, na];
        }

        var rotated = Min(anchor, created.AddDays(random.Next(ageDays)).AddSeconds(random.Next(86_400)));
        if (random.Chance(0.15))
        {
            // Created and never used.
            return ["true", CredentialReportCsv.Time(rotated), na, na, na];
        }

        var sinceRotation = Math.Max(1, (long)(anchor - rotated).TotalDays);
        var used = Min(anchor, rotated.AddDays(random.Next(sinceRotation)).AddMinutes(random.Next(1440)));
        var service = KeyServices[random.Next(KeyServices.Length)];
        // IAM records no Region for calls to global endpoints (IAM, STS without a Region): N/A.
        var region = service is "iam" ? na : KeyRegions[random.Next(KeyRegions.Length)];
        return ["true", CredentialReportCsv.Time(rotated), CredentialReportCsv.Time(used), region, service];
    }
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // string.GetHashCode is randomized per process; the data must be the same on every run.
    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));
}
