using System.Text.Json;

namespace Dashboard.Core.Findings;

/// <summary>
/// The top-level ASFF attributes the parser reads, collected in one pass over the object. A second
/// occurrence of one of them is refused: which of two <c>Id</c>s or <c>RecordState</c>s counts would
/// otherwise depend on the reader.
/// </summary>
internal sealed class AsffTopLevelFields
{
    private readonly JsonElement?[] _slots = new JsonElement?[22];

    public JsonElement? AwsAccountId => _slots[0];
    public JsonElement? CreatedAt => _slots[1];
    public JsonElement? Description => _slots[2];
    public JsonElement? GeneratorId => _slots[3];
    public JsonElement? Id => _slots[4];
    public JsonElement? ProductArn => _slots[5];
    public JsonElement? Resources => _slots[6];
    public JsonElement? SchemaVersion => _slots[7];
    public JsonElement? Severity => _slots[8];
    public JsonElement? Title => _slots[9];
    public JsonElement? Types => _slots[10];
    public JsonElement? UpdatedAt => _slots[11];
    public JsonElement? Region => _slots[12];
    public JsonElement? ProductName => _slots[13];
    public JsonElement? CompanyName => _slots[14];
    public JsonElement? ProductFields => _slots[15];
    public JsonElement? Compliance => _slots[16];
    public JsonElement? Workflow => _slots[17];
    public JsonElement? WorkflowState => _slots[18];
    public JsonElement? RecordState => _slots[19];
    public JsonElement? FirstObservedAt => _slots[20];
    public JsonElement? LastObservedAt => _slots[21];

    /// <summary>Keeps the property if the parser reads it; false when it repeats one already kept.</summary>
    public bool Take(JsonProperty property)
    {
        var slot = SlotOf(property.Name);
        if (slot < 0)
        {
            return true;
        }

        if (_slots[slot] is not null)
        {
            return false;
        }

        _slots[slot] = property.Value;
        return true;
    }

    /// <summary>
    /// The ASFF required attributes that are absent, in the order AWS documents them. Description is
    /// required by ASFF today, but Security Hub's 2018 preview returned findings without it, so its
    /// absence is tolerated (a wrong type still is not).
    /// </summary>
    public List<string> MissingRequired()
    {
        var missing = new List<string>();
        foreach (var (field, name) in new[]
        {
            (AwsAccountId, "AwsAccountId"), (CreatedAt, "CreatedAt"), (GeneratorId, "GeneratorId"), (Id, "Id"),
            (ProductArn, "ProductArn"), (Resources, "Resources"), (SchemaVersion, "SchemaVersion"),
            (Severity, "Severity"), (Title, "Title"), (Types, "Types"), (UpdatedAt, "UpdatedAt"),
        })
        {
            if (field is null)
            {
                missing.Add(name);
            }
        }

        return missing;
    }

    private static int SlotOf(string name) => name switch
    {
        "AwsAccountId" => 0,
        "CreatedAt" => 1,
        "Description" => 2,
        "GeneratorId" => 3,
        "Id" => 4,
        "ProductArn" => 5,
        "Resources" => 6,
        "SchemaVersion" => 7,
        "Severity" => 8,
        "Title" => 9,
        "Types" => 10,
        "UpdatedAt" => 11,
        "Region" => 12,
        "ProductName" => 13,
        "CompanyName" => 14,
        "ProductFields" => 15,
        "Compliance" => 16,
        "Workflow" => 17,
        "WorkflowState" => 18,
        "RecordState" => 19,
        "FirstObservedAt" => 20,
        "LastObservedAt" => 21,
        _ => -1,
    };
}
