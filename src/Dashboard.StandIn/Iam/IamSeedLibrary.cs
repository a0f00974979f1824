using System.Reflection;
using System.Text.Json.Nodes;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// The embedded real IAM dumps (Seed/iam, see Seed/SOURCES.md), normalized once per process, and the
/// AWS-managed policies found in them (the newest copy of each), which generated entities attach.
/// </summary>
internal sealed class IamSeedLibrary
{
    public const string IamVulnerable = "cloudsplaining--example.json";
    private const string ResourcePrefix = "Dashboard.StandIn.Seed.iam.";

    private static readonly Lazy<IamSeedLibrary> Shared = new(Load);

    private IamSeedLibrary(Dictionary<string, IamDump> dumps, Dictionary<string, JsonObject> awsManaged)
    {
        Dumps = dumps;
        AwsManagedPolicies = awsManaged;
    }

    public static IamSeedLibrary Instance => Shared.Value;

    /// <summary>By file name, e.g. "cloudsplaining--example.json".</summary>
    public IReadOnlyDictionary<string, IamDump> Dumps { get; }

    /// <summary>AWS-managed policies (ManagedPolicyDetail JSON) by ARN.</summary>
    public IReadOnlyDictionary<string, JsonObject> AwsManagedPolicies { get; }

    public JsonObject AwsManagedPolicy(string name) =>
        (JsonObject)(AwsManagedPolicies.GetValueOrDefault($"arn:aws:iam::aws:policy/{name}")
            ?? throw new InvalidOperationException($"No seed dump holds the AWS-managed policy {name}.")).DeepClone();

    private static IamSeedLibrary Load()
    {
        var assembly = typeof(IamSeedLibrary).Assembly;
        var dumps = new Dictionary<string, IamDump>(StringComparer.Ordinal);
        var awsManaged = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = name[ResourcePrefix.Length..];
            var content = IamDumpNormalizer.Normalize(ReadResource(assembly, name), "Seed/iam/" + file);
            dumps[file] = new IamDump("Seed/iam/" + file, content);
            foreach (var policy in content["Policies"]!.AsArray().OfType<JsonObject>())
            {
                var arn = policy["Arn"]?.GetValue<string>() ?? string.Empty;
                if (arn.StartsWith("arn:aws:iam::aws:policy/", StringComparison.Ordinal)
                    && (!awsManaged.TryGetValue(arn, out var known) || string.CompareOrdinal(Updated(policy), Updated(known)) > 0))
                {
                    awsManaged[arn] = policy;
                }
            }
        }

        if (!dumps.ContainsKey(IamVulnerable))
        {
            throw new InvalidOperationException("The stand-in's seed IAM dumps are not embedded (Seed/iam/*.json).");
        }

        return new IamSeedLibrary(dumps, awsManaged);
    }

    private static string Updated(JsonObject policy) => policy["UpdateDate"]?.GetValue<string>() ?? string.Empty;

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
