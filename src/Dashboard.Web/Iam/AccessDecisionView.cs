using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Web.Iam;

/// <summary>The four answers the pages give, whatever the evaluator's finer kind.</summary>
public enum AccessDecision
{
    Allowed,
    Denied,
    ConditionallyAllowed,

    /// <summary>A policy that applies could not be read: never shown as allowed.</summary>
    Uncertain,
}

/// <summary>A decision with its explanation, worded for the page (always rendered as encoded text).</summary>
public sealed record AccessDecisionView(
    AccessDecision Decision,
    string Summary,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<string> DecidingStatements,
    IReadOnlyList<string> AllowedOnlyIf,
    IReadOnlyList<string> DeniedIf,
    IReadOnlyList<string> UncertainReasons,
    string Text)
{
    public string Label => Labels.For(Decision);

    public static AccessDecisionView From(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AccessDecisionView(
            Labels.Decide(result),
            result.Summary,
            result.Explanation,
            [.. result.DecidingStatements.Select(s => s.Describe())],
            [.. result.AllowedOnlyIf.Select(r => r.ToString())],
            [.. result.DeniedIf.Select(d => d.ToString())],
            result.UncertainReasons,
            EvaluationResultFormatter.ToText(result));
    }

    /// <summary>Labels, colours and icons of decisions (colour is never the only cue: every chip has text and an icon).</summary>
    public static class Labels
    {
        public static AccessDecision Decide(EvaluationResult result) => result switch
        {
            // An explicit deny stands even when another policy could not be read.
            { Kind: DecisionKind.ExplicitDeny } => AccessDecision.Denied,
            { IsUncertain: true } => AccessDecision.Uncertain,
            { Kind: DecisionKind.Allowed } => AccessDecision.Allowed,
            { Kind: DecisionKind.ConditionallyAllowed } => AccessDecision.ConditionallyAllowed,
            _ => AccessDecision.Denied,
        };

        public static string For(AccessDecision decision) => decision switch
        {
            AccessDecision.Allowed => "Allowed",
            AccessDecision.Denied => "Denied",
            AccessDecision.ConditionallyAllowed => "Conditionally allowed",
            _ => "Uncertain",
        };

        public static string For(WhoCanDecision decision) => decision switch
        {
            WhoCanDecision.Allowed => "Allowed",
            WhoCanDecision.ConditionallyAllowed => "Conditionally allowed",
            _ => "Denied by an SCP",
        };

        public static MudBlazor.Color Color(AccessDecision decision) => decision switch
        {
            AccessDecision.Allowed => MudBlazor.Color.Success,
            AccessDecision.Denied => MudBlazor.Color.Error,
            AccessDecision.ConditionallyAllowed => MudBlazor.Color.Warning,
            _ => MudBlazor.Color.Default,
        };

        public static string Icon(AccessDecision decision) => decision switch
        {
            AccessDecision.Allowed => MudBlazor.Icons.Material.Filled.CheckCircle,
            AccessDecision.Denied => MudBlazor.Icons.Material.Filled.Block,
            AccessDecision.ConditionallyAllowed => MudBlazor.Icons.Material.Filled.HelpOutline,
            _ => MudBlazor.Icons.Material.Filled.ReportProblem,
        };
    }
}
