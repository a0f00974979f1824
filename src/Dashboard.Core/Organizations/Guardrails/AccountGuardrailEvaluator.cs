using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations.Summaries;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>Computes one member account's cells: runs each guardrail's requests and judges the results.</summary>
internal sealed class AccountGuardrailEvaluator
{
    private readonly GuardrailProbe _probe;
    private readonly GuardrailDecisions _decisions;
    private readonly GuardrailExceptionFinder _exceptions;
    private readonly GuardrailOptions _options;

    public AccountGuardrailEvaluator(OrganizationSnapshot snapshot, OrganizationAccount account, GuardrailOptions options)
    {
        _options = options;
        _probe = new GuardrailProbe(snapshot, account, options);
        _decisions = new GuardrailDecisions(_probe);
        _exceptions = new GuardrailExceptionFinder(_probe, _decisions);
        HomeRegion = FindHomeRegion();
    }

    /// <summary>Where the guardrails other than the Region one are tested.</summary>
    public string HomeRegion { get; }

    /// <summary>The home Region without evaluating anything (for the management account).</summary>
    public static string ConfiguredHomeRegion(GuardrailOptions options) =>
        options.HomeRegion ?? options.AllowedRegions.FirstOrDefault() ?? options.EffectiveCandidateRegions[0];

    public GuardrailCell Evaluate(GuardrailDefinition definition) => definition.ProtectedWhen switch
    {
        GuardrailProtection.DeniedOutsideAllowedRegions => JudgeRegions(definition),
        _ => JudgeAllDenied(definition, [.. definition.Requests.Select(r => _probe.Run(r, HomeRegion))]),
    };

    private string FindHomeRegion()
    {
        if (_options.HomeRegion is not null || _options.AllowedRegions.Count > 0) return ConfiguredHomeRegion(_options);

        // The first candidate the SCPs leave open, so a Region SCP does not count as, say, a CloudTrail guardrail.
        var candidates = _options.EffectiveCandidateRegions;
        return candidates.FirstOrDefault(region => !_probe.Run(GuardrailCatalog.RegionProbe, region, forceRegion: true).IsDenied) ?? candidates[0];
    }

    private GuardrailCell JudgeAllDenied(GuardrailDefinition definition, List<ProbeResult> checks)
    {
        if (Uncertain(definition, checks) is { } uncertain) return uncertain;

        var open = checks.Where(c => !c.IsDenied).ToList();
        if (open.Count > 0)
        {
            return Cell(definition, checks, GuardrailStatus.NotProtected, NotProtectedSummary(open)) with
            {
                Deciders = [.. checks.Where(c => c.IsDenied).SelectMany(_decisions.For).Distinct()],
            };
        }

        return Covered(definition, checks, checks, string.Empty);
    }

    /// <summary>
    /// Denied outside the allowed Regions: those configured, else those the account's SCPs name (see
    /// <see cref="RegionIntent"/>). With neither, nothing says which open Regions are intended, so the cell is
    /// not protected and says which Regions stay open, however many others are denied.
    /// </summary>
    private GuardrailCell JudgeRegions(GuardrailDefinition definition)
    {
        var candidates = _options.EffectiveCandidateRegions;
        var configured = _options.AllowedRegions.Count > 0;
        var inferred = configured ? null : RegionIntent.Infer(_probe, [.. definition.Requests.Select(r => r.Action).Distinct()], candidates);
        IReadOnlyList<string> allowed = configured ? _options.AllowedRegions : inferred?.Allowed ?? [];
        var tested = configured ? candidates.Except(allowed, StringComparer.Ordinal).ToList() : [.. candidates];
        var byRegion = tested
            .Select(region => (Region: region, Checks: definition.Requests.Select(r => _probe.Run(r, region, forceRegion: true)).ToList()))
            .ToList();
        var checks = byRegion.SelectMany(r => r.Checks).ToList();
        var basis = configured ? $"{GuardrailOptions.SectionName}:{nameof(GuardrailOptions.AllowedRegions)}"
            : inferred is not null ? ConditionWording.List(inferred.Sources, "and")
            : null;
        if (Uncertain(definition, checks) is { } uncertain) return uncertain with { AllowedRegions = allowed, AllowedRegionsBasis = basis };

        var denied = byRegion.Where(r => r.Checks.TrueForAll(c => c.IsDenied)).ToList();
        var notDenied = byRegion.Where(r => !r.Checks.TrueForAll(c => c.IsDenied)).Select(r => r.Region).ToList();
        var deniedRegions = denied.Select(r => r.Region).ToList();
        var openOutside = notDenied.Where(r => !allowed.Contains(r, StringComparer.Ordinal)).ToList();
        var outside = tested.Count(r => !allowed.Contains(r, StringComparer.Ordinal));
        var actions = ConditionWording.List([.. definition.Requests.Select(r => r.Action).Distinct()], "and");
        var allowedText = ConditionWording.List(allowed, "and");

        string? problem = (configured, inferred) switch
        {
            _ when outside == 0 => $"Not protected: the allowed Regions ({allowedText}) include every Region tested, so there is nothing to deny{(basis is null ? string.Empty : $" (from {basis})")}.",
            (true, _) when openOutside.Count > 0 =>
                $"Not protected: {actions} is not denied in {ConditionWording.List(openOutside, "and")}, outside the allowed Regions {allowedText}.",
            (false, { }) when openOutside.Count > 0 =>
                $"Not protected: {actions} is not denied in {ConditionWording.List(openOutside, "and")}, outside the Regions the SCPs name as allowed ({(allowed.Count == 0 ? "none of those tested" : allowedText)}, from {basis}).",
            (false, null) when denied.Count == 0 =>
                $"Not protected: {actions} is not denied in any of the {tested.Count} Regions tested{ScpsOffNote()}.",
            (false, null) =>
                $"Not protected: no SCP limits {actions} to a list of allowed Regions and none are configured; it is denied in {denied.Count} of {tested.Count} Regions tested "
                + $"but stays allowed in {ConditionWording.List(notDenied, "and")}. If those are the Regions you allow, set {GuardrailOptions.SectionName}:{nameof(GuardrailOptions.AllowedRegions)}.",
            _ => null,
        };

        var cell = problem is not null
            ? Cell(definition, checks, GuardrailStatus.NotProtected, problem) with
            {
                Deciders = [.. denied.SelectMany(r => r.Checks).SelectMany(_decisions.For).Distinct()],
            }
            : Covered(definition, checks, denied[0].Checks, configured
                ? $"denied in every Region outside {allowedText}"
                : $"denied in every Region tested outside {allowedText}, the Regions the SCPs name as allowed");
        return cell with { DeniedRegions = deniedRegions, NotDeniedRegions = notDenied, AllowedRegions = allowed, AllowedRegionsBasis = basis };
    }

