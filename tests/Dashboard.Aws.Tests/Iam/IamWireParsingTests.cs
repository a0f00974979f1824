using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dashboard.Aws.Client;
using Dashboard.Aws.Iam;
using Dashboard.Aws.Tests.StandIn;

namespace Dashboard.Aws.Tests.Iam;

/// <summary>
/// The IAM XML bodies recorded in botocore's parsing tests, read by <see cref="IamQueryXml"/>, must give
/// what botocore gives (the paired .json), policy documents decoded.
/// </summary>
public sealed class IamWireParsingTests
{
    // botocore hands blobs out as bytes (its JSON shows them as text); the wire carries base64.
    private static readonly HashSet<string> Blobs = ["Base32StringSeed", "QRCodePNG", "Content"];
    private static readonly HashSet<string> Documents = ["AssumeRolePolicyDocument", "Document", "PolicyDocument"];

    public static TheoryData<string> Samples() => new(SampleNames());

    private static IEnumerable<string> SampleNames() =>
        Directory.EnumerateFiles(SharedData.Path("aws", "wire", "botocore-response-parsing", "responses"), "iam-*.xml")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Samples_ReferenceData_HasTheIamRecordings()
    {
        // Act
        var samples = SampleNames().ToList();

        // Assert
        Assert.Equal(15, samples.Count);
        Assert.Contains("iam-list-roles", samples);
        Assert.Contains("iam-get-account-summary", samples);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReadResult_BotocoreRecording_GivesWhatBotocoreParses(string sample)
    {
        // Arrange
        var folder = SharedData.Path("aws", "wire", "botocore-response-parsing", "responses");
        var xml = File.ReadAllBytes(Path.Combine(folder, sample + ".xml"));
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, sample + ".json")))!.AsObject();
        expected.Remove("ResponseMetadata");
        var operation = XDocument.Parse(Encoding.UTF8.GetString(xml)).Root!.Name.LocalName[..^"Response".Length];

        // Act
        var actual = IamQueryXml.ReadResult(xml, operation);

        // Assert: every member botocore reads is read the same; the only extras are elements the recordings
        // carry outside the model (botocore drops them, a name-driven reader keeps them).
        var normalized = Normalize(actual, null)!;
        var differences = new List<string>();
        var extras = new List<string>();
        Compare(expected, normalized, "$", differences, extras);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(OutsideTheModel.GetValueOrDefault(sample) ?? [], extras);
    }

    [Fact]
    public void ReadResult_ListRoles_DecodesTheTrustPolicy()
    {
        // Arrange
        var xml = File.ReadAllBytes(SharedData.Path("aws", "wire", "botocore-response-parsing", "responses", "iam-list-roles.xml"));

        // Act
        var result = IamQueryXml.ReadResult(xml, "ListRoles");

        // Assert
        var trust = result["Roles"]![0]!["AssumeRolePolicyDocument"]!.GetValue<string>();
        Assert.Equal("""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}""", trust);
        Assert.False(result["IsTruncated"]!.GetValue<bool>());
    }

    [Fact]
    public void ErrorParser_BotocoreErrorRecording_ReadsNoSuchEntity()
    {
        // Arrange
        var xml = File.ReadAllBytes(SharedData.Path("aws", "wire", "botocore-response-parsing", "errors", "iam-get-user.xml"));

        // Act
        var error = AwsErrorParser.Parse(AwsProtocol.Query, HttpStatusCode.NotFound, _ => null, xml);

        // Assert
        Assert.Equal("NoSuchEntity", error.Code);
        Assert.Equal("The user with name foobar cannot be found.", error.Message);
        Assert.Equal("358299bb-b7f8-11e2-8d39-e3a125f625ee", error.RequestId);
    }

    [Theory]
    [InlineData("<GetAccountSummaryResponse><GetAccountSummaryResult>", "not well-formed XML")]
    [InlineData("<ListRolesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"/>", "not <GetAccountSummaryResponse>")]
    [InlineData("<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>lots</value></entry></SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>", "<SummaryMap[Users]> is 'lots', not a whole number")]
    [InlineData("<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><value>1</value></entry></SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>", "has no <key>")]
    [InlineData("<GetAccountSummaryResponse><GetAccountSummaryResult><IsTruncated>maybe</IsTruncated></GetAccountSummaryResult></GetAccountSummaryResponse>", "<IsTruncated> is 'maybe'")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><GetAccountSummaryResponse/>", "not well-formed XML")]
    public void ReadResult_MalformedXml_ThrowsNamingTheProblem(string xml, string expected)
    {
        // Act
        var error = Assert.Throws<AwsResponseFormatException>(() => IamQueryXml.ReadResult(Encoding.UTF8.GetBytes(xml), "GetAccountSummary"));

        // Assert
        Assert.Equal("IAM", error.Service);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string[]> OutsideTheModel = new(StringComparer.Ordinal)
    {
        ["iam-list-access-keys"] = ["$.UserName"],
        ["iam-list-signing-certificates"] = ["$.UserName"],
        ["iam-list-instance-profiles"] = ["$.InstanceProfiles[0].Id", "$.InstanceProfiles[1].Id"],
    };

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences, List<string> extras)
    {
        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            foreach (var (key, value) in expectedObject)
            {
                if (!actualObject.ContainsKey(key))
                {
                    differences.Add($"{path}.{key} is missing");
                    continue;
                }

                Compare(value, actualObject[key], $"{path}.{key}", differences, extras);
            }

            extras.AddRange(actualObject.Where(p => !expectedObject.ContainsKey(p.Key)).Select(p => $"{path}.{p.Key}"));
            return;
        }

        if (expected is JsonArray expectedArray && actual is JsonArray actualArray && expectedArray.Count == actualArray.Count)
        {
            for (var i = 0; i < expectedArray.Count; i++)
            {
                Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", differences, extras);
            }

            return;
        }

        if (!JsonNode.DeepEquals(expected, actual))
        {
            differences.Add($"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
        }
    }

    private static JsonNode? Normalize(JsonNode? node, string? name)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Normalize(value, key);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Normalize(item, null))]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && name is not null && Documents.Contains(name):
                return JsonNode.Parse(value.GetValue<string>());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && name is not null && Blobs.Contains(name):
                return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(value.GetValue<string>())));
            default:
                return node?.DeepClone();
        }
    }
}
