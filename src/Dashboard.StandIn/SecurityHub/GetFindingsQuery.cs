using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>A sort criterion: a string attribute, a date attribute or SeverityNormalized.</summary>
internal sealed record SortCriterion(FindingField? Field, DateField? Date, bool SeverityNormalized, bool Descending);

/// <summary>A parsed and validated GetFindings request body.</summary>
internal sealed class GetFindingsQuery
{
    public const int DefaultMaxResults = 100;

    // Every member of AwsSecurityFindingFilters in the current model, so an attribute we do not filter on
    // is reported as unsupported rather than silently ignored (which would return wrong results).
    private static readonly HashSet<string> ModelFilterNames = new(StringComparer.Ordinal)
    {
        "ProductArn", "AwsAccountId", "Id", "GeneratorId", "Region", "Type", "FirstObservedAt", "LastObservedAt", "CreatedAt",
        "UpdatedAt", "SeverityProduct", "SeverityNormalized", "SeverityLabel", "Confidence", "Criticality", "Title", "Description",
        "RecommendationText", "SourceUrl", "ProductFields", "ProductName", "CompanyName", "UserDefinedFields", "MalwareName",
        "MalwareType", "MalwarePath", "MalwareState", "NetworkDirection", "NetworkProtocol", "NetworkSourceIpV4", "NetworkSourceIpV6",
        "NetworkSourcePort", "NetworkSourceDomain", "NetworkSourceMac", "NetworkDestinationIpV4", "NetworkDestinationIpV6",
        "NetworkDestinationPort", "NetworkDestinationDomain", "ProcessName", "ProcessPath", "ProcessPid", "ProcessParentPid",
        "ProcessLaunchedAt", "ProcessTerminatedAt", "ThreatIntelIndicatorType", "ThreatIntelIndicatorValue",
        "ThreatIntelIndicatorCategory", "ThreatIntelIndicatorLastObservedAt", "ThreatIntelIndicatorSource",
        "ThreatIntelIndicatorSourceUrl", "ResourceType", "ResourceId", "ResourcePartition", "ResourceRegion", "ResourceTags",
        "ResourceAwsEc2InstanceType", "ResourceAwsEc2InstanceImageId", "ResourceAwsEc2InstanceIpV4Addresses",
        "ResourceAwsEc2InstanceIpV6Addresses", "ResourceAwsEc2InstanceKeyName", "ResourceAwsEc2InstanceIamInstanceProfileArn",
        "ResourceAwsEc2InstanceVpcId", "ResourceAwsEc2InstanceSubnetId", "ResourceAwsEc2InstanceLaunchedAt",
        "ResourceAwsS3BucketOwnerId", "ResourceAwsS3BucketOwnerName", "ResourceAwsIamAccessKeyUserName",
        "ResourceAwsIamAccessKeyPrincipalName", "ResourceAwsIamAccessKeyStatus", "ResourceAwsIamAccessKeyCreatedAt",
        "ResourceAwsIamUserUserName", "ResourceContainerName", "ResourceContainerImageId", "ResourceContainerImageName",
        "ResourceContainerLaunchedAt", "ResourceDetailsOther", "ComplianceStatus", "VerificationState", "WorkflowState",
        "WorkflowStatus", "RecordState", "RelatedFindingsProductArn", "RelatedFindingsId", "NoteText", "NoteUpdatedAt",
        "NoteUpdatedBy", "Keyword", "FindingProviderFieldsConfidence", "FindingProviderFieldsCriticality",
        "FindingProviderFieldsRelatedFindingsId", "FindingProviderFieldsRelatedFindingsProductArn",
        "FindingProviderFieldsSeverityLabel", "FindingProviderFieldsSeverityOriginal", "FindingProviderFieldsTypes", "Sample",
        "ComplianceSecurityControlId", "ComplianceAssociatedStandardsId", "VulnerabilitiesExploitAvailable",
        "VulnerabilitiesFixAvailable", "ComplianceSecurityControlParametersName", "ComplianceSecurityControlParametersValue",
        "AwsAccountName", "ResourceApplicationName", "ResourceApplicationArn",
    };

    private GetFindingsQuery()
    {
    }

    public List<StringFilterSet> StringFilters { get; } = [];

    public List<DateFilterSet> DateFilters { get; } = [];

    public List<SortCriterion> Sort { get; } = [];

