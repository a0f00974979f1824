using System.Text.Json;
using Dashboard.Core.Iam.Inventory.Serialization;

namespace Dashboard.Core.Organizations.Serialization;

/// <summary>
/// Turns an <see cref="OrganizationSnapshot"/> into JSON for the cache and back. The snapshot has no public
/// constructor, so the text holds its parts and reading goes through <see cref="OrganizationSnapshot.Create"/>:
/// a stored tree that no longer holds together is refused like any other bad organization data.
/// </summary>
public static class OrganizationSnapshotJson
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = SnapshotJsonOptions.Create();

    public static string Serialize(OrganizationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parts = new Parts(
            FormatVersion,
            snapshot.Organization,
            snapshot.Root,
            snapshot.OrganizationalUnits,
            snapshot.Accounts,
            snapshot.Policies,
            snapshot.Attachments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
        return JsonSerializer.Serialize(parts, Options);
    }

    /// <summary>Reads <see cref="Serialize"/>'s text; damaged text throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static OrganizationSnapshot Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json)) throw new FormatException("The cached organization snapshot is empty.");
        Parts? parts;
        try
        {
            parts = JsonSerializer.Deserialize<Parts>(json, Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"The cached organization snapshot is damaged: {ex.Message}", ex);
        }

        if (parts is null) throw new FormatException("The cached organization snapshot is JSON null.");
        if (parts.FormatVersion != FormatVersion)
        {
            throw new FormatException($"The cached organization snapshot has format version {parts.FormatVersion}; this version reads {FormatVersion}.");
        }

        try
        {
            return OrganizationSnapshot.Create(
                parts.Organization,
                parts.Root,
                parts.OrganizationalUnits,
                parts.Accounts,
                parts.Policies,
                parts.Attachments,
                "The cached organization snapshot");
        }
        catch (InvalidOrganizationException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private sealed record Parts(
        int FormatVersion,
        OrganizationDetails Organization,
        OrganizationRoot Root,
        IReadOnlyList<OrganizationalUnit> OrganizationalUnits,
        IReadOnlyList<OrganizationAccount> Accounts,
        IReadOnlyList<OrganizationPolicy> Policies,
        Dictionary<string, IReadOnlyList<string>> Attachments);
}
