using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Faults;
using Dashboard.StandIn.Hosting;
using Dashboard.StandIn.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.Organizations;

/// <summary>
/// AWS Organizations in JSON 1.1 (POST / with <c>X-Amz-Target: AWSOrganizationsV20161128.&lt;Op&gt;</c>, errors
/// as {"__type", "Message"}, timestamps as epoch seconds): DescribeOrganization, ListRoots,
/// ListOrganizationalUnitsForParent, ListAccountsForParent, ListAccounts, ListPolicies, DescribePolicy and
/// ListPoliciesForTarget over an <see cref="OrganizationTree"/>. As in AWS, any account of the organization
/// may call DescribeOrganization, only the management account and delegated administrators the rest;
/// callers outside it get AWSOrganizationsNotInUseException. Throttle, 5xx and AccessDenied faults apply.
/// </summary>
internal sealed partial class OrganizationsService(OrganizationTree tree, StandInFaults faults, ILogger logger) : IStandInService
{
    public const string TargetPrefix = "AWSOrganizationsV20161128.";
    private const string ContentType = "application/x-amz-json-1.1";
    private const string AccessDeniedMessage = "You don't have permissions to access this resource.";

    private static readonly HashSet<string> PolicyTypes = new(StringComparer.Ordinal)
    {
        "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY",
        "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY", "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY",
        "BEDROCK_POLICY", "S3_POLICY", "NETWORK_SECURITY_DIRECTOR_POLICY",
    };

    [GeneratedRegex(@"^(r-[0-9a-z]{4,32})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$")]
    private static partial Regex ParentIdPattern();

    [GeneratedRegex(@"^(r-[0-9a-z]{4,32})|(\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$")]
    private static partial Regex TargetIdPattern();

    [GeneratedRegex("^p-[0-9a-zA-Z_]{8,128}$")]
    private static partial Regex PolicyIdPattern();

    public string SigningName => "organizations";

    public OrganizationTree Tree => tree;

    public Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteErrorAsync(context, new OrganizationsException(status, code, message));

