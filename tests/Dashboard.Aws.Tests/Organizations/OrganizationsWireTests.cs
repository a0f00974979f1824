using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Dashboard.Aws.Organizations;
using Dashboard.Aws.Tests.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Organizations;

/// <summary>
/// The Organizations client against a fake endpoint: the JSON 1.1 request it sends, the error shapes of
/// botocore's protocol tests carrying Organizations' error codes, paging oddities and malformed bodies.
/// </summary>
public sealed class OrganizationsWireTests : IAsyncLifetime
{
    private const string Caller = "111111111111";
    private const string Prefix = "AWSOrganizationsV20161128.";

    private FakeAwsServer _server = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Answers Organizations calls by operation name; STS GetCallerIdentity is answered for the caller.</summary>
    private Func<string, JsonElement, FakeResponse> Organizations { get; set; } = (_, _) => FakeResponse.Json("{}");

    public async ValueTask InitializeAsync()
    {
        _server = await FakeAwsServer.StartAsync();
        _server.Handler = request =>
        {
            var target = request.Header("X-Amz-Target");
            if (target is null) return FakeResponse.Xml(StsXml.GetCallerIdentity(Caller, $"arn:aws:iam::{Caller}:user/demo"));
            using var input = JsonDocument.Parse(request.Body);
            return Organizations(target[Prefix.Length..], input.RootElement.Clone());
        };
        _services = OrganizationsTestServices.Build(_server.ServiceUrl, settings: new() { ["Aws:Organizations:MaxConcurrency"] = "1" });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IEnumerable<RecordedRequest> OrganizationsRequests => _server.Requests.Where(r => r.Header("X-Amz-Target") is not null);

    public static TheoryData<int> ProtocolErrorCases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < LoadErrorCases().Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProtocolErrorCases))]
    public async Task Collect_ProtocolErrorShapeCarryingAccessDenied_BecomesAccessException(int index)
    {
        // Arrange: botocore's JSON 1.1 error case (header, __type or code; namespaces and URIs), with
        // Organizations' AccessDeniedException as the code and the 400 status Organizations uses.
        var response = ErrorResponse(LoadErrorCases()[index], "AccessDeniedException");
        Organizations = (_, _) => response;

        // Act
        var error = await Assert.ThrowsAsync<OrganizationsAccessException>(() => Collector().CollectAsync(Ct));

        // Assert
        Assert.Equal((OrganizationsAccessProblem.AccessDenied, Caller, "DescribeOrganization"), (error.Problem, error.AccountId, error.Operation));
        Assert.Equal("AccessDeniedException", ((AmazonServiceException)error.InnerException!).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(ProtocolErrorCases))]
    public async Task Collect_ProtocolErrorShapeCarryingNotInUse_BecomesNotInUse(int index)
    {
        // Arrange
        var response = ErrorResponse(LoadErrorCases()[index], "AWSOrganizationsNotInUseException");
        Organizations = (_, _) => response;

        // Act
        var error = await Assert.ThrowsAsync<OrganizationsAccessException>(() => Collector().CollectAsync(Ct));

        // Assert
        Assert.Equal(OrganizationsAccessProblem.NotInUse, error.Problem);
    }

    [Fact]
    public async Task Collect_OtherServiceError_SurfacesAsTheAwsErrorWithItsMessage()
    {
        // Arrange: the first protocol case, verbatim ({"__type": "InvalidGreeting", "Message": "Hi"}).
        var testCase = LoadErrorCases()[0];
        Organizations = (_, _) => new FakeResponse(400, testCase.GetProperty("response").GetProperty("body").GetString()!, "application/x-amz-json-1.1");

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => Collector().CollectAsync(Ct));

        // Assert
        Assert.Equal((testCase.GetProperty("errorCode").GetString(), testCase.GetProperty("errorMessage").GetString()), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Collect_Request_IsJson11WithTargetAndSignedForUsEast1()
    {
        // Arrange: an organization with no OUs and SCPs not enabled: four calls.
        Organizations = Tree(accounts: """{"Accounts":[{"Id":"111111111111","Name":"mgmt","Email":"m@example.com","Status":"ACTIVE"}]}""");

        // Act
        await Collector().CollectAsync(Ct);

        // Assert
        var requests = OrganizationsRequests.ToList();
        Assert.Equal(
            [Prefix + "DescribeOrganization", Prefix + "ListAccountsForParent", Prefix + "ListOrganizationalUnitsForParent", Prefix + "ListRoots"],
            requests.Select(r => r.Header("X-Amz-Target")).Order(StringComparer.Ordinal));
        Assert.All(requests, r =>
        {
            Assert.Equal(("POST", "/"), (r.Method, r.Path));
            Assert.Equal("application/x-amz-json-1.1", r.Header("Content-Type"));
            Assert.Contains("/us-east-1/organizations/aws4_request", r.Header("Authorization"), StringComparison.Ordinal);
        });
        Assert.Equal("""{"ParentId":"r-exam","MaxResults":20}""", requests.Single(r => r.Header("X-Amz-Target") == Prefix + "ListAccountsForParent").BodyText);
    }

    [Fact]
    public async Task Collect_EmptyPagesWithNextToken_KeepsPagingAndDiscoversOnlyActiveAccounts()
    {
        // Arrange: page 1 empty with a token, page 2 three accounts (State wins over Status), page 3 one, no token.
        // Account discovery reads the collected tree, so this is the path the syncs' account list comes from.
        Organizations = Tree(pages: token => token switch
        {
            null => """{"Accounts":[],"NextToken":"t1"}""",
            "t1" => """
                {"Accounts":[
                  {"Id":"111111111111","Name":"mgmt","Email":"m@example.com","Status":"ACTIVE","JoinedTimestamp":1481830215.45},
                  {"Id":"222222222222","Name":"gone","Email":"g@example.com","Status":"ACTIVE","State":"CLOSED"},
                  {"Id":"333333333333","Name":"dev","Email":"d@example.com","Status":"SUSPENDED"}],
                 "NextToken":"t2"}
                """,
            "t2" => """{"Accounts":[{"Id":"444444444444","Name":"prod","Email":"p@example.com","State":"ACTIVE"}]}""",
            _ => null,
        });

        // Act
        var snapshot = await Collector().CollectAsync(Ct);

        // Assert
        var accounts = snapshot.DiscoverAccounts();
        Assert.Equal(4, snapshot.Accounts.Count);
        Assert.Equal(["111111111111", "444444444444"], accounts.Select(a => a.AccountId));
        Assert.True(accounts[0].IsManagement);
        Assert.False(accounts[1].IsManagement);
        Assert.Equal(3, OrganizationsRequests.Count(r => r.Header("X-Amz-Target") == Prefix + "ListAccountsForParent"));
    }

    [Fact]
    public async Task Collect_NextTokenRepeated_StopsWithAFormatError()
    {
        // Arrange
        Organizations = Tree(accounts: """{"Accounts":[],"NextToken":"same"}""");

        // Act
        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() => Collector().CollectAsync(Ct));

        // Assert
        Assert.Equal("ListAccountsForParent", error.Operation);
        Assert.Contains("repeats", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Organization":""", "not valid JSON")]
    [InlineData("""[]""", "not an object")]
    [InlineData("""{"Organization":{"Id":"o-exampleorgid"}}""", "$.Organization.MasterAccountId is missing or empty")]
    public async Task Collect_UnreadableDescribeOrganization_NamesTheProblem(string body, string expected)
    {
        // Arrange
        Organizations = (_, _) => FakeResponse.Json(body);

        // Act
        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() => Collector().CollectAsync(Ct));

        // Assert
        Assert.Equal(("Organizations", "DescribeOrganization"), (error.Service, error.Operation));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_JoinedTimestampNotEpochSeconds_IsAFormatError()
    {
        // Arrange: Organizations' JSON 1.1 sends timestamps as numbers; an ISO string means a broken endpoint.
        Organizations = Tree(accounts: """{"Accounts":[{"Id":"111111111111","Status":"ACTIVE","JoinedTimestamp":"20161215T193015Z"}]}""");

        // Act
        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() => Collector().CollectAsync(Ct));

        // Assert
        Assert.Contains("$.Accounts[0].JoinedTimestamp is \"20161215T193015Z\", not epoch seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_TooManyRequestsAtHttp400_IsRetriedAsThrottling()
    {
        // Arrange: Organizations throttles with HTTP 400 TooManyRequestsException; the SDK must still retry it.
        var calls = 0;
        var tree = Tree(accounts: """{"Accounts":[{"Id":"111111111111","Name":"mgmt","Email":"m@example.com","Status":"ACTIVE"}]}""");
        Organizations = (operation, input) => operation == "ListAccountsForParent" && Interlocked.Increment(ref calls) == 1
            ? new FakeResponse(400, """{"__type":"TooManyRequestsException","Message":"Rate exceeded"}""", "application/x-amz-json-1.1")
            : tree(operation, input);

        // Act
        var snapshot = await Collector().CollectAsync(Ct);

        // Assert
        Assert.Single(snapshot.Accounts);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Collect_PolicyTypeNotEnabledWhileListing_ReadsNoPoliciesOfThatType()
    {
        // Arrange: the root claims SCPs are enabled, but ListPolicies says otherwise (being disabled).
        Organizations = (operation, _) => operation switch
        {
            "DescribeOrganization" => FakeResponse.Json(Organization),
            "ListRoots" => FakeResponse.Json("""{"Roots":[{"Id":"r-exam","Name":"Root","PolicyTypes":[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"}]}]}"""),
            "ListOrganizationalUnitsForParent" => FakeResponse.Json("""{"OrganizationalUnits":[]}"""),
            "ListAccountsForParent" => FakeResponse.Json("""{"Accounts":[{"Id":"111111111111","Name":"mgmt","Email":"m@example.com","Status":"ACTIVE"}]}"""),
            _ => new FakeResponse(400, """{"__type":"PolicyTypeNotEnabledException","Message":"This operation can be performed only for enabled policy types."}""", "application/x-amz-json-1.1"),
        };

        // Act
        var snapshot = await Collector().CollectAsync(Ct);

        // Assert
        Assert.Empty(snapshot.Policies);
        Assert.Empty(snapshot.Root.EnabledPolicyTypes);
        Assert.Single(snapshot.Accounts);
    }

    [Fact]
    public void AddDashboardAwsOrganizations_MaxConcurrencyOutOfRange_NamesTheKey()
    {
        // Arrange
        using var services = OrganizationsTestServices.Build(_server.ServiceUrl, settings: new() { ["Aws:Organizations:MaxConcurrency"] = "0" });

        // Act
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrganizationsOptions>>().Value);

        // Assert
        Assert.Contains("Aws:Organizations:MaxConcurrency must be between 1 and 16 (was 0)", error.Message, StringComparison.Ordinal);
    }

    private const string Organization = """
        {"Organization":{"Id":"o-exampleorgid","Arn":"arn:aws:organizations::111111111111:organization/o-exampleorgid","FeatureSet":"ALL",
         "MasterAccountArn":"arn:aws:organizations::111111111111:account/o-exampleorgid/111111111111","MasterAccountId":"111111111111",
         "MasterAccountEmail":"bill@example.com","AvailablePolicyTypes":[{"Status":"ENABLED","Type":"SERVICE_CONTROL_POLICY"}]}}
        """;

    private OrganizationCollector Collector() => _services.GetRequiredService<OrganizationCollector>();

    /// <summary>A root without OUs or SCPs whose ListAccountsForParent answers <paramref name="accounts"/>, or the page for each NextToken.</summary>
    private static Func<string, JsonElement, FakeResponse> Tree(string? accounts = null, Func<string?, string?>? pages = null) => (operation, input) => operation switch
    {
        "DescribeOrganization" => FakeResponse.Json(Organization),
        "ListRoots" => FakeResponse.Json("""{"Roots":[{"Id":"r-exam","Name":"Root","PolicyTypes":[]}]}"""),
        "ListOrganizationalUnitsForParent" => FakeResponse.Json("""{"OrganizationalUnits":[]}"""),
        "ListAccountsForParent" when pages?.Invoke(input.TryGetProperty("NextToken", out var t) ? t.GetString() : null) is { } page => FakeResponse.Json(page),
        "ListAccountsForParent" when accounts is not null => FakeResponse.Json(accounts),
        var other => FakeResponse.Json($$"""{"__type":"InvalidInputException","Message":"unexpected {{other}}"}""", 400),
    };

    /// <summary>The botocore case's response with its error name replaced by <paramref name="code"/> and the status made 400.</summary>
    private static FakeResponse ErrorResponse(JsonElement testCase, string code)
    {
        var response = testCase.GetProperty("response");
        var name = testCase.GetProperty("errorCode").GetString()!;
        var headers = response.TryGetProperty("headers", out var h)
            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!.Replace(name, code, StringComparison.Ordinal))
            : new Dictionary<string, string>();
        var contentType = headers.Remove("Content-Type", out var ct) ? ct : "application/x-amz-json-1.1";
        var body = response.TryGetProperty("body", out var b) ? b.GetString()!.Replace(name, code, StringComparison.Ordinal) : "";
        return new FakeResponse((int)HttpStatusCode.BadRequest, body, contentType, headers);
    }

    private static List<JsonElement> LoadErrorCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.Path("aws", "wire", "botocore-protocol-tests", "output-json.json")));
        return
        [
            .. document.RootElement.EnumerateArray()
                .SelectMany(suite => suite.GetProperty("cases").EnumerateArray())
                .Where(c => c.TryGetProperty("errorCode", out _))
                .Select(c => c.Clone()),
        ];
    }
}
