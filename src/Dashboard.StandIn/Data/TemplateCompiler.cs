using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dashboard.StandIn.Data;

/// <summary>A finding read from a file or the seed, turned into a template and its own values.</summary>
internal sealed record CompiledFinding(FindingTemplate Template, FindingRow Values, string AccountId, string? Region);

/// <summary>
/// Turns one ASFF finding into a <see cref="FindingTemplate"/>. In generate mode the account, Regions,
/// finding Id and primary resource name become tokens (textually, everywhere they occur, so ARNs in
/// ProductFields or Resources stay consistent with AwsAccountId); in verbatim mode only the fields the
/// stand-in itself changes (timestamps, severity label, workflow, record state, compliance status) do.
/// Either way it first adds what Security Hub adds to every stored finding: ProductName, CompanyName,
/// Region, Workflow, WorkflowState, RecordState and the aws/securityhub/* product fields.
/// </summary>
internal static partial class TemplateCompiler
{
    private const string Open = "@@SI:";
    private const string Close = "@@";

    private static readonly Dictionary<string, Token> TokenNames = new(StringComparer.Ordinal)
    {
        ["ACCT"] = Token.Account,
        ["REGION"] = Token.Region,
        ["ID"] = Token.FindingId,
        ["RES"] = Token.ResourceName,
        ["UNIQ"] = Token.Unique,
        ["CREATED"] = Token.CreatedAt,
        ["UPDATED"] = Token.UpdatedAt,
        ["FIRSTOBS"] = Token.FirstObservedAt,
        ["LASTOBS"] = Token.LastObservedAt,
        ["SEV"] = Token.SeverityLabel,
        ["SEVNORM"] = Token.SeverityNormalized,
        ["WF"] = Token.WorkflowStatus,
        ["WFSTATE"] = Token.WorkflowState,
        ["RS"] = Token.RecordState,
        ["CS"] = Token.ComplianceStatus,
    };

