using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Aws.Tests.StandIn;
using Dashboard.Aws.Tests.StandIn.ModelValidation;
using Dashboard.Core.Iam.Policies;
using Dashboard.StandIn.Faults;
using Dashboard.StandIn.Hosting;
using Dashboard.StandIn.Identity;
using Dashboard.StandIn.Organizations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Aws.Tests.Organizations;

/// <summary>
/// What the stand-in's Organizations API sends, raw: every response of every operation over the generated
/// organization and the AWS example organization validates against the current botocore model, errors
/// have the JSON 1.1 shape, and the deterministic empty pages carry a NextToken.
/// </summary>
public sealed class OrganizationsStandInWireTests(StandInOrganizationFixture fixture) : IClassFixture<StandInOrganizationFixture>
{
    private static readonly BotocoreModel Model = BotocoreModel.Load("organizations-service-2.json");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_GeneratedOrganization_ValidatesAgainstTheModel()
    {
        // Arrange
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        var tree = fixture.Tree;

        // Act
        var errors = await ValidateEverythingAsync((operation, input) => PostAsync(http, operation, input), tree);

        // Assert
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(50)));
    }

    [Fact]
    public async Task EveryOperation_AwsExampleOrganization_ValidatesAgainstTheModel()
    {
        // Arrange: the embedded example served by the service itself (no server option selects it yet).
        var tree = OrganizationFile.LoadAwsExample();
        var service = new OrganizationsService(tree, new StandInFaults(), NullLogger.Instance);

        // Act
        var errors = await ValidateEverythingAsync((operation, input) => InvokeAsync(service, operation, input), tree);

        // Assert
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(50)));
        Assert.Equal(4, tree.Accounts.Count);
        Assert.Equal(["p-examplepolicyid222"], tree.PoliciesFor("444444444444", "SERVICE_CONTROL_POLICY").Select(p => p.Id));
    }

    [Fact]
    public async Task List_KeyChosenForAnEmptyFirstPage_ReturnsNoItemsAndANextToken()
    {
        // Arrange
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        var parent = fixture.Tree.Units.Select(u => u.Id).Prepend(fixture.Tree.RootId)
            .First(p => OrganizationsPaging.StartsWithEmptyPage("ListOrganizationalUnitsForParent", p));

        // Act
        var (status, first) = await PostAsync(http, "ListOrganizationalUnitsForParent", new { ParentId = parent });
        var (_, second) = await PostAsync(http, "ListOrganizationalUnitsForParent", new { ParentId = parent, NextToken = first.GetProperty("NextToken").GetString() });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, first.GetProperty("OrganizationalUnits").GetArrayLength());
        Assert.Equal(Math.Min(fixture.Tree.ChildUnits(parent).Count, OrganizationsPaging.PageCap), second.GetProperty("OrganizationalUnits").GetArrayLength());
    }

    public static TheoryData<string, string, string, string?> BadRequests() => new()
    {
        { "ListAccountsForParent", """{"ParentId":"nonsense"}""", "InvalidInputException", "INVALID_PATTERN" },
        { "ListAccountsForParent", """{"ParentId":"ou-zzzz-zzzzzzzz"}""", "ParentNotFoundException", null },
        { "ListAccountsForParent", "{}", "InvalidInputException", "INPUT_REQUIRED" },
        { "ListAccounts", """{"NextToken":"bm90IGEgdG9rZW4="}""", "InvalidInputException", "INVALID_NEXT_TOKEN" },
        { "ListAccounts", """{"MaxResults":21}""", "InvalidInputException", "MAX_VALUE_EXCEEDED" },
        { "ListPolicies", """{"Filter":"SCP"}""", "InvalidInputException", "INVALID_ENUM_POLICY_TYPE" },
        { "ListPoliciesForTarget", """{"TargetId":"999999999999","Filter":"SERVICE_CONTROL_POLICY"}""", "TargetNotFoundException", null },
        { "DescribePolicy", """{"PolicyId":"p-doesnotexist"}""", "PolicyNotFoundException", null },
        { "ListHandshakesForOrganization", "{}", "UnknownOperationException", null },
        { "ListRoots", "not json", "SerializationException", null },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Request_BadInput_AnswersTheJson11ErrorShape(string operation, string body, string errorType, string? reason)
    {
        // Arrange
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };

        // Act
        var (status, error) = await PostRawAsync(http, operation, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(errorType, error.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("Message").GetString()));
        Assert.Equal(reason, error.TryGetProperty("Reason", out var r) ? r.GetString() : null);
        if (errorType is not ("UnknownOperationException" or "SerializationException"))
            Assert.Empty(Model.Validate(WithoutType(error), errorType));
    }

    [Fact]
    public async Task Request_MemberAccount_MayDescribeButNotList()
    {
        // Arrange
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        var member = OrganizationsTestServices.KeyFor(fixture.Tree.Accounts.First(a => a.Name == "prod-web").Id);

        // Act
        var (describeStatus, _) = await PostRawAsync(http, "DescribeOrganization", "{}", member);
        var (listStatus, error) = await PostRawAsync(http, "ListAccounts", "{}", member);

        // Assert
        Assert.Equal(HttpStatusCode.OK, describeStatus);
        Assert.Equal(HttpStatusCode.BadRequest, listStatus);
        Assert.Equal("AccessDeniedException", error.GetProperty("__type").GetString());
        Assert.Empty(Model.Validate(WithoutType(error), "AccessDeniedException"));
    }

    [Fact]
    public void SeedScps_EveryFile_IsAVerbatimCopyOfASharedExampleAndParsesOnceFilledIn()
    {
        // Arrange
        var shared = Directory.EnumerateFiles(SharedData.Path("data", "scp"), "*.json", SearchOption.AllDirectories).Select(File.ReadAllText).ToHashSet();
        var assembly = typeof(OrganizationTree).Assembly;
        var names = ScpSeed.FileNames();

        // Act
        var results = names.Select(name =>
        {
            var verbatim = ScpSeed.Resource(assembly, "Dashboard.StandIn.Seed.scp." + name);
            return (Name: name, Verbatim: verbatim, Filled: ScpSeed.Load(name));
        }).ToList();

        // Assert
        Assert.Equal(20, results.Count);
        Assert.All(results, r =>
        {
            Assert.Contains(r.Verbatim, shared);
            var parsed = PolicyParser.Parse(r.Filled);
            Assert.True(parsed.IsSuccess, $"{r.Name}: {parsed.Error}");
            Assert.DoesNotContain("[PRIVILEGED_ROLE]", r.Filled, StringComparison.Ordinal);
            Assert.DoesNotContain("${Account}", r.Filled, StringComparison.Ordinal);
        });
    }

    /// <summary>Calls every operation for every parent, target and policy, following every NextToken; returns the model problems.</summary>
    private static async Task<List<string>> ValidateEverythingAsync(Func<string, object, Task<(HttpStatusCode Status, JsonElement Body)>> call, OrganizationTree tree)
    {
        var errors = new List<string>();
        async Task<List<JsonElement>> AllPages(string operation, Dictionary<string, object> input)
        {
            var pages = new List<JsonElement>();
            string? token = null;
            do
            {
                var body = new Dictionary<string, object>(input);
                if (token is not null) body["NextToken"] = token;
                var (status, page) = await call(operation, body);
                Assert.True(status == HttpStatusCode.OK, $"{operation} {JsonSerializer.Serialize(body)}: {(int)status} {page}");
                errors.AddRange(Model.Validate(page, Model.Output(operation).Shape).Select(e => $"{operation}: {e}"));
                pages.Add(page);
                token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
                Assert.True(pages.Count < 1000, "paging does not end");
            }
            while (token is not null);
            return pages;
        }

        var (describeStatus, organization) = await call("DescribeOrganization", new { });
        Assert.Equal(HttpStatusCode.OK, describeStatus);
        errors.AddRange(Model.Validate(organization, "DescribeOrganizationResponse"));
        await AllPages("ListRoots", new() { ["MaxResults"] = 20 });
        await AllPages("ListAccounts", new() { ["MaxResults"] = 2 });
        var targets = new List<string> { tree.RootId };
        foreach (var parent in tree.Units.Select(u => u.Id).Prepend(tree.RootId))
        {
            var units = await AllPages("ListOrganizationalUnitsForParent", new() { ["ParentId"] = parent });
            Assert.Equal(tree.ChildUnits(parent).Count, units.Sum(p => p.GetProperty("OrganizationalUnits").GetArrayLength()));
            var accounts = await AllPages("ListAccountsForParent", new() { ["ParentId"] = parent });
            Assert.Equal(tree.ChildAccounts(parent).Count, accounts.Sum(p => p.GetProperty("Accounts").GetArrayLength()));
            if (parent != tree.RootId) targets.Add(parent);
        }

        targets.AddRange(tree.Accounts.Select(a => a.Id));
        foreach (var type in new[] { "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY" })
        {
            await AllPages("ListPolicies", new() { ["Filter"] = type });
            foreach (var target in targets) await AllPages("ListPoliciesForTarget", new() { ["TargetId"] = target, ["Filter"] = type });
        }

        foreach (var policy in tree.Policies)
        {
            var (status, body) = await call("DescribePolicy", new { PolicyId = policy.Id });
            Assert.Equal(HttpStatusCode.OK, status);
            errors.AddRange(Model.Validate(body, "DescribePolicyResponse").Select(e => $"DescribePolicy {policy.Id}: {e}"));
            Assert.Equal(policy.Content, body.GetProperty("Policy").GetProperty("Content").GetString());
        }

        return errors;
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string operation, object input) =>
        PostRawAsync(http, operation, JsonSerializer.Serialize(input));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(HttpClient http, string operation, string body, string accessKeyId = StandInClient.AmbientKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", OrganizationsService.TargetPrefix + operation);
        request.Headers.TryAddWithoutValidation("Authorization", StandInClient.Authorization(accessKeyId, "us-east-1", "organizations"));
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Drives the service without a server, as the router would: for trees no server option selects yet.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(OrganizationsService service, string operation, object input)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/";
        context.Request.Headers["X-Amz-Target"] = OrganizationsService.TargetPrefix + operation;
        context.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(input));
        var output = new MemoryStream();
        context.Response.Body = output;
        var caller = new CallerIdentity(service.Tree.ManagementAccountId, $"arn:aws:iam::{service.Tree.ManagementAccountId}:user/operator", "AIDAEXAMPLE", true);
        await service.HandleAsync(new StandInRequest(context, new CredentialScope("AKIDEXAMPLE", "20260101", "us-east-1", "organizations"), caller), Ct);
        return ((HttpStatusCode)context.Response.StatusCode, JsonDocument.Parse(output.ToArray()).RootElement.Clone());
    }

    private static JsonElement WithoutType(JsonElement error)
    {
        var copy = new Dictionary<string, JsonElement>();
        foreach (var property in error.EnumerateObject().Where(p => p.Name != "__type")) copy[property.Name] = property.Value;
        return JsonSerializer.SerializeToElement(copy);
    }
}
