using System.Text.Json;
using Dashboard.Aws.Iam;
using Dashboard.Aws.Tests.StandIn;

namespace Dashboard.Aws.Tests.Iam;

/// <summary>The member-name sets the XML reader relies on must match the current IAM model.</summary>
public sealed class IamWireShapesTests
{
    [Fact]
    public void Shapes_EveryOutputMemberOfTheModel_IsTypedAsTheModelSays()
    {
        // Arrange: every member of every shape reachable from an operation's output, by type.
        using var model = JsonDocument.Parse(File.ReadAllText(SharedData.Path("aws", "wire", "botocore-models-current", "iam-service-2.json")));
        var shapes = model.RootElement.GetProperty("shapes");
        var byType = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string shapeName)
        {
            if (!seen.Add(shapeName))
            {
                return;
            }

            var shape = shapes.GetProperty(shapeName);
            switch (shape.GetProperty("type").GetString())
            {
                case "structure":
                    foreach (var member in shape.GetProperty("members").EnumerateObject())
                    {
                        var target = member.Value.GetProperty("shape").GetString()!;
                        var type = target == "policyDocumentType" ? "document" : shapes.GetProperty(target).GetProperty("type").GetString()!;
                        if (!byType.TryGetValue(type, out var names))
                        {
                            byType[type] = names = new HashSet<string>(StringComparer.Ordinal);
                        }

                        names.Add(member.Name);
                        Walk(target);
                    }

                    break;
                case "list":
                    Walk(shape.GetProperty("member").GetProperty("shape").GetString()!);
                    break;
                case "map":
                    Walk(shape.GetProperty("value").GetProperty("shape").GetString()!);
                    break;
            }
        }

        foreach (var operation in model.RootElement.GetProperty("operations").EnumerateObject())
        {
            if (operation.Value.TryGetProperty("output", out var output))
            {
                Walk(output.GetProperty("shape").GetString()!);
            }
        }

        // Act / Assert ("Reason" is a string in one shape and a structure in another: left as parsed).
        Assert.Equal(byType["list"].Order(), IamWireShapes.Lists.Order());
        Assert.Equal(byType["map"].Order(), IamWireShapes.Maps.Keys.Order());
        Assert.Equal(byType["structure"].Where(n => n != "Reason").Order(), IamWireShapes.Structures.Order());
        Assert.Equal(byType["boolean"].Order(), IamWireShapes.Booleans.Order());
        Assert.Equal(byType["integer"].Concat(byType.GetValueOrDefault("long") ?? []).Distinct().Order(), IamWireShapes.Integers.Order());
        Assert.Equal(byType["document"].Order(), IamWireShapes.Documents.Order());
    }
}
