using System.Text.RegularExpressions;

namespace Dashboard.StandIn;

/// <summary>How the local AWS stand-in starts and what it serves. Bindable from configuration section "StandIn".</summary>
public sealed partial class StandInOptions
{
    public const string SectionName = "StandIn";

    /// <summary>TCP port on 127.0.0.1; 0 picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>Seed of the generated organization and findings: the same seed and sizes give the same data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Accounts in the generated organization; the first is the management account.</summary>
    public int Accounts { get; set; } = 12;

    /// <summary>The Regions used when <see cref="Regions"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultRegions = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    /// <summary>
    /// Regions with Security Hub enabled; empty means <see cref="DefaultRegions"/>. (Empty rather than
    /// pre-filled because configuration binding appends to an array that already has items.)
    /// </summary>
    public string[] Regions { get; set; } = [];

    /// <summary>The Regions in force: <see cref="Regions"/>, or the defaults when none are given.</summary>
    public IReadOnlyList<string> EffectiveRegions => Regions is { Length: > 0 } ? Regions : DefaultRegions;

    /// <summary>Generated findings in total, across accounts and Regions. Ignored when <see cref="FindingFiles"/> is set.</summary>
    public int Findings { get; set; } = 3000;

    /// <summary>ASFF files to serve instead of generated findings (GetFindings output, a bare array, or one finding).</summary>
    public string[] FindingFiles { get; set; } = [];

    /// <summary>The instant generated history ends at; default today's UTC midnight, so a run is stable within a day.</summary>
    public DateTimeOffset? Anchor { get; set; }

    /// <summary>
    /// The organization Organizations serves: empty for the generated one (built over the generated
    /// accounts), "aws-example" for the AWS documentation's example organization, or a file in the
    /// format of src/Dashboard.Core/Organizations/ORG-FILE-FORMAT.md.
    /// </summary>
    public string? OrganizationFile { get; set; }

    /// <summary>When set, AssumeRole succeeds only with this ExternalId (as a role trust policy would demand).</summary>
    public string? RequiredExternalId { get; set; }

    /// <summary>Enforce Security Hub's GetFindings limit (3 requests/s, burst 6, per account and Region) with 429s.</summary>
    public bool EnforceRateLimit { get; set; }

    /// <summary>The clock for DateRange filters, credential expiry and the default anchor.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionName();

    /// <summary>Every problem with these options, each naming the setting to fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"{SectionName}:Port must be between 0 and 65535 (was {Port}).");
        }

        if (Accounts is < 1 or > 5000)
        {
            problems.Add($"{SectionName}:Accounts must be between 1 and 5000 (was {Accounts}).");
        }

        if (Findings is < 0 or > 20_000_000)
        {
            problems.Add($"{SectionName}:Findings must be between 0 and 20000000 (was {Findings}).");
        }

        var regions = EffectiveRegions;
        foreach (var region in regions.Where(r => r is null || !RegionName().IsMatch(r)))
        {
            problems.Add($"{SectionName}:Regions has '{region}', which is not a Region name like us-east-1.");
        }

        if (regions.Count > 200 || regions.Distinct(StringComparer.Ordinal).Count() != regions.Count)
        {
            problems.Add($"{SectionName}:Regions must be distinct (at most 200).");
        }

        foreach (var file in FindingFiles ?? [])
        {
            if (string.IsNullOrWhiteSpace(file) || !File.Exists(file))
            {
                problems.Add($"{SectionName}:FindingFiles has '{file}', which does not exist.");
            }
        }

        if (RequiredExternalId is { Length: < 2 or > 1224 })
        {
            problems.Add($"{SectionName}:RequiredExternalId must be 2 to 1224 characters long.");
        }

        if (TimeProvider is null)
        {
            problems.Add($"{SectionName}:TimeProvider must be set.");
        }

        return problems;
    }
}
