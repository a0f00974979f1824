using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Faults;
using Dashboard.StandIn.Hosting;
using Dashboard.StandIn.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.Sts;

/// <summary>
/// STS in the Query protocol (form POST or GET, Action=..., Version=2011-06-15, XML responses):
/// AssumeRole into any account of the organization, and GetCallerIdentity.
/// </summary>
internal sealed partial class StsService(
    StandInOrganization organization,
    StandInCredentials credentials,
    StandInFaults faults,
    TimeProvider clock,
    string? requiredExternalId,
    ILogger logger) : IStandInService
{
    public const string XmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private const string ApiVersion = "2011-06-15";

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>\d{12}):role/(?:[\w+=,.@-]+/)*(?<name>[\w+=,.@-]{1,64})$")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionName();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalId();

    public string SigningName => "sts";

    public Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        AwsErrors.WriteQueryAsync(context, status, code, message, XmlNamespace);

    public async Task HandleAsync(StandInRequest request, CancellationToken cancellationToken)
    {
        var parameters = await QueryProtocolParameters.ReadAsync(request.Http.Request, cancellationToken);
        var action = parameters.GetValueOrDefault("Action");
        var version = parameters.GetValueOrDefault("Version");
        if (string.IsNullOrEmpty(action))
        {
            await WriteErrorAsync(request.Http, 400, "MissingAction", "Missing Action");
            return;
        }

        if (version != ApiVersion || action is not ("AssumeRole" or "GetCallerIdentity"))
        {
            await WriteErrorAsync(request.Http, 400, "InvalidAction", $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}");
            return;
        }

        try
        {
            var xml = action == "AssumeRole" ? AssumeRole(request, parameters) : GetCallerIdentity(request);
            var bytes = Encoding.UTF8.GetBytes(xml);
            var response = request.Http.Response;
            response.StatusCode = 200;
            response.ContentType = "text/xml";
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, cancellationToken);
        }
        catch (StsException ex)
        {
            logger.LogDebug("STS {Action} as {Account}: {Status} {Code}", action, request.Caller.AccountId, ex.Status, ex.Code);
            await WriteErrorAsync(request.Http, ex.Status, ex.Code, ex.Message);
        }
    }

    private string AssumeRole(StandInRequest request, Dictionary<string, string> parameters)
    {
        var roleArn = parameters.GetValueOrDefault("RoleArn");
        var sessionName = parameters.GetValueOrDefault("RoleSessionName");
        if (roleArn is null)
        {
            throw Validation("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        }

        if (sessionName is null)
        {
            throw Validation("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
        }

        var arn = RoleArn().Match(roleArn);
        if (!arn.Success)
        {
            throw Validation($"{roleArn} is invalid: a role ARN looks like arn:aws:iam::123456789012:role/RoleName");
        }

        if (!SessionName().IsMatch(sessionName))
        {
            throw Validation($"Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match pattern [\\w+=,.@-]*");
        }

        var duration = 3600;
        if (parameters.TryGetValue("DurationSeconds", out var durationText)
            && (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration is < 900 or > 43200))
        {
            throw Validation($"Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        }

        var externalId = parameters.GetValueOrDefault("ExternalId");
        if (externalId is not null && !ExternalId().IsMatch(externalId))
        {
            throw Validation("Value at 'externalId' failed to satisfy constraint: Member must have length between 2 and 1224 and match pattern [\\w+=,.@:/-]*");
        }

        var account = arn.Groups["account"].Value;
        var roleName = arn.Groups["name"].Value;
        var externalIdRejected = requiredExternalId is not null && !string.Equals(externalId, requiredExternalId, StringComparison.Ordinal);
        if (!organization.Contains(account) || faults.IsAssumeRoleDenied(account) || externalIdRejected)
        {
            // STS says only this, whatever the cause (no such role, trust policy, ExternalId), by design.
            throw new StsException(403, "AccessDenied", $"User: {request.Caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        var expiration = clock.GetUtcNow().AddSeconds(duration);
        var session = new AssumedSession(account, roleName, sessionName, "AROA" + StandInCredentials.IdSuffix(account + "/" + roleName), expiration);
        var (accessKeyId, secret, token) = credentials.Issue(session);
        logger.LogDebug("STS AssumeRole into {Account} role {Role}", account, roleName);

        return Response("AssumeRole", request.RequestId, writer =>
        {
            if (parameters.TryGetValue("SourceIdentity", out var sourceIdentity))
            {
                writer.WriteElementString("SourceIdentity", XmlNamespace, sourceIdentity);
            }

            writer.WriteStartElement("AssumedRoleUser", XmlNamespace);
            writer.WriteElementString("Arn", XmlNamespace, StandInCredentials.AssumedRoleArn(session));
            writer.WriteElementString("AssumedRoleId", XmlNamespace, $"{session.RoleId}:{sessionName}");
            writer.WriteEndElement();
            writer.WriteStartElement("Credentials", XmlNamespace);
            writer.WriteElementString("AccessKeyId", XmlNamespace, accessKeyId);
            writer.WriteElementString("SecretAccessKey", XmlNamespace, secret);
            writer.WriteElementString("SessionToken", XmlNamespace, token);
            writer.WriteElementString("Expiration", XmlNamespace, StandInCredentials.Iso(expiration));
            writer.WriteEndElement();
        });
    }

    private static string GetCallerIdentity(StandInRequest request)
    {
        var caller = request.Caller;
        return Response("GetCallerIdentity", request.RequestId, writer =>
        {
            writer.WriteElementString("Arn", XmlNamespace, caller.Arn);
            writer.WriteElementString("UserId", XmlNamespace, caller.UserId);
            writer.WriteElementString("Account", XmlNamespace, caller.AccountId);
        });
    }

    private static string Response(string action, string requestId, Action<XmlWriter> writeResult)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true }))
        {
            writer.WriteStartElement(action + "Response", XmlNamespace);
            writer.WriteStartElement(action + "Result", XmlNamespace);
            writeResult(writer);
            writer.WriteEndElement();
            writer.WriteStartElement("ResponseMetadata", XmlNamespace);
            writer.WriteElementString("RequestId", XmlNamespace, requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return builder.ToString();
    }

    private static StsException Validation(string message) => new(400, "ValidationError", message);

    private sealed class StsException(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public string Code { get; } = code;
    }
}
