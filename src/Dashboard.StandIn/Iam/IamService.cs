using System.Globalization;
using System.Text;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Faults;
using Dashboard.StandIn.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// IAM in the Query protocol (form POST, Action=…, Version=2010-05-08, XML): GetAccountAuthorizationDetails
/// with Filter, MaxItems and Marker paging, GenerateCredentialReport / GetCredentialReport (base64 CSV),
/// GetAccountSummary and GetAccountPasswordPolicy (NoSuchEntity for accounts without a custom policy).
/// Each caller sees its own account's IAM. The shared faults apply: a denied account gets AccessDenied,
/// queued throttling answers 400 Throttling (IAM's code), server errors 500 ServiceFailure, and a
/// malformed page is an XML body cut in half.
/// </summary>
internal sealed class IamService : IStandInService
{
    private const string ApiVersion = "2010-05-08";
    private const int DefaultMaxItems = 100;

    private static readonly string[] EntityTypes = ["User", "Group", "Role", "LocalManagedPolicy", "AWSManagedPolicy"];
    private static readonly string[] ModelEnumOrder = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];

    private readonly IamStandInData iam;
    private readonly StandInFaults faults;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    public IamService(StandInDataSet data, StandInFaults faults, StandInOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        iam = new IamStandInData(data, options);
        this.faults = faults;
        clock = options.TimeProvider;
        this.logger = logger;
    }

    public string SigningName => "iam";

    public Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        AwsErrors.WriteQueryAsync(context, status, code, message, IamXml.Namespace, status >= 500 ? "Receiver" : "Sender");

    public async Task HandleAsync(StandInRequest request, CancellationToken cancellationToken)
    {
        var parameters = await QueryProtocolParameters.ReadAsync(request.Http.Request, cancellationToken);
        var action = parameters.GetValueOrDefault("Action");
        try
        {
            if (string.IsNullOrEmpty(action))
            {
                throw new IamException(400, "MissingAction", "Missing Action");
            }

            var version = parameters.GetValueOrDefault("Version");
            if (version != ApiVersion || action is not ("GetAccountAuthorizationDetails" or "GenerateCredentialReport" or "GetCredentialReport" or "GetAccountSummary" or "GetAccountPasswordPolicy"))
            {
                throw new IamException(400, "InvalidAction", $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}");
            }

            var caller = request.Caller;
            var account = iam.For(caller.AccountId);
            if (account is null || faults.IsDenied(caller.AccountId) || faults.IsActionDenied(caller.AccountId, $"iam:{action}"))
            {
                throw new IamException(403, "AccessDenied", $"User: {caller.Arn} is not authorized to perform: iam:{action} on resource: *");
            }

            if (faults.TryConsume(StandInFaultKind.Throttle, caller.AccountId))
            {
                throw new IamException(400, "Throttling", "Rate exceeded");
            }

            if (faults.TryConsume(StandInFaultKind.ServerError, caller.AccountId))
            {
                throw new IamException(500, "ServiceFailure", "Request processing has failed because of an unknown error, exception or failure.");
            }

            var xml = action switch
            {
                "GetAccountAuthorizationDetails" => GetAccountAuthorizationDetails(account, parameters, request.RequestId),
                "GenerateCredentialReport" => GenerateCredentialReport(account, request.RequestId),
                "GetCredentialReport" => GetCredentialReport(account, request.RequestId),
                "GetAccountSummary" => IamXml.Response(action, request.RequestId, w => w.WriteRaw(account.SummaryXml)),
                _ => GetAccountPasswordPolicy(account, request.RequestId),
            };

            var body = Encoding.UTF8.GetBytes(xml);
            if (action == "GetAccountAuthorizationDetails" && faults.TryConsume(StandInFaultKind.MalformedPage, caller.AccountId))
            {
                // A body cut off mid-stream: valid UTF-8 up to the cut, XML that never closes.
                body = body[..Math.Max(1, body.Length / 2)];
            }

            var response = request.Http.Response;
            response.StatusCode = 200;
            response.ContentType = "text/xml";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, cancellationToken);
        }
        catch (IamException ex)
        {
            logger.LogDebug("IAM {Action} as {Account}: {Status} {Code}", action, request.Caller.AccountId, ex.Status, ex.Code);
            await WriteErrorAsync(request.Http, ex.Status, ex.Code, ex.Message);
        }
    }

    private static string GetAccountAuthorizationDetails(IamAccount account, Dictionary<string, string> parameters, string requestId)
    {
        var mask = FilterMask(parameters);
        var maxItems = DefaultMaxItems;
        if (parameters.TryGetValue("MaxItems", out var maxText)
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems is < 1 or > 1000))
        {
            throw Validation($"Value '{maxText}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        }

        var items = new List<(int Section, string Xml)>();
        for (var section = 0; section < account.Sections.Count; section++)
        {
            if ((mask & (1 << section)) != 0)
            {
                items.AddRange(account.Sections[section].Select(xml => (section, xml)));
            }
        }

        var offset = parameters.TryGetValue("Marker", out var marker) ? DecodeMarker(marker, mask, items.Count) : 0;

        // Pages end at MaxItems, and also where one kind of entity ends and the next begins: IAM's pages
        // may be shorter than MaxItems while IsTruncated is true, and clients must keep going.
        var end = offset;
        while (end < items.Count && end - offset < maxItems && (end == offset || items[end].Section == items[end - 1].Section))
        {
            end++;
        }

        var truncated = end < items.Count;
        var page = items[offset..end];
        return IamXml.Response("GetAccountAuthorizationDetails", requestId, writer =>
        {
            (string List, int[] Sections)[] lists = [("UserDetailList", [0]), ("GroupDetailList", [1]), ("RoleDetailList", [2]), ("Policies", [3, 4])];
            foreach (var (list, sections) in lists)
            {
                writer.WriteStartElement(list, IamXml.Namespace);
                foreach (var (_, xml) in page.Where(i => sections.Contains(i.Section)))
                {
                    writer.WriteRaw(xml);
                }

                writer.WriteEndElement();
            }

            writer.WriteElementString("IsTruncated", IamXml.Namespace, truncated ? "true" : "false");
            if (truncated)
            {
                writer.WriteElementString("Marker", IamXml.Namespace, EncodeMarker(mask, end));
            }
        });
    }

    private string GenerateCredentialReport(IamAccount account, string requestId)
    {
        var (state, description) = account.CredentialReport.Generate(clock.GetUtcNow());
        return IamXml.Response("GenerateCredentialReport", requestId, writer =>
        {
            writer.WriteElementString("State", IamXml.Namespace, state);
            if (description is not null)
            {
                writer.WriteElementString("Description", IamXml.Namespace, description);
            }
        });
    }

    private string GetCredentialReport(IamAccount account, string requestId)
    {
        var (outcome, generatedAt) = account.CredentialReport.Get(clock.GetUtcNow());
        return outcome switch
        {
            CredentialReportJob.Outcome.NotPresent => throw new IamException(410, "ReportNotPresent", "Credential report not present. Call GenerateCredentialReport first."),
            CredentialReportJob.Outcome.Expired => throw new IamException(410, "ReportExpired", "The most recent credential report has expired. Call GenerateCredentialReport to generate a new one."),
            CredentialReportJob.Outcome.InProgress => throw new IamException(404, "ReportInProgress", "The credential report is being generated."),
            _ => IamXml.Response("GetCredentialReport", requestId, writer =>
            {
                writer.WriteElementString("Content", IamXml.Namespace, Convert.ToBase64String(Encoding.UTF8.GetBytes(account.CredentialReportCsv)));
                writer.WriteElementString("ReportFormat", IamXml.Namespace, "text/csv");
                writer.WriteElementString("GeneratedTime", IamXml.Namespace, IamDumpNormalizer.Iso(generatedAt!.Value));
            }),
        };
    }

    private static string GetAccountPasswordPolicy(IamAccount account, string requestId) =>
        account.PasswordPolicyXml is { } policy
            ? IamXml.Response("GetAccountPasswordPolicy", requestId, writer => writer.WriteRaw(policy))
            : throw new IamException(404, "NoSuchEntity", $"The Password Policy with domain name {account.AccountId} cannot be found.");

    /// <summary>Filter.member.N as a bit per section; no filter means every entity type.</summary>
    private static int FilterMask(Dictionary<string, string> parameters)
    {
        var mask = 0;
        foreach (var (key, value) in parameters)
        {
            if (!key.StartsWith("Filter.member.", StringComparison.Ordinal))
            {
                continue;
            }

            var section = Array.IndexOf(EntityTypes, value);
            if (section < 0 || !int.TryParse(key["Filter.member.".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw Validation($"Value '{value}' at 'filter' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", ModelEnumOrder)}]");
            }

            mask |= 1 << section;
        }

        return mask == 0 ? (1 << EntityTypes.Length) - 1 : mask;
    }

    private static string EncodeMarker(int mask, int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(FormattableString.Invariant($"iam1/{mask}/{offset}")));

    private static int DecodeMarker(string marker, int mask, int count)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(marker)).Split('/');
            if (parts is ["iam1", var m, var o]
                && int.Parse(m, CultureInfo.InvariantCulture) == mask
                && int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                && offset <= count)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }

        throw Validation("Invalid Marker: it was not returned by an earlier call with the same Filter.");
    }

    private static IamException Validation(string message) => new(400, "ValidationError", "1 validation error detected: " + message);

    private sealed class IamException(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public string Code { get; } = code;
    }
}
