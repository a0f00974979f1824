using System.Reflection;
using System.Text;

namespace Dashboard.StandIn.Organizations;

/// <summary>
/// The real SCP and RCP examples embedded under Seed/scp (see Seed/SOURCES.md). The AWS samples are
/// templates with placeholders such as <c>${Account}</c> and <c>[PRIVILEGED_ROLE]</c>; an organization
/// deploys them filled in, so the stand-in fills them with fixed values (documented in SOURCES.md) to
/// serve what a real organization would hold. The files themselves stay verbatim.
/// </summary>
internal static class ScpSeed
{
    private const string ResourcePrefix = "Dashboard.StandIn.Seed.scp.";

    /// <summary>Placeholder → the value a deployed copy holds. Order matters only for readability.</summary>
    public static readonly IReadOnlyList<(string Placeholder, string Value)> Substitutions =
    [
        ("${Account}", "*"),
        ("${Region}", "*"),
        ("${PARTITION}", "aws"),
        ("${MANAGEMENT_ACCOUNT_ACCESS_ROLE}", "OrganizationAccountAccessRole"),
        ("${ACCELERATOR_PREFIX}", "AWSAccelerator"),
        ("[PRIVILEGED_ROLE]", "PlatformAdmin"),
        ("[PROTECTED_ROLE_NAME]", "SecurityDashboardReadOnly"),
        ("[PROTECTED_ROLE_PREFIX]", "SecurityAudit"),
        ("[CLOUDTRAIL_NAME]", "organization-trail"),
        ("[BUCKET_TO_PROTECT]", "central-audit-logs"),
    ];

    /// <summary>The seed file's text with its placeholders filled in.</summary>
    public static string Load(string fileName)
    {
        var assembly = typeof(ScpSeed).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The stand-in's seed SCP Seed/scp/{fileName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Fill(reader.ReadToEnd());
    }

    /// <summary>The embedded seed SCP file names.</summary>
    public static IReadOnlyList<string> FileNames() =>
        [.. typeof(ScpSeed).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)];

    public static string Fill(string content)
    {
        var builder = new StringBuilder(content);
        foreach (var (placeholder, value) in Substitutions) builder.Replace(placeholder, value);
        return builder.ToString();
    }

    /// <summary>The text of an embedded resource (org seed files).</summary>
    public static string Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The stand-in resource {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
