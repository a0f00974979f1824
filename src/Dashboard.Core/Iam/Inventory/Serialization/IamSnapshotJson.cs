using System.Text.Json;

namespace Dashboard.Core.Iam.Inventory.Serialization;

/// <summary>
/// Turns an <see cref="IamAccountSnapshot"/> into JSON for the cache and back, exactly: policy documents
/// keep their decoded text, timestamps their offsets, the credential report its placeholders. The text
/// carries a format version so a later shape can refuse or upgrade old rows.
/// </summary>
public static class IamSnapshotJson
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = SnapshotJsonOptions.Create(new IamPolicyJsonConverter());

    public static string Serialize(IamAccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.Serialize(new Envelope(FormatVersion, snapshot), Options);
    }

    /// <summary>Reads <see cref="Serialize"/>'s text; damaged or foreign text throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static IamAccountSnapshot Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json)) throw new FormatException("The cached IAM snapshot is empty.");
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(json, Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"The cached IAM snapshot is damaged: {ex.Message}", ex);
        }

        if (envelope is null) throw new FormatException("The cached IAM snapshot is JSON null.");
        if (envelope.FormatVersion != FormatVersion)
        {
            throw new FormatException($"The cached IAM snapshot has format version {envelope.FormatVersion}; this version reads {FormatVersion}.");
        }

        if (string.IsNullOrWhiteSpace(envelope.Snapshot.AccountId)) throw new FormatException("The cached IAM snapshot has no AccountId.");
        return envelope.Snapshot;
    }

    private sealed record Envelope(int FormatVersion, IamAccountSnapshot Snapshot);
}
