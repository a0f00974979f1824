using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>One evaluated test request (internal working form of <see cref="GuardrailCheck"/>).</summary>
internal sealed record ProbeResult(GuardrailTestRequest Request, string Region, EvaluationRequest Evaluated, EvaluationResult Result)
{
    public bool IsDenied => Result.Kind is DecisionKind.ExplicitDeny or DecisionKind.ImplicitDeny;

    public bool IsUncertain => Result.IsUncertain;

    public GuardrailCheck ToCheck() => new(
        Evaluated.Action,
        Evaluated.Resource,
        Evaluated.Principal.ToString(),
        Region,
        Result.Kind,
        IsDenied,
        IsUncertain,
        Result.Summary);
}

/// <summary>
/// Makes guardrail test requests in one member account through its SCP chain. The requests are an
/// administrator's direct HTTPS calls: AdministratorAccess as identity policy (so only SCPs can stop
/// them), and context keys the request does not set read as absent, as in a real AWS request context.
/// </summary>
internal sealed class GuardrailProbe
{
    private static readonly PolicyInput AdministratorAccess = PolicyInput.FromJson(
        "AdministratorAccess (the probe role's identity policy)",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    private readonly Dictionary<(GuardrailTestRequest Request, string Region, bool ForceRegion), ProbeResult> _cache = [];

    public GuardrailProbe(OrganizationSnapshot snapshot, OrganizationAccount account, GuardrailOptions options)
    {
        Snapshot = snapshot;
        Account = account;
        Options = options;
        Levels = EffectivePolicies.ForAccount(snapshot, account.Id);
        Chain = EffectivePolicies.ChainFor(snapshot, account.Id);
        var probeArn = $"arn:{options.Partition}:iam::{account.Id}:role/{options.ProbeRoleName}";

        // Tags known to be none, so aws:PrincipalTag conditions read as absent rather than unknown.
        Administrator = PrincipalContext.ForRole(probeArn, new Dictionary<string, string>()).WithOrganization(snapshot.Organization.Id);
        Root = PrincipalContext.ForRoot(account.Id, options.Partition).WithOrganization(snapshot.Organization.Id);
    }

    public OrganizationSnapshot Snapshot { get; }

    public OrganizationAccount Account { get; }

    public GuardrailOptions Options { get; }

    /// <summary>The SCP chain as the evaluator takes it, root first; index i matches <see cref="Chain"/>[i].</summary>
    public IReadOnlyList<OrganizationPolicyLevel> Levels { get; }

    public IReadOnlyList<EffectivePolicyLevel> Chain { get; }

    public PrincipalContext Administrator { get; }

    public PrincipalContext Root { get; }

    public bool ScpsEnabled => Snapshot.IsPolicyTypeEnabled(OrganizationPolicyTypes.ServiceControlPolicy);

    /// <summary>
    /// Evaluates a test request in <paramref name="region"/>; the request's own aws:RequestedRegion (a global
    /// service's us-east-1) wins unless <paramref name="forceRegion"/> (Region scans).
    /// </summary>
    public ProbeResult Run(GuardrailTestRequest request, string region, bool forceRegion = false)
    {
        var key = (request, region, forceRegion);
        if (!_cache.TryGetValue(key, out var result))
        {
            var evaluated = Build(request, region, forceRegion, null);
            result = new ProbeResult(request, RegionOf(evaluated), evaluated, PolicyEvaluator.Evaluate(evaluated));
            _cache[key] = result;
        }

        return result;
    }

    /// <summary>The same request made by another principal (a privileged candidate).</summary>
    public EvaluationResult RunAs(ProbeResult original, PrincipalContext principal) =>
        PolicyEvaluator.Evaluate(original.Evaluated with
        {
            Principal = principal,
            IdentityPolicies = principal.Kind == PrincipalKind.Root ? [] : [AdministratorAccess],
        });

    /// <summary>The same request through one level of the chain only, to find the level that allows nothing.</summary>
    public EvaluationResult RunAtLevel(ProbeResult original, int levelIndex) =>
        PolicyEvaluator.Evaluate(original.Evaluated with { ServiceControlPolicies = [Levels[levelIndex]] });

    private EvaluationRequest Build(GuardrailTestRequest request, string region, bool forceRegion, PrincipalContext? principal)
    {
        principal ??= request.Principal == GuardrailPrincipal.MemberRoot ? Root : Administrator;
        var effectiveRegion = !forceRegion && request.Context.TryGetValue("aws:RequestedRegion", out var own) ? Fill(own, region) : region;
        var context = ContextKeys.Empty
            .With("aws:SecureTransport", "true")
            .With("aws:ViaAWSService", "false");
        foreach (var (key, value) in request.Context)
        {
            context = context.With(key, Fill(value, effectiveRegion));
        }

        context = context.With("aws:RequestedRegion", effectiveRegion);
        return new EvaluationRequest
        {
            Principal = principal,
            Action = request.Action,
            Resource = Fill(request.Resource, effectiveRegion),
            Context = context,
            MissingKeys = MissingContextKeys.Absent,
            IdentityPolicies = principal.Kind == PrincipalKind.Root ? [] : [AdministratorAccess],
            ServiceControlPolicies = Levels,
            PrincipalInManagementAccount = Snapshot.IsManagementAccount(Account.Id),
        };
    }

    private static string RegionOf(EvaluationRequest request) =>
        request.Context.TryGetValues("aws:RequestedRegion", out var values) && values.Count > 0 ? values[0] : string.Empty;

    private string Fill(string text, string region) => Options.Fill(text, Account.Id, region);
}
