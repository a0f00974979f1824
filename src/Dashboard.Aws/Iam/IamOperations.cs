using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Dashboard.Aws.Client;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Aws.Iam;

/// <summary>
/// The typed IAM operations over the generic Query client. AWS errors surface as
/// <see cref="AmazonServiceException"/> after the SDK's retries (Throttling is one it retries); a body that
/// cannot be read as <see cref="AwsResponseFormatException"/>.
/// </summary>
public static class IamOperations
{
    /// <summary>IAM's own upper bound for MaxItems.</summary>
    public const int MaxPageSize = 1000;

    public static readonly IReadOnlyList<IamEntityType> AllEntityTypes = Enum.GetValues<IamEntityType>();

    /// <summary>One page: Filter.member.N for each entity type, MaxItems, and the Marker of the previous page.</summary>
    public static async Task<IamAuthorizationDetailsPage> GetAccountAuthorizationDetailsAsync(
        this AwsProtocolClient client,
        IReadOnlyList<IamEntityType> filter,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(filter);
        if (maxItems is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, $"GetAccountAuthorizationDetails MaxItems must be between 1 and {MaxPageSize}.");
        }

        var form = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < filter.Count; i++)
        {
            // Query lists are flattened as Name.member.N, counted from 1.
            form.Add(new($"Filter.member.{i + 1}", filter[i].ToString()));
        }

        if (maxItems is { } max)
        {
            form.Add(new("MaxItems", max.ToString(CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(marker))
        {
            form.Add(new("Marker", marker));
        }

        const string operation = "GetAccountAuthorizationDetails";
        var response = await client.SendAsync(new AwsOperationRequest(operation) { FormParameters = form }, cancellationToken).ConfigureAwait(false);
        var result = IamQueryXml.ReadResult(response.Body, operation);
        return new IamAuthorizationDetailsPage(ReadInventory(operation, () => IamAuthorizationDetailsReader.Read(ToElement(result))), response.Retries);
    }

    public static async Task<CredentialReportState> GenerateCredentialReportAsync(this AwsProtocolClient client, CancellationToken cancellationToken)
    {
        const string operation = "GenerateCredentialReport";
        var response = await client.SendAsync(new AwsOperationRequest(operation), cancellationToken).ConfigureAwait(false);
        var result = IamQueryXml.ReadResult(response.Body, operation);
        var state = result["State"]?.GetValue<string>();
        if (state is not ("STARTED" or "INPROGRESS" or CredentialReportState.Complete))
        {
            throw new AwsResponseFormatException("IAM", operation, $"State is '{state}', not STARTED, INPROGRESS or COMPLETE.");
        }

        return new CredentialReportState(state, result["Description"]?.GetValue<string>(), response.Retries);
    }

    /// <summary>The current report. ReportNotPresent, ReportExpired (410) and ReportInProgress (404) surface as AmazonServiceException.</summary>
    public static async Task<CredentialReportDownload> GetCredentialReportAsync(this AwsProtocolClient client, CancellationToken cancellationToken)
    {
        const string operation = "GetCredentialReport";
        var response = await client.SendAsync(new AwsOperationRequest(operation), cancellationToken).ConfigureAwait(false);
        var result = IamQueryXml.ReadResult(response.Body, operation);
        var format = result["ReportFormat"]?.GetValue<string>();
        if (format is not null and not "text/csv")
        {
            throw new AwsResponseFormatException("IAM", operation, $"ReportFormat is '{format}'; only text/csv is known.");
        }

        string csv;
        try
        {
            // Content is a blob: base64 in the XML.
            csv = Encoding.UTF8.GetString(Convert.FromBase64String(result["Content"]?.GetValue<string>() ?? string.Empty));
        }
        catch (FormatException ex)
        {
            throw new AwsResponseFormatException("IAM", operation, "Content is not base64.", ex);
        }

        DateTimeOffset? generated = null;
        if (result["GeneratedTime"]?.GetValue<string>() is { } text)
        {
            generated = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant
                : throw new AwsResponseFormatException("IAM", operation, $"GeneratedTime '{text}' is not a timestamp.");
        }

        return new CredentialReportDownload(csv, generated, response.Retries);
    }

    public static async Task<AccountSummaryResponse> GetAccountSummaryAsync(this AwsProtocolClient client, CancellationToken cancellationToken)
    {
        const string operation = "GetAccountSummary";
        var response = await client.SendAsync(new AwsOperationRequest(operation), cancellationToken).ConfigureAwait(false);
        var result = IamQueryXml.ReadResult(response.Body, operation);
        return new AccountSummaryResponse(ReadInventory(operation, () => IamAccountSummaryReader.Read(ToElement(result))), response.Retries);
    }

    /// <summary>The custom password policy, or a null Policy when IAM answers NoSuchEntity (the account has none: not an error).</summary>
    public static async Task<PasswordPolicyResponse> GetAccountPasswordPolicyAsync(this AwsProtocolClient client, CancellationToken cancellationToken)
    {
        const string operation = "GetAccountPasswordPolicy";
        AwsRawResponse response;
        try
        {
            response = await client.SendAsync(new AwsOperationRequest(operation), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "NoSuchEntity" || (ex.ErrorCode is null && ex.StatusCode == HttpStatusCode.NotFound))
        {
            return new PasswordPolicyResponse(null, RetriesOf(ex));
        }

        var result = IamQueryXml.ReadResult(response.Body, operation);
        if (result["PasswordPolicy"] is not JsonObject)
        {
            throw new AwsResponseFormatException("IAM", operation, "the result has no PasswordPolicy.");
        }

        return new PasswordPolicyResponse(ReadInventory(operation, () => IamPasswordPolicyReader.Read(ToElement(result))), response.Retries);
    }

    internal static int RetriesOf(Exception ex) => ex.Data[RetryCountHandler.RetriesKey] is int retries ? retries : 0;

    private static JsonElement ToElement(JsonObject json) => JsonSerializer.SerializeToElement(json);

    private static T ReadInventory<T>(string operation, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IamInventoryFormatException ex)
        {
            throw new AwsResponseFormatException("IAM", operation, ex.Message, ex);
        }
    }
}
