using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dashboard.Core.Iam.Inventory.Serialization;

/// <summary>
/// The serializer settings the cache codecs share: enums by name, nullability and required members
/// enforced on read (a damaged row fails loudly instead of yielding nulls), and computed read-only
/// properties (IsAwsManaged, DefaultDocument, IsRoot…) left out since they are derived on load.
/// </summary>
public static class SnapshotJsonOptions
{
    public static JsonSerializerOptions Create(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            MaxDepth = 128,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropComputedProperties } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        foreach (var converter in converters) options.Converters.Add(converter);
        options.MakeReadOnly();
        return options;
    }

    private static void DropComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