    public string? NextToken { get; private set; }

    public int MaxResults { get; private set; } = DefaultMaxResults;

    /// <summary>A digest of the filters and sort order, binding a NextToken to the query it continues.</summary>
    public string Fingerprint { get; private set; } = string.Empty;

    /// <summary>Parses a request body; throws <see cref="SecurityHubException"/> with the error Security Hub would return.</summary>
    public static GetFindingsQuery Parse(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        JsonNode? root;
        try
        {
            root = body.IsEmpty ? new JsonObject() : JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new SecurityHubException(400, "SerializationException", $"The request body is not valid JSON: {ex.Message}");
        }

        if (root is not JsonObject request)
        {
            throw new SecurityHubException(400, "SerializationException", "The request body must be a JSON object.");
        }

        var query = new GetFindingsQuery();
        if (request["MaxResults"] is { } maxResults)
        {
            if (maxResults is not JsonValue value || !value.TryGetValue<int>(out var max))
            {
                throw new SecurityHubException(400, "SerializationException", "MaxResults must be an integer.");
            }

            if (max is < 1 or > 100)
            {
                throw SecurityHubException.InvalidInput($"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100.");
            }

            query.MaxResults = max;
        }

        if (request["NextToken"] is { } token)
        {
            query.NextToken = token.GetValueKind() == JsonValueKind.String
                ? token.GetValue<string>()
                : throw new SecurityHubException(400, "SerializationException", "NextToken must be a string.");
        }

        if (request["Filters"] is { } filters)
        {
            query.ParseFilters(filters as JsonObject ?? throw new SecurityHubException(400, "SerializationException", "Filters must be an object."), now);
        }

        if (request["SortCriteria"] is { } sort)
        {
            query.ParseSort(sort as JsonArray ?? throw new SecurityHubException(400, "SerializationException", "SortCriteria must be a list."));
        }

        if (query.Sort.Count == 0)
        {
            // AWS does not document the default order and does not keep one reliably (clients have seen
            // unordered pages); the stand-in uses newest update first, with insertion order breaking ties.
            query.Sort.Add(new SortCriterion(null, DateField.UpdatedAt, false, true));
        }

        request.Remove("NextToken");
        request.Remove("MaxResults");
        query.Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ToJsonString())))[..16];
        return query;
    }

    private void ParseFilters(JsonObject filters, DateTimeOffset now)
    {
        var used = 0;
        foreach (var (name, node) in filters)
        {
            if (node is null)
            {
                continue;
            }

            if (node is not JsonArray list)
            {
                throw new SecurityHubException(400, "SerializationException", $"Filters.{name} must be a list.");
            }

            if (list.Count == 0)
            {
                continue;
            }

            if (++used > 10)
            {
                throw SecurityHubException.InvalidInput("You can filter by up to 10 finding attributes.");
            }

            if (list.Count > 20)
            {
                throw SecurityHubException.InvalidInput($"Filters.{name}: you can provide up to 20 filter values for an attribute (got {list.Count}).");
            }

            if (FindingFields.TryParse(name, out FindingField field))
            {
                StringFilters.Add(new StringFilterSet(field, list.Select((f, i) => ParseStringFilter(name, i, f)).ToList()));
            }
            else if (FindingFields.TryParse(name, out DateField date))
            {
                DateFilters.Add(new DateFilterSet(date, list.Select((f, i) => ParseDateFilter(name, i, f, now)).ToList()));
            }
            else if (ModelFilterNames.Contains(name))
            {
                throw SecurityHubException.InvalidInput($"Filters.{name}: the local stand-in does not support filtering on this attribute.");
            }
            else
            {
                throw SecurityHubException.InvalidInput($"Filters.{name}: not an AwsSecurityFindingFilters attribute.");
            }
        }
    }

    private static (Comparison, string) ParseStringFilter(string name, int index, JsonNode? node)
    {
        var where = $"Filters.{name}[{index}]";
        if (node is not JsonObject filter)
        {
            throw new SecurityHubException(400, "SerializationException", $"{where} must be a StringFilter object.");
        }

        var value = ReadString(filter, "Value", where);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw SecurityHubException.InvalidInput($"{where}.Value is required and must not be empty.");
        }

        var comparison = ReadString(filter, "Comparison", where) switch
        {
            "EQUALS" => Comparison.Equals,
            "PREFIX" => Comparison.Prefix,
            "CONTAINS" => Comparison.Contains,
            "NOT_EQUALS" => Comparison.NotEquals,
            "PREFIX_NOT_EQUALS" => Comparison.PrefixNotEquals,
            "NOT_CONTAINS" => Comparison.NotContains,
            "CONTAINS_WORD" => throw SecurityHubException.InvalidInput($"{where}.Comparison CONTAINS_WORD works only in the V2 APIs, not in GetFindings."),
            null => throw SecurityHubException.InvalidInput($"{where}.Comparison is required."),
            var other => throw SecurityHubException.InvalidInput($"{where}.Comparison '{other}' is not one of EQUALS, PREFIX, NOT_EQUALS, PREFIX_NOT_EQUALS, CONTAINS, NOT_CONTAINS."),
        };
        return (comparison, value);
    }

    private static (long, long) ParseDateFilter(string name, int index, JsonNode? node, DateTimeOffset now)
    {
        var where = $"Filters.{name}[{index}]";
        if (node is not JsonObject filter)
        {
            throw new SecurityHubException(400, "SerializationException", $"{where} must be a DateFilter object.");
        }

        if (filter["DateRange"] is JsonObject range)
        {
            if (range["Value"] is not JsonValue rangeValue || !rangeValue.TryGetValue<int>(out var days) || days < 0)
            {
                throw SecurityHubException.InvalidInput($"{where}.DateRange.Value must be a whole number of days, 0 or more.");
            }

            if (ReadString(range, "Unit", where + ".DateRange") is not "DAYS")
            {
                throw SecurityHubException.InvalidInput($"{where}.DateRange.Unit must be DAYS.");
            }

            var boundary = now.AddDays(-days).ToUnixTimeMilliseconds();
            return ReadString(range, "Comparison", where + ".DateRange") switch
            {
                null or "WITHIN" => (boundary, long.MaxValue),
                "OLDER_THAN" => (long.MinValue + 1, boundary - 1),
                var other => throw SecurityHubException.InvalidInput($"{where}.DateRange.Comparison '{other}' is not WITHIN or OLDER_THAN."),
            };
        }

        var start = ReadString(filter, "Start", where);
        var end = ReadString(filter, "End", where);
        if (start is null || end is null)
        {
            throw SecurityHubException.InvalidInput($"{where}: a DateFilter needs both Start and End, or a DateRange.");
        }

        return (ParseInstant(start, where + ".Start"), ParseInstant(end, where + ".End"));
    }

    private void ParseSort(JsonArray criteria)
    {
        for (var i = 0; i < criteria.Count; i++)
        {
            var where = $"SortCriteria[{i}]";
            if (criteria[i] is not JsonObject criterion)
            {
                throw new SecurityHubException(400, "SerializationException", $"{where} must be a SortCriterion object.");
            }

            var name = ReadString(criterion, "Field", where);
            var descending = ReadString(criterion, "SortOrder", where) switch
            {
                null or "asc" => false,
                "desc" => true,
                var other => throw SecurityHubException.InvalidInput($"{where}.SortOrder '{other}' is not asc or desc."),
            };

            if (string.IsNullOrWhiteSpace(name))
            {
                throw SecurityHubException.InvalidInput($"{where}.Field is required.");
            }

            if (FindingFields.TryParse(name, out FindingField field))
            {
                Sort.Add(new SortCriterion(field, null, false, descending));
            }
            else if (FindingFields.TryParse(name, out DateField date))
            {
                Sort.Add(new SortCriterion(null, date, false, descending));
            }
            else if (name == "SeverityNormalized")
            {
                Sort.Add(new SortCriterion(null, null, true, descending));
            }
            else
            {
                throw SecurityHubException.InvalidInput($"{where}.Field '{name}': the local stand-in cannot sort on this attribute.");
            }
        }
    }

    private static string? ReadString(JsonObject obj, string name, string where)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new SecurityHubException(400, "SerializationException", $"{where}.{name} must be a string.");
    }

    private static long ParseInstant(string text, string where)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            throw SecurityHubException.InvalidInput($"{where}: '{text}' is not a valid timestamp (use ISO 8601, e.g. 2024-01-31T23:59:59Z).");
        }

        return instant.ToUnixTimeMilliseconds();
    }
}
