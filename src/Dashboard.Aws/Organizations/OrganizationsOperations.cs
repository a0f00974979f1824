using System.Text.Json;
using Dashboard.Aws.Client;
using Dashboard.Core.Organizations;

namespace Dashboard.Aws.Organizations;

/// <summary>
/// The typed Organizations operations (JSON 1.1, one page per call) over the generic client. AWS errors
/// surface as AmazonServiceException after the SDK's retries (TooManyRequestsException is throttling);
/// an unreadable body as <see cref="AwsResponseFormatException"/>.
/// </summary>
public static class OrganizationsOperations
{
    /// <summary>The largest page the List operations accept (MaxResults 1-20).</summary>
    public const int MaxResults = 20;

    public static async Task<OrganizationDetails> DescribeOrganizationAsync(this AwsProtocolClient client, CancellationToken cancellationToken)
    {
        var response = await SendAsync(client, "DescribeOrganization", Input(), cancellationToken).ConfigureAwait(false);
        return OrganizationsResponseReader.Parse("DescribeOrganization", response.Body, (reader, root) => reader.Organization(root));
    }

    public static Task<OrganizationsPage<RootSummary>> ListRootsAsync(this AwsProtocolClient client, string? nextToken, CancellationToken cancellationToken) =>
        ListAsync(client, "ListRoots", ListInput(nextToken), "Roots", (reader, element, path) => reader.Root(element, path), cancellationToken);

    public static Task<OrganizationsPage<OrganizationalUnitSummary>> ListOrganizationalUnitsForParentAsync(this AwsProtocolClient client, string parentId, string? nextToken, CancellationToken cancellationToken) =>
        ListAsync(client, "ListOrganizationalUnitsForParent", ListInput(nextToken, ("ParentId", parentId)), "OrganizationalUnits", (reader, element, path) => reader.Unit(element, path), cancellationToken);

    public static Task<OrganizationsPage<AccountSummary>> ListAccountsForParentAsync(this AwsProtocolClient client, string parentId, string? nextToken, CancellationToken cancellationToken) =>
        ListAsync(client, "ListAccountsForParent", ListInput(nextToken, ("ParentId", parentId)), "Accounts", (reader, element, path) => reader.Account(element, path), cancellationToken);

    public static Task<OrganizationsPage<PolicySummary>> ListPoliciesAsync(this AwsProtocolClient client, string policyType, string? nextToken, CancellationToken cancellationToken) =>
        ListAsync(client, "ListPolicies", ListInput(nextToken, ("Filter", policyType)), "Policies", (reader, element, path) => reader.Policy(element, path), cancellationToken);

    public static Task<OrganizationsPage<PolicySummary>> ListPoliciesForTargetAsync(this AwsProtocolClient client, string targetId, string policyType, string? nextToken, CancellationToken cancellationToken) =>
        ListAsync(client, "ListPoliciesForTarget", ListInput(nextToken, ("TargetId", targetId), ("Filter", policyType)), "Policies", (reader, element, path) => reader.Policy(element, path), cancellationToken);

    public static async Task<PolicyDetail> DescribePolicyAsync(this AwsProtocolClient client, string policyId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(client, "DescribePolicy", Input(("PolicyId", policyId)), cancellationToken).ConfigureAwait(false);
        return OrganizationsResponseReader.Parse("DescribePolicy", response.Body, (reader, root) => reader.PolicyDetail(root));
    }

    private static async Task<OrganizationsPage<T>> ListAsync<T>(
        AwsProtocolClient client,
        string operation,
        byte[] body,
        string member,
        Func<OrganizationsResponseReader, JsonElement, string, T> item,
        CancellationToken cancellationToken)
    {
        var response = await SendAsync(client, operation, body, cancellationToken).ConfigureAwait(false);
        return OrganizationsResponseReader.Parse(operation, response.Body, (reader, root) =>
            reader.Page(root, member, response.Retries, (element, path) => item(reader, element, path)));
    }

    private static Task<AwsRawResponse> SendAsync(AwsProtocolClient client, string operation, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync(new AwsOperationRequest(operation) { JsonBody = body }, cancellationToken);
    }

    /// <summary>The JSON input of a Describe call: the given string members.</summary>
    private static byte[] Input(params (string Name, string Value)[] members) => Body(members, list: false, nextToken: null);

    /// <summary>The JSON input of a List call: the members plus the largest MaxResults and the NextToken.</summary>
    private static byte[] ListInput(string? nextToken, params (string Name, string Value)[] members) => Body(members, list: true, nextToken);

    private static byte[] Body((string Name, string Value)[] members, bool list, string? nextToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
                writer.WriteString(name, value);
            }

            if (list) writer.WriteNumber("MaxResults", MaxResults);
            if (nextToken is not null) writer.WriteString("NextToken", nextToken);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