    private static readonly string[] RequiredStrings = ["SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "CreatedAt", "UpdatedAt", "Title", "Description"];

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:gov-)?(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d(?![0-9])")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{7,12}")]
    private static partial Regex UuidRun();

    [GeneratedRegex(@"[0-9a-fA-F]{16,}")]
    private static partial Regex HexRun();

    [GeneratedRegex(@"^[a-z]{1,8}-[0-9a-f]{8,17}$")]
    private static partial Regex AwsResourceId();

    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex AccountNumber();

    public static bool IsRegionName(string value)
    {
        var match = RegionName().Match(value);
        return match.Success && match.Index == 0 && match.Length == value.Length;
    }

    public static CompiledFinding Compile(JsonObject finding, string source, bool verbatim)
    {
        if (finding.ToJsonString().Contains(Open, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: contains the stand-in's reserved marker text '{Open}'.");
        }

        foreach (var name in RequiredStrings)
        {
            RequireString(finding, name, source);
        }

        var id = RequireString(finding, "Id", source);
        var productArn = RequireString(finding, "ProductArn", source);
        var account = RequireString(finding, "AwsAccountId", source);
        var resources = RequireResources(finding, source);

        var originalTimestamps = new[] { "CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt" }
            .Select(name => (Text: StringOf(finding[name]), Value: FindingRow.Absent))
            .ToArray();
        var values = new FindingRow
        {
            CreatedAt = RequireTimestamp(finding, "CreatedAt", source),
            UpdatedAt = RequireTimestamp(finding, "UpdatedAt", source),
            FirstObservedAt = OptionalTimestamp(finding, "FirstObservedAt", source),
            LastObservedAt = OptionalTimestamp(finding, "LastObservedAt", source),
        };

        originalTimestamps[0].Value = values.CreatedAt;
        originalTimestamps[1].Value = values.UpdatedAt;
        originalTimestamps[2].Value = values.FirstObservedAt;
        originalTimestamps[3].Value = values.LastObservedAt;

        var region = StringOf(finding["Region"]) ?? FirstRegionIn(productArn);
        var productPart = ProductPart(productArn);
        var productFields = finding["ProductFields"] as JsonObject;
        if (productFields is null)
        {
            productFields = [];
            finding["ProductFields"] = productFields;
        }

        var (derivedName, derivedCompany) = DeriveProduct(productPart);
        var productName = StringOf(finding["ProductName"]) ?? StringOf(productFields["aws/securityhub/ProductName"]) ?? derivedName;
        var companyName = StringOf(finding["CompanyName"]) ?? StringOf(productFields["aws/securityhub/CompanyName"]) ?? derivedCompany;
        finding["ProductName"] = productName;
        finding["CompanyName"] = companyName;
        if (region is not null)
        {
            finding["Region"] = region;
        }

        productFields["aws/securityhub/ProductName"] ??= productName;
        productFields["aws/securityhub/CompanyName"] ??= companyName;
        productFields["aws/securityhub/FindingId"] ??= productArn + "/" + id;

        values.Severity = ReadSeverity(finding);
        values.Workflow = ReadWorkflow(finding);
        values.RecordState = FindingStatus.TryParseRecordState(StringOf(finding["RecordState"]), out var recordState) ? recordState : RecordStateCode.Active;

        var compliance = finding["Compliance"] as JsonObject;
        var hasCompliance = compliance is not null && (!verbatim || FindingStatus.TryParseCompliance(StringOf(compliance["Status"]), out _));
        if (hasCompliance)
        {
            values.Compliance = FindingStatus.TryParseCompliance(StringOf(compliance!["Status"]), out var status) ? status : ComplianceCode.Failed;
            compliance["Status"] = Marker("CS");
        }

        var securityControlId = compliance is null ? null : StringOf(compliance["SecurityControlId"]);
        var title = RequireString(finding, "Title", source);
        var generatorId = RequireString(finding, "GeneratorId", source);

        SetDynamicFields(finding, values, verbatim);

        var substitution = verbatim ? null : Substitution.For(finding, id, account, resources);
        if (substitution is not null)
        {
            // Security Hub owns aws/securityhub/FindingId (ProductArn/Id); some doc samples disagree with their own Id.
            finding["Id"] = Marker("ID");
            productFields["aws/securityhub/FindingId"] = productArn + "/" + Marker("ID");
        }

        var bodyText = finding.ToJsonString(JsonText.Options);

        var (uniqueStyle, uniqueLength, idPattern) = substitution is null
            ? (UniqueStyle.Hex, 16, TextPattern.Constant(id))
            : substitution.IdPattern(id);

        var template = new FindingTemplate
        {
            Source = source,
            Verbatim = verbatim,
            Body = Parse(substitution?.Apply(bodyText, json: true) ?? bodyText, json: true),
            Id = idPattern,
            UniqueStyle = uniqueStyle,
            UniqueLength = uniqueLength,
            ResourceName = substitution?.ResourceName,
            ResourceNameIsAwsId = substitution?.ResourceName is { } resourceName && AwsResourceId().IsMatch(resourceName),
            ProductGroup = ProductGroup(productPart),
            Severity = values.Severity,
            HasCompliance = hasCompliance,
            Compliance = values.Compliance,
            Workflow = values.Workflow,
            RecordState = values.RecordState,
            AwsAccountId = Field(account, substitution),
            Region = Field(region ?? string.Empty, substitution),
            ProductArn = Field(productArn, substitution),
            ProductName = Field(productName, substitution),
            CompanyName = Field(companyName, substitution),
            GeneratorId = Field(generatorId, substitution),
            Title = Field(title, substitution),
            SecurityControlId = securityControlId is null ? null : Field(securityControlId, substitution),
            ResourceTypes = resources.Select(r => TextPattern.Constant(r.Type)).ToArray(),
            ResourceIds = resources.Select(r => Field(r.Id, substitution)).ToArray(),
            OriginalTimestamps = verbatim ? originalTimestamps : [],
        };

        return new CompiledFinding(template, values, account, region);
    }

    private static void SetDynamicFields(JsonObject finding, FindingRow values, bool verbatim)
    {
        // Generated findings always carry all four timestamps; loaded ones keep the ones they had.
        SetIf(finding, "CreatedAt", "CREATED", true);
        SetIf(finding, "UpdatedAt", "UPDATED", true);
        SetIf(finding, "FirstObservedAt", "FIRSTOBS", !verbatim || values.FirstObservedAt != FindingRow.Absent);
        SetIf(finding, "LastObservedAt", "LASTOBS", !verbatim || values.LastObservedAt != FindingRow.Absent);

        if (finding["Severity"] is not JsonObject severity)
        {
            severity = [];
            finding["Severity"] = severity;
        }

        severity["Label"] = Marker("SEV");
        if (!verbatim)
        {
            // Label and Normalized must agree; a loaded finding keeps its own Normalized (its label never changes).
            if (severity["Normalized"] is not null)
            {
                severity["Normalized"] = Marker("SEVNORM");
            }

            if (severity["Original"] is JsonValue original && FindingStatus.TryParseSeverity(StringOf(original), out _))
            {
                severity["Original"] = Marker("SEV");
            }

            if (finding["FindingProviderFields"] is JsonObject { } provider && provider["Severity"] is JsonObject providerSeverity
                && providerSeverity["Label"] is not null)
            {
                providerSeverity["Label"] = Marker("SEV");
            }
        }

        finding["WorkflowState"] = Marker("WFSTATE");
        finding["Workflow"] = new JsonObject { ["Status"] = Marker("WF") };
        finding["RecordState"] = Marker("RS");
    }

    private static void SetIf(JsonObject finding, string name, string marker, bool condition)
    {
        if (condition)
        {
            finding[name] = Marker(marker);
        }
    }

    private static SeverityCode ReadSeverity(JsonObject finding)
    {
        if (finding["Severity"] is not JsonObject severity)
        {
            return SeverityCode.Informational;
        }

        if (FindingStatus.TryParseSeverity(StringOf(severity["Label"]), out var label))
        {
            return label;
        }

        if (severity["Normalized"] is JsonValue normalized && normalized.TryGetValue<double>(out var number))
        {
            return FindingStatus.SeverityFromNormalized(number);
        }

        return FindingStatus.TryParseSeverity(StringOf(severity["Original"]), out var original) ? original : SeverityCode.Informational;
    }

    private static WorkflowCode ReadWorkflow(JsonObject finding)
    {
        if (finding["Workflow"] is JsonObject workflow && FindingStatus.TryParseWorkflow(StringOf(workflow["Status"]), out var status))
        {
            return status;
        }

        // Findings older than the Workflow object carry only the deprecated WorkflowState.
        return StringOf(finding["WorkflowState"]) switch
        {
            "ASSIGNED" or "IN_PROGRESS" => WorkflowCode.Notified,
            "DEFERRED" => WorkflowCode.Suppressed,
            "RESOLVED" => WorkflowCode.Resolved,
            _ => WorkflowCode.New,
        };
    }

    private static TextPattern Field(string value, Substitution? substitution) =>
        substitution is null ? TextPattern.Constant(value) : Parse(substitution.Apply(value, json: false), json: false);

    /// <summary>Splits text at the markers. JSON text keeps its escaping; raw text is escaped for the JSON side.</summary>
    private static TextPattern Parse(string text, bool json)
    {
        var raw = new List<string>();
        var tokens = new List<Token>();
        var start = 0;
        var pending = new StringBuilder();
        while (true)
        {
            var open = text.IndexOf(Open, start, StringComparison.Ordinal);
            if (open < 0)
            {
                pending.Append(text, start, text.Length - start);
                raw.Add(pending.ToString());
                break;
            }

            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            var name = text[(open + Open.Length)..close];
            var token = TokenNames[name];
            pending.Append(text, start, open - start);
            start = close + Close.Length;
            if (json && token == Token.SeverityNormalized)
            {
                // A number, not a string: drop the quotes the serializer put around the marker.
                pending.Length--;
                start++;
            }

            raw.Add(pending.ToString());
            pending.Clear();
            tokens.Add(token);
        }

        var jsonLiterals = raw.Select(piece => Encoding.UTF8.GetBytes(json ? piece : JsonText.Escape(piece))).ToArray();
        return new TextPattern(raw.ToArray(), jsonLiterals, tokens.ToArray());
    }

    private static string Marker(string name) => Open + name + Close;

    private static string ProductPart(string productArn)
    {
        var index = productArn.IndexOf("product/", StringComparison.Ordinal);
        return index < 0 ? productArn : productArn[(index + "product/".Length)..];
    }

    private static string ProductGroup(string productPart)
    {
        var slash = productPart.IndexOf('/');
        var company = slash < 0 ? productPart : productPart[..slash];
        return AccountNumber().IsMatch(company) ? "custom/" + productPart[(slash + 1)..] : productPart;
    }

    private static (string Name, string Company) DeriveProduct(string productPart)
    {
        var slash = productPart.IndexOf('/');
        var company = slash < 0 ? productPart : productPart[..slash];
        var product = slash < 0 ? productPart : productPart[(slash + 1)..];
        if (company == "aws")
        {
            return product switch
            {
                "securityhub" => ("Security Hub", "AWS"),
                "guardduty" => ("GuardDuty", "Amazon"),
                "inspector" => ("Inspector", "Amazon"),
                "macie" => ("Macie", "Amazon"),
                "access-analyzer" => ("IAM Access Analyzer", "AWS"),
                "config" => ("Config", "AWS"),
                "health" => ("Health", "AWS"),
                _ => (TitleCase(product), "AWS"),
            };
        }

        // Findings a customer imports under product/<account>/default show as company "Personal".
        return AccountNumber().IsMatch(company) ? (TitleCase(product), "Personal") : (TitleCase(product), TitleCase(company));
    }

    private static string TitleCase(string value) =>
        string.Join(' ', value.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static string? FirstRegionIn(string text)
    {
        var match = RegionName().Match(text);
        return match.Success ? match.Value : null;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string RequireString(JsonObject finding, string name, string source)
    {
        var node = finding[name];
        if (node is null)
        {
            throw new InvalidDataException($"{source}: required attribute '{name}' is missing.");
        }

        var text = StringOf(node);
        if (text is null)
        {
            throw new InvalidDataException($"{source}: '{name}' must be a string, not {node.GetValueKind()}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException($"{source}: '{name}' is empty.");
        }

        return text;
    }

    private static long RequireTimestamp(JsonObject finding, string name, string source) =>
        ParseTimestamp(RequireString(finding, name, source), name, source);

    private static long OptionalTimestamp(JsonObject finding, string name, string source)
    {
        if (finding[name] is null)
        {
            return FindingRow.Absent;
        }

        return ParseTimestamp(RequireString(finding, name, source), name, source);
    }

    private static long ParseTimestamp(string text, string name, string source)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            throw new InvalidDataException($"{source}: '{name}' is not an ISO 8601 timestamp: '{text}'.");
        }

        return instant.ToUnixTimeMilliseconds();
    }

    private static List<(string Type, string Id)> RequireResources(JsonObject finding, string source)
    {
        if (finding["Resources"] is not JsonArray { Count: > 0 } array)
        {
            throw new InvalidDataException($"{source}: required attribute 'Resources' is missing or empty.");
        }

        var resources = new List<(string, string)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject resource)
            {
                throw new InvalidDataException($"{source}: Resources[{i}] must be an object.");
            }

            var type = StringOf(resource["Type"]) ?? throw new InvalidDataException($"{source}: Resources[{i}].Type is missing or not a string.");
            var id = StringOf(resource["Id"]) ?? throw new InvalidDataException($"{source}: Resources[{i}].Id is missing or not a string.");
            resources.Add((type, id));
        }

        return resources;
    }

    /// <summary>The textual replacements that make a real finding a template.</summary>
    private sealed class Substitution
    {
        private readonly string id;
        private readonly string account;

        private Substitution(string id, string account, string? resourceName)
        {
            this.id = id;
            this.account = account;
            ResourceName = resourceName;
        }

        public string? ResourceName { get; }

        public static Substitution For(JsonObject finding, string id, string account, List<(string Type, string Id)> resources) =>
            new(id, account, ChooseResourceName(resources[0].Id, account));

        public string Apply(string text, bool json)
        {
            var result = json ? text.Replace(JsonText.Escape(id), Marker("ID"), StringComparison.Ordinal) : text;
            if (ResourceName is not null)
            {
                result = ReplaceDelimited(result, json ? JsonText.Escape(ResourceName) : ResourceName, Marker("RES"));
            }

            result = ReplaceDelimited(result, account, Marker("ACCT"));
            return RegionName().Replace(result, Marker("REGION"));
        }

        public (UniqueStyle Style, int Length, TextPattern Pattern) IdPattern(string originalId)
        {
            Match? best = null;
            var style = UniqueStyle.Hex;
            foreach (Match match in UuidRun().Matches(originalId))
            {
                if (match.Value.Count(char.IsAsciiDigit) >= 4 && (best is null || match.Index + match.Length > best.Index + best.Length))
                {
                    best = match;
                    style = UniqueStyle.Uuid;
                }
            }

            foreach (Match match in HexRun().Matches(originalId))
            {
                if (best is null || match.Index + match.Length > best.Index + best.Length)
                {
                    best = match;
                    style = UniqueStyle.Hex;
                }
            }

            var text = best is null
                ? originalId + "/" + Marker("UNIQ")
                : string.Concat(originalId.AsSpan(0, best.Index), Marker("UNIQ"), originalId.AsSpan(best.Index + best.Length));
            var length = best is null || style == UniqueStyle.Uuid ? 16 : Math.Max(16, best.Length);

            // The Id keeps the account and Region of the finding it belongs to, but not the varied resource name.
            var tokenized = ReplaceDelimited(text, account, Marker("ACCT"));
            tokenized = RegionName().Replace(tokenized, Marker("REGION"));
            return (style, length, Parse(tokenized, json: false));
        }

        private static string? ChooseResourceName(string resourceId, string account)
        {
            var cut = Math.Max(resourceId.LastIndexOf('/'), resourceId.LastIndexOf(':'));
            var name = resourceId[(cut + 1)..];

            // Vary only names that look like names: long enough, not the account or a Region, and not so
            // generic ("example", "test") that replacing them would also rewrite ordinary prose.
            var distinctive = name.Length >= 9 || name.Any(c => char.IsAsciiDigit(c) || c is '-' or '_');
            var usable = name.Length >= 6 && distinctive && name.Any(char.IsAsciiLetter)
                && !name.Contains(account, StringComparison.Ordinal) && !RegionName().IsMatch(name)
                && !name.Contains('"') && !name.Contains('\\') && !name.Contains('@');
            return usable ? name : null;
        }

        /// <summary>Replaces occurrences not embedded in a longer word or number.</summary>
        private static string ReplaceDelimited(string text, string value, string replacement)
        {
            if (value.Length == 0)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            var start = 0;
            while (true)
            {
                var index = text.IndexOf(value, start, StringComparison.Ordinal);
                if (index < 0)
                {
                    break;
                }

                var end = index + value.Length;
                var before = index == 0 || !char.IsAsciiLetterOrDigit(text[index - 1]);
                var after = end == text.Length || !char.IsAsciiLetterOrDigit(text[end]);
                builder.Append(text, start, index - start);
                builder.Append(before && after ? replacement : value);
                start = end;
            }

            return builder.Append(text, start, text.Length - start).ToString();
        }
    }
}
