using System.Net;
using System.Xml.Linq;
using Dashboard.Aws.Tests.StandIn;

namespace Dashboard.Aws.Tests.Iam;

/// <summary>Raw IAM Query calls to a stand-in, signed (scope only) as the given access key.</summary>
internal sealed class IamWire(Uri baseUrl) : IDisposable
{
    private static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    private readonly HttpClient http = new() { BaseAddress = baseUrl };

    public async Task<(HttpStatusCode Status, string Body)> CallAsync(string action, IDictionary<string, string>? parameters = null, string accessKeyId = StandInClient.AmbientKey)
    {
        var form = new Dictionary<string, string>(parameters ?? new Dictionary<string, string>()) { ["Action"] = action };
        form.TryAdd("Version", "2010-05-08");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", StandInClient.Authorization(accessKeyId, "us-east-1", "iam"));
        var response = await http.SendAsync(request, StandInClient.Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(StandInClient.Ct));
    }

    /// <summary>Every page of GetAccountAuthorizationDetails (raw XML), following Marker.</summary>
    public async Task<List<string>> AllAuthorizationDetailsAsync(string accessKeyId, int maxItems, params string[] filters)
    {
        var pages = new List<string>();
        string? marker = null;
        do
        {
            var parameters = new Dictionary<string, string> { ["MaxItems"] = maxItems.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            for (var i = 0; i < filters.Length; i++)
            {
                parameters[$"Filter.member.{i + 1}"] = filters[i];
            }

            if (marker is not null)
            {
                parameters["Marker"] = marker;
            }

            var (status, body) = await CallAsync("GetAccountAuthorizationDetails", parameters, accessKeyId);
            Assert.True(status == HttpStatusCode.OK, body);
            pages.Add(body);
            var result = XDocument.Parse(body).Root!.Element(Ns + "GetAccountAuthorizationDetailsResult")!;
            marker = result.Element(Ns + "IsTruncated")!.Value == "true" ? result.Element(Ns + "Marker")!.Value : null;
            Assert.True(pages.Count < 5000, "paging does not end");
        }
        while (marker is not null);

        return pages;
    }

    public static string? Element(string xml, string name) =>
        XDocument.Parse(xml).Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public static int Members(string pageXml, string list) =>
        XDocument.Parse(pageXml).Descendants(Ns + list).Single().Elements(Ns + "member").Count();

    public void Dispose() => http.Dispose();
}