    /// <summary>Protected or protected with exceptions; <paramref name="representative"/> names the deciders and exceptions.</summary>
    private GuardrailCell Covered(GuardrailDefinition definition, List<ProbeResult> all, List<ProbeResult> representative, string scope)
    {
        var deciders = representative.SelectMany(_decisions.For).Distinct().ToList();
        var exceptions = _exceptions.Find(representative);
        var by = deciders.Count == 0
            ? "denied"
            : $"{(deciders[0].Kind == GuardrailDeciderKind.NotAllowed ? "denied: " : "denied by ")}{deciders[0].Describe()}{(deciders.Count > 1 ? $" (and {deciders.Count - 1} more)" : string.Empty)}";
        var what = scope.Length > 0 ? $"{scope}; {by}" : by;
        var summary = exceptions.Count == 0
            ? $"Protected: {what}."
            : $"Protected except for {ConditionWording.List([.. exceptions.Select(e => e.Principal)], "and")} ({exceptions[0].Condition}): {what}.";
        return Cell(definition, all, exceptions.Count == 0 ? GuardrailStatus.Protected : GuardrailStatus.ProtectedWithExceptions, summary) with
        {
            Deciders = deciders,
            Exceptions = exceptions,
        };
    }

    private GuardrailCell? Uncertain(GuardrailDefinition definition, List<ProbeResult> checks)
    {
        var reasons = checks.SelectMany(c => c.Result.UncertainReasons).Distinct(StringComparer.Ordinal).ToList();
        if (reasons.Count == 0) return null;

        // Never "protected" while an unreadable SCP sits on the path, even when a readable one denies.
        var denies = checks.Where(c => c.Result.Kind == DecisionKind.ExplicitDeny).SelectMany(_decisions.For).Distinct().ToList();
        var also = denies.Count > 0 ? $" ({denies[0].Describe()} denies it, but the unreadable policy cannot be checked)" : string.Empty;
        return Cell(definition, checks, GuardrailStatus.Uncertain, $"Uncertain: {reasons[0]}{also}.") with
        {
            UncertainReasons = reasons,
            Deciders = denies,
        };
    }

    private string NotProtectedSummary(List<ProbeResult> open)
    {
        var actions = ConditionWording.List([.. open.Select(c => c.Request.Action).Distinct()], "and");
        var verb = open.Select(c => c.Request.Action).Distinct().Count() == 1 ? "is" : "are";
        var who = open[0].Request.Principal == GuardrailPrincipal.MemberRoot ? "the root user" : "an administrator";
        var conditional = open.FirstOrDefault(c => c.Result.Kind == DecisionKind.ConditionallyAllowed);
        var detail = conditional is null ? string.Empty : $" ({conditional.Result.Summary.TrimEnd('.')})";
        return $"Not protected: {actions} {verb} allowed for {who} in {open[0].Region}{ScpsOffNote()}{detail}.";
    }

    private string ScpsOffNote() => _probe.ScpsEnabled ? string.Empty : " (SCPs are not enabled in this organization, so none apply)";

    private GuardrailCell Cell(GuardrailDefinition definition, List<ProbeResult> checks, GuardrailStatus status, string summary) => new()
    {
        AccountId = _probe.Account.Id,
        GuardrailId = definition.Id,
        Status = status,
        Summary = summary,
        Checks = [.. checks.Select(c => c.ToCheck())],
    };
}
