using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Dashboard.Aws.Tests.StandIn;

/// <summary>
/// Plain HTTP calls to a stand-in with a hand-written SigV4 Authorization header: the stand-in reads the
/// credential scope (access key, Region, service) and does not check the signature.
/// </summary>
internal sealed class StandInClient(Uri baseUrl) : IDisposable
{
    public const string AmbientKey = "AKIDEXAMPLE";

    private readonly HttpClient http = new() { BaseAddress = baseUrl };

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Authorization(string accessKeyId, string region, string service) =>
        $"AWS4-HMAC-SHA256 Credential={accessKeyId}/20260101/{region}/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostFindingsRawAsync(
        string body, string accessKeyId = AmbientKey, string region = "us-east-1", bool signed = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "findings") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization(accessKeyId, region, "securityhub"));
        }

        var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response);
    }

    /// <summary>One GetFindings page; fails the test on a non-200.</summary>
    public async Task<JsonElement> GetFindingsPageAsync(object request, string accessKeyId = AmbientKey, string region = "us-east-1")
    {
        var (status, body, _) = await PostFindingsRawAsync(JsonSerializer.Serialize(request), accessKeyId, region);
        Assert.True(status == HttpStatusCode.OK, $"GetFindings returned {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every finding of a query, following NextToken; the raw pages too, for validation.</summary>
    public async Task<(List<JsonElement> Findings, List<JsonElement> Pages)> GetAllFindingsAsync(
        Dictionary<string, object?> request, string accessKeyId = AmbientKey, string region = "us-east-1")
    {
        var findings = new List<JsonElement>();
        var pages = new List<JsonElement>();
        string? token = null;
        do
        {
            var body = new Dictionary<string, object?>(request);
            if (token is not null)
            {
                body["NextToken"] = token;
            }

            var page = await GetFindingsPageAsync(body, accessKeyId, region);
            pages.Add(page);
            findings.AddRange(page.GetProperty("Findings").EnumerateArray());
            token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            Assert.True(pages.Count < 10_000, "paging does not end");
        }
        while (token is not null);

        return (findings, pages);
    }

    public async Task<(HttpStatusCode Status, string Body)> StsAsync(IDictionary<string, string> parameters, string accessKeyId = AmbientKey, bool signed = true)
    {
        var form = new Dictionary<string, string>(parameters) { ["Version"] = parameters.TryGetValue("Version", out var v) ? v : "2011-06-15" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent(form) };
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization(accessKeyId, "us-east-1", "sts"));
        }

        var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>AssumeRole into an account; returns the issued access key id.</summary>
    public async Task<string> AssumeRoleAsync(string accountId, string roleName = "SecurityDashboardReadOnly")
    {
        var (status, body) = await StsAsync(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["RoleArn"] = $"arn:aws:iam::{accountId}:role/{roleName}",
            ["RoleSessionName"] = "dashboard-test",
        });
        Assert.True(status == HttpStatusCode.OK, body);
        return XDocument.Parse(body).Descendants().Single(e => e.Name.LocalName == "AccessKeyId").Value;
    }

    public async Task<(HttpStatusCode Status, string Body)> AdminAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public void Dispose() => http.Dispose();
}