    public async Task HandleAsync(StandInRequest request, CancellationToken cancellationToken)
    {
        var http = request.Http;
        var operation = string.Empty;
        try
        {
            operation = Operation(http.Request);
            using var input = await ReadInputAsync(http.Request, cancellationToken);
            Authorize(operation, request.Caller);
            var body = Dispatch(operation, input.RootElement);
            http.Response.StatusCode = 200;
            http.Response.ContentType = ContentType;
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, cancellationToken);
        }
        catch (OrganizationsException ex)
        {
            logger.LogDebug("Organizations {Operation} as {Account}: {Status} {ErrorType}", operation, request.Caller.AccountId, ex.Status, ex.ErrorType);
            await WriteErrorAsync(http, ex);
        }
    }

    private static string Operation(HttpRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        if (!HttpMethods.IsPost(request.Method) || !target.StartsWith(TargetPrefix, StringComparison.Ordinal))
            throw new OrganizationsException(400, "UnknownOperationException", $"Organizations expects POST / with X-Amz-Target {TargetPrefix}<Operation>, got {request.Method} with '{target}'.");
        return target[TargetPrefix.Length..];
    }

    private static async Task<JsonDocument> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0) return JsonDocument.Parse("{}");
        try
        {
            var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException)
        {
            // Reported below, as AWS does for any body it cannot deserialize.
        }

        throw new OrganizationsException(400, "SerializationException", "The request body is not a JSON object.");
    }

    private void Authorize(string operation, CallerIdentity caller)
    {
        var inOrganization = caller.IsManagement || tree.ContainsAccount(caller.AccountId);
        if (!inOrganization)
            throw new OrganizationsException(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
        if (faults.IsDenied(caller.AccountId))
            throw new OrganizationsException(400, "AccessDeniedException", AccessDeniedMessage);

        // Any member may describe its organization; the List and Describe-policy calls need the management
        // account or a delegated administrator (API-FACTS: "Only the management account or a delegated administrator").
        var privileged = caller.IsManagement || caller.AccountId == tree.ManagementAccountId || tree.DelegatedAdministrators.Contains(caller.AccountId);
        if (operation != "DescribeOrganization" && !privileged)
            throw new OrganizationsException(400, "AccessDeniedException", AccessDeniedMessage);

        if (faults.TryConsume(StandInFaultKind.Throttle, caller.AccountId))
            throw new OrganizationsException(400, "TooManyRequestsException", "You have sent too many requests in too short a period of time. Try again later.");
        if (faults.TryConsume(StandInFaultKind.ServerError, caller.AccountId))
            throw new OrganizationsException(500, "ServiceException", "AWS Organizations can't complete your request because it encountered an internal error. Try again later.");
    }

    private byte[] Dispatch(string operation, JsonElement input) => operation switch
    {
        "DescribeOrganization" => Write(DescribeOrganization),
        "ListRoots" => ListRoots(input),
        "ListOrganizationalUnitsForParent" => ListOrganizationalUnitsForParent(input),
        "ListAccountsForParent" => ListAccountsForParent(input),
        "ListAccounts" => ListAccounts(input),
        "ListPolicies" => ListPolicies(input),
        "DescribePolicy" => DescribePolicy(input),
        "ListPoliciesForTarget" => ListPoliciesForTarget(input),
        _ => throw new OrganizationsException(400, "UnknownOperationException", $"The local stand-in does not implement Organizations {operation}."),
    };

    private void DescribeOrganization(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("Organization");
        writer.WriteString("Id", tree.Id);
        writer.WriteString("Arn", tree.OrganizationArn);
        writer.WriteString("FeatureSet", tree.FeatureSet);
        writer.WriteString("MasterAccountArn", tree.AccountArn(tree.ManagementAccountId));
        writer.WriteString("MasterAccountId", tree.ManagementAccountId);
        writer.WriteString("MasterAccountEmail", tree.ManagementAccountEmail);
        WritePolicyTypes(writer, "AvailablePolicyTypes");
        writer.WriteEndObject();
    }

    private byte[] ListRoots(JsonElement input)
    {
        var (_, page) = PageOf([tree.RootId], "ListRoots", "roots", input);
        return Write(writer =>
        {
            writer.WriteStartArray("Roots");
            if (page.Items.Count > 0)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", tree.RootId);
                writer.WriteString("Arn", tree.RootArn);
                writer.WriteString("Name", tree.RootName);
                WritePolicyTypes(writer, "PolicyTypes");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteNextToken(writer, page.NextToken);
        });
    }

    private byte[] ListOrganizationalUnitsForParent(JsonElement input)
    {
        var parentId = ParentId(input);
        var (_, page) = PageOf(tree.ChildUnits(parentId), "ListOrganizationalUnitsForParent", parentId, input);
        return Write(writer =>
        {
            writer.WriteStartArray("OrganizationalUnits");
            foreach (var unit in page.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", unit.Id);
                writer.WriteString("Arn", tree.UnitArn(unit.Id));
                writer.WriteString("Name", unit.Name);
                writer.WriteString("Path", tree.PathOf(unit.Id));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteNextToken(writer, page.NextToken);
        });
    }

    private byte[] ListAccountsForParent(JsonElement input)
    {
        var parentId = ParentId(input);
        return ListAccountPage(tree.ChildAccounts(parentId), "ListAccountsForParent", parentId, input);
    }

    private byte[] ListAccounts(JsonElement input) => ListAccountPage(tree.Accounts, "ListAccounts", "all", input);

    private byte[] ListAccountPage(IReadOnlyList<TreeAccount> accounts, string operation, string key, JsonElement input)
    {
        var (_, page) = PageOf(accounts, operation, key, input);
        return Write(writer =>
        {
            writer.WriteStartArray("Accounts");
            foreach (var account in page.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", account.Id);
                writer.WriteString("Arn", tree.AccountArn(account.Id));
                writer.WriteString("Email", account.Email);
                writer.WriteString("Name", account.Name);
                // Status is the older member, State its replacement; AWS sends both (State has more values).
                writer.WriteString("Status", account.Status is "ACTIVE" or "SUSPENDED" or "PENDING_CLOSURE" ? account.Status : "SUSPENDED");
                writer.WriteString("State", account.Status);
                writer.WriteStartArray("Paths");
                writer.WriteStringValue(tree.PathOf(account.ParentId) + account.Id + "/");
                writer.WriteEndArray();
                writer.WriteString("JoinedMethod", account.JoinedMethod);
                writer.WriteNumber("JoinedTimestamp", account.Joined.ToUnixTimeMilliseconds() / 1000.0);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteNextToken(writer, page.NextToken);
        });
    }

    private byte[] ListPolicies(JsonElement input)
    {
        var filter = Filter(input);
        var policies = tree.EnabledPolicyTypes.Contains(filter) ? tree.Policies.Where(p => p.Type == filter).ToList() : [];
        var (_, page) = PageOf(policies, "ListPolicies", filter, input);
        return WritePolicyPage(page);
    }

    private byte[] ListPoliciesForTarget(JsonElement input)
    {
        var targetId = RequiredString(input, "TargetId");
        if (!TargetIdPattern().IsMatch(targetId))
            throw OrganizationsException.InvalidInput("INVALID_PATTERN_TARGET_ID", $"'{targetId}' is not a root, OU or account id.");
        if (!tree.IsTarget(targetId))
            throw new OrganizationsException(400, "TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.");
        var filter = Filter(input);
        var (_, page) = PageOf(tree.PoliciesFor(targetId, filter), "ListPoliciesForTarget", targetId + "/" + filter, input);
        return WritePolicyPage(page);
    }

    private byte[] DescribePolicy(JsonElement input)
    {
        var policyId = RequiredString(input, "PolicyId");
        if (!PolicyIdPattern().IsMatch(policyId))
            throw OrganizationsException.InvalidInput("INVALID_SYNTAX_POLICY_ID", $"'{policyId}' is not a policy id.");
        var policy = tree.Policy(policyId) ?? throw new OrganizationsException(400, "PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");
        return Write(writer =>
        {
            writer.WriteStartObject("Policy");
            writer.WritePropertyName("PolicySummary");
            WritePolicySummary(writer, policy);
            writer.WriteString("Content", policy.Content);
            writer.WriteEndObject();
        });
    }

    private byte[] WritePolicyPage((IReadOnlyList<TreePolicy> Items, string? NextToken) page) => Write(writer =>
    {
        writer.WriteStartArray("Policies");
        foreach (var policy in page.Items) WritePolicySummary(writer, policy);
        writer.WriteEndArray();
        WriteNextToken(writer, page.NextToken);
    });

    private void WritePolicySummary(Utf8JsonWriter writer, TreePolicy policy)
    {
        writer.WriteStartObject();
        writer.WriteString("Id", policy.Id);
        writer.WriteString("Arn", tree.PolicyArn(policy));
        writer.WriteString("Name", policy.Name);
        writer.WriteString("Description", policy.Description);
        writer.WriteString("Type", policy.Type);
        writer.WriteBoolean("AwsManaged", policy.AwsManaged);
        writer.WriteEndObject();
    }

    private void WritePolicyTypes(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartArray(name);
        foreach (var type in tree.EnabledPolicyTypes)
        {
            writer.WriteStartObject();
            writer.WriteString("Type", type);
            writer.WriteString("Status", "ENABLED");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNextToken(Utf8JsonWriter writer, string? token)
    {
        if (token is not null) writer.WriteString("NextToken", token);
    }

    private static (int? MaxResults, (IReadOnlyList<T> Items, string? NextToken) Page) PageOf<T>(IReadOnlyList<T> all, string operation, string key, JsonElement input)
    {
        int? maxResults = null;
        if (input.TryGetProperty("MaxResults", out var max))
        {
            if (max.ValueKind != JsonValueKind.Number || !max.TryGetInt32(out var value) || value is < 1 or > OrganizationsPaging.MaxResultsLimit)
                throw OrganizationsException.InvalidInput("MAX_VALUE_EXCEEDED", $"MaxResults must be a whole number from 1 to {OrganizationsPaging.MaxResultsLimit}.");
            maxResults = value;
        }

        var token = input.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (maxResults, OrganizationsPaging.Page(all, operation, key, token, maxResults));
    }

    private string ParentId(JsonElement input)
    {
        var parentId = RequiredString(input, "ParentId");
        if (!ParentIdPattern().IsMatch(parentId))
            throw OrganizationsException.InvalidInput("INVALID_PATTERN", $"'{parentId}' is not a root or OU id.");
        if (!tree.IsParent(parentId))
            throw new OrganizationsException(400, "ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
        return parentId;
    }

    private static string Filter(JsonElement input)
    {
        var filter = RequiredString(input, "Filter");
        if (!PolicyTypes.Contains(filter))
            throw OrganizationsException.InvalidInput("INVALID_ENUM_POLICY_TYPE", $"'{filter}' is not a policy type.");
        return filter;
    }

    private static string RequiredString(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(value.GetString())
            ? value.GetString()!
            : throw OrganizationsException.InvalidInput("INPUT_REQUIRED", $"You must specify {name}.");

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static Task WriteErrorAsync(HttpContext context, OrganizationsException error)
    {
        var body = Write(writer =>
        {
            writer.WriteString("__type", error.ErrorType);
            writer.WriteString("Message", error.Message);
            if (error.Reason is not null) writer.WriteString("Reason", error.Reason);
        });
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}
