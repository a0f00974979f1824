using System.Text.RegularExpressions;
using Dashboard.Aws;
using Dashboard.Core.Organizations.Guardrails;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Iam;

/// <summary>
/// The Regions a "re-check with aws:RequestedRegion" may offer, in order: the organization's allowed Regions
/// and home Region (guardrail settings), then the Regions the sync reads (Aws:Regions, the aggregation Region,
/// AWS_REGION). Which of them is offered is decided per question (the first one the answer is not denied in).
/// </summary>
public sealed partial class IamRegionCandidates(IOptionsMonitor<GuardrailOptions> guardrails, IOptionsMonitor<AwsOptions> aws)
{
    /// <summary>Each candidate costs an evaluation: a few are plenty.</summary>
    public const int Max = 8;

    public IReadOnlyList<string> Get()
    {
        var guardrail = guardrails.CurrentValue;
        var sync = aws.CurrentValue;
        IEnumerable<string?> all =
        [
            .. guardrail.AllowedRegions,
            guardrail.HomeRegion,
            .. sync.Regions,
            sync.AggregationRegion,
            Environment.GetEnvironmentVariable("AWS_REGION"),
            Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"),
        ];
        return [.. all.Select(r => r?.Trim()).Where(IsRegion).Distinct(StringComparer.Ordinal).Take(Max).Select(r => r!)];
    }

    /// <summary>A Region name like eu-west-1 or us-gov-west-1 (anything else never reaches a request or a link).</summary>
    public static bool IsRegion(string? value) => value is not null && RegionPattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionPattern();
}
