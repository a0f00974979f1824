using System.Text.Json.Nodes;
using Bunit;
using Dashboard.Core.Findings;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Findings;

namespace Dashboard.Web.Tests.Components;

public sealed class FindingDetailPageTests : DashboardComponentTest
{
    private const string Hostile = "<script>alert(1)</script>";

    private IRenderedComponent<FindingDetailPage> RenderDetail(string id, string productArn)
        => RenderAt<FindingDetailPage>(FindingLinks.Detail(id, productArn));

    [Fact]
    public async Task Render_ControlFinding_ShowsEveryAsffSection()
    {
        var id = "arn:aws:securityhub:us-east-1:111111111111:security-control/S3.1/finding/abc";
        await SeedAsync(
            TestFindings.Record(id, "S3 general purpose buckets should block public access", controlId: "S3.1"),
            TestFindings.Record("other-on-same-bucket", "Bucket versioning is off", Severity.Low, controlId: "S3.14"));

        var cut = RenderDetail(id, TestFindings.ProductArn());

        cut.WaitForAssertion(() => Assert.Equal("S3 general purpose buckets should block public access", cut.Find("[data-testid=finding-title]").TextContent));
        foreach (var expected in new[]
        {
            "Description", "A test finding.", "Remediation", "Resources (1)", "AwsS3Bucket", "arn:aws:s3:::example-bucket",
            "platform", "OwnerId", "Compliance", "FAILED", "standards/aws-foundational-security-best-practices/v/1.0.0",
            "NIST.800-53.r5 AC-3", "CONFIG_EVALUATIONS_EMPTY", "No evaluation results.", "Product fields",
            "RelatedAWSResources:0/type", "First observed", "2024-05-01 08:00:00 UTC", "security-control/S3.1",
            "Software and Configuration Checks/Industry and Regulatory Standards", "111111111111", "us-east-1",
        })
        {
            Assert.Contains(expected, cut.Markup);
        }
        Assert.Equal("https://docs.aws.amazon.com/console/securityhub/S3.1/remediation", cut.Find("[data-testid=remediation-link]").GetAttribute("href"));
        Assert.Contains("\"SchemaVersion\": \"2018-10-08\"", cut.Find("[data-testid=raw-json]").TextContent);
        var sameResource = cut.Find("[data-testid=same-resource] a");
        Assert.Equal("Bucket versioning is off", sameResource.TextContent);
        Assert.Equal(FindingLinks.Detail("other-on-same-bucket", TestFindings.ProductArn()), sameResource.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_HostileTitleAndDescription_RendersThemEncoded()
    {
        await SeedAsync(TestFindings.Record("hostile", Hostile, description: Hostile, customize: json =>
        {
            json["Note"] = new JsonObject { ["Text"] = Hostile, ["UpdatedBy"] = "<b>attacker</b>", ["UpdatedAt"] = "2024-05-03T00:00:00Z" };
            json["ProductFields"] = new JsonObject { [Hostile] = Hostile };
            json["Network"] = new JsonObject { ["Direction"] = Hostile };
        }));

        var cut = RenderDetail("hostile", TestFindings.ProductArn());

        cut.WaitForAssertion(() => Assert.Equal(Hostile, cut.Find("[data-testid=finding-title]").TextContent));
        Assert.Equal(Hostile, cut.Find("[data-testid=finding-description]").TextContent);
        Assert.Empty(cut.FindAll("script"));
        Assert.DoesNotContain("<b>attacker</b>", cut.Markup);
        Assert.DoesNotContain(Hostile, cut.Markup);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup);
    }

    [Fact]
    public async Task Render_JavascriptRemediationUrl_IsShownAsTextNotLink()
    {
        await SeedAsync(TestFindings.Record("js-url", "Odd remediation", customize: json =>
            json["Remediation"] = new JsonObject { ["Recommendation"] = new JsonObject { ["Text"] = "Click", ["Url"] = "javascript:alert(1)" } }));

        var cut = RenderDetail("js-url", TestFindings.ProductArn());

        cut.WaitForAssertion(() => Assert.Equal("javascript:alert(1)", cut.Find("[data-testid=remediation-url-text]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=remediation-link]"));
        Assert.DoesNotContain(cut.FindAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Render_OddShapes_RenderWithoutThrowing()
    {
        await SeedAsync(TestFindings.Record("odd", "Odd shapes", customize: json =>
        {
            json["Resources"] = "not-an-array";
            json["Compliance"] = 42;
            json["Types"] = new JsonObject { ["unexpected"] = true };
            json["Severity"] = "HIGH";
            json["Remediation"] = new JsonArray(1, 2);
            json["ProductFields"] = new JsonArray("a");
            json["Vulnerabilities"] = new JsonArray(new JsonObject { ["Id"] = "CVE-2024-0001", ["Cvss"] = new JsonArray(new JsonObject { ["BaseScore"] = 9.8 }) });
            json["SomeFutureSection"] = new JsonObject { ["Nested"] = new JsonObject { ["Deeper"] = new JsonArray(new JsonObject { ["Deepest"] = "x" }) } };
        }));

        var cut = RenderDetail("odd", TestFindings.ProductArn());

        cut.WaitForAssertion(() => Assert.Equal("Odd shapes", cut.Find("[data-testid=finding-title]").TextContent));
        Assert.Contains("not-an-array", cut.Markup);
        Assert.Contains("CVE-2024-0001", cut.Markup);
        Assert.Contains("9.8", cut.Markup);
        Assert.Contains("SomeFutureSection", cut.Markup);
        Assert.Contains("Deepest", cut.Markup);
    }

    [Fact]
    public void Render_MissingQueryParameters_SaysWhatIsMissing()
    {
        var cut = RenderAt<FindingDetailPage>("/findings/detail?id=only-an-id");

        Assert.Contains("'product'", cut.Find("[data-testid=detail-message]").TextContent);
    }

    [Fact]
    public void Render_UnknownFinding_SaysItIsNotInTheCache()
    {
        var cut = RenderDetail("missing", TestFindings.ProductArn());

        cut.WaitForAssertion(() => Assert.Contains("No finding with id 'missing'", cut.Find("[data-testid=detail-message]").TextContent));
    }
}
