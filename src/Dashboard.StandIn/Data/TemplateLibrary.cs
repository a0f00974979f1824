using System.Reflection;

namespace Dashboard.StandIn.Data;

/// <summary>
/// The templates built from the embedded seed findings (Seed/asff, see Seed/SOURCES.md), parsed once per
/// process, grouped by product so the generator can weight products rather than files.
/// </summary>
internal sealed class TemplateLibrary
{
    private const string ResourcePrefix = "Dashboard.StandIn.Seed.asff.";

    // Share of generated findings per product; groups not listed get DefaultWeight. Roughly what an
    // organization with the CSPM standards, GuardDuty, Inspector and a third-party scanner sees.
    private static readonly Dictionary<string, double> GroupWeights = new(StringComparer.Ordinal)
    {
        ["aws/securityhub"] = 55,
        ["aws/inspector"] = 10,
        ["aws/guardduty"] = 8,
        ["prowler/prowler"] = 7,
        ["custom/default"] = 7,
        ["aws/access-analyzer"] = 4,
        ["cloud-custodian/cloud-custodian"] = 3,
        ["aws/config"] = 2,
        ["aws/health"] = 1,
    };

    private const double DefaultWeight = 2;

    private static readonly Lazy<TemplateLibrary> Shared = new(Load);

    private TemplateLibrary(IReadOnlyList<FindingTemplate> templates)
    {
        Templates = templates;
        Groups = templates.Select((t, i) => (t.ProductGroup, i))
            .GroupBy(x => x.ProductGroup, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(x => x.i).ToArray())
            .ToArray();
        var running = 0.0;
        CumulativeGroupWeights = Groups
            .Select(g => running += GroupWeights.GetValueOrDefault(Templates[g[0]].ProductGroup, DefaultWeight))
            .ToArray();
    }

    public static TemplateLibrary Instance => Shared.Value;

    public IReadOnlyList<FindingTemplate> Templates { get; }

    /// <summary>Template indexes per product group.</summary>
    public int[][] Groups { get; }

    public double[] CumulativeGroupWeights { get; }

    private static TemplateLibrary Load()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException("The stand-in's seed findings are not embedded (Seed/asff/*.json).");
        }

        var templates = new List<FindingTemplate>();
        foreach (var name in names)
        {
            var file = "Seed/asff/" + name[ResourcePrefix.Length..];
            var findings = AsffDocument.ReadFindings(ReadResource(assembly, name), file);
            for (var i = 0; i < findings.Count; i++)
            {
                templates.Add(TemplateCompiler.Compile(findings[i], $"{file}#{i}", verbatim: false).Template);
            }
        }

        return new TemplateLibrary(templates);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
