using Dashboard.Core.Organizations.Guardrails;
using MudBlazor;

namespace Dashboard.Web.Organizations;

/// <summary>How a guardrail status reads: a label, a colour and an icon, so colour is never the only cue.</summary>
public static class GuardrailStatusDisplay
{
    public static string Label(GuardrailStatus status) => status switch
    {
        GuardrailStatus.Protected => "Protected",
        GuardrailStatus.ProtectedWithExceptions => "With exceptions",
        GuardrailStatus.NotProtected => "Not protected",
        GuardrailStatus.Uncertain => "Uncertain",
        _ => "N/A",
    };

    public static Color Color(GuardrailStatus status) => status switch
    {
        GuardrailStatus.Protected => MudBlazor.Color.Success,
        GuardrailStatus.ProtectedWithExceptions => MudBlazor.Color.Info,
        GuardrailStatus.NotProtected => MudBlazor.Color.Error,
        GuardrailStatus.Uncertain => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(GuardrailStatus status) => status switch
    {
        GuardrailStatus.Protected => Icons.Material.Filled.VerifiedUser,
        GuardrailStatus.ProtectedWithExceptions => Icons.Material.Filled.GppMaybe,
        GuardrailStatus.NotProtected => Icons.Material.Filled.GppBad,
        GuardrailStatus.Uncertain => Icons.Material.Filled.HelpOutline,
        _ => Icons.Material.Filled.RemoveCircleOutline,
    };

    /// <summary>Every status in the legend's order.</summary>
    public static IReadOnlyList<GuardrailStatus> All { get; } = Enum.GetValues<GuardrailStatus>();
}
