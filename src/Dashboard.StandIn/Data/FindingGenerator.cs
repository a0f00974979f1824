namespace Dashboard.StandIn.Data;

/// <summary>
/// Makes the compact row of generated finding number <c>index</c>. Every value comes from
/// (seed, index), so finding 17 is the same whether 100 or 1,000,000 findings are generated.
/// </summary>
internal sealed class FindingGenerator
{
    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    // Security Hub deletes findings 90 days after their last update, so none is older than that.
    private const long MaxUpdateAge = 89 * Day;

    private static readonly double[] RandomSeverity = Cumulative(10, 30, 30, 20, 10);
    private static readonly double[] OpenWorkflow = Cumulative(60, 22, 10, 8);

    private readonly int seed;
    private readonly TemplateLibrary library;
    private readonly double[] accountWeights;
    private readonly double[] regionWeights;

    public FindingGenerator(int seed, TemplateLibrary library, int accounts, int regions)
    {
        this.seed = seed;
        this.library = library;

        // Accounts differ in size; the management account holds few workloads and so few findings.
        var random = new StableRandom(seed, -2, salt: 11);
        accountWeights = Cumulative(Enumerable.Range(0, accounts).Select(i => i == 0 && accounts > 1 ? 0.4 : 0.5 + 1.5 * random.NextDouble()).ToArray());

        // The home Region holds about half of the findings.
        regionWeights = Cumulative(Enumerable.Range(0, regions).Select(i => i == 0 ? Math.Max(1.0, regions - 1) : 1.0).ToArray());
    }

    public FindingRow Generate(int index, long anchorMilliseconds)
    {
        var random = new StableRandom(seed, index);
        var group = library.Groups[random.Pick(library.CumulativeGroupWeights)];
        var templateIndex = group[(int)random.Next(group.Length)];
        var template = library.Templates[templateIndex];
        var row = new FindingRow
        {
            Template = templateIndex,
            Account = (short)random.Pick(accountWeights),
            Region = (byte)random.Pick(regionWeights),
            ResourceVariant = template.ResourceName is null ? (ushort)0 : (ushort)random.Next(24),
            RecordState = random.Chance(0.12) ? RecordStateCode.Archived : RecordStateCode.Active,
        };

        row.Compliance = template.HasCompliance ? RandomCompliance(ref random) : ComplianceCode.None;
        row.Severity = ChooseSeverity(template, row.Compliance, ref random);
        row.Workflow = ChooseWorkflow(row, ref random);

        row.CreatedAt = anchorMilliseconds - random.Next(365 * Day);
        var maxAge = Math.Min(anchorMilliseconds - row.CreatedAt, MaxUpdateAge);
        row.UpdatedAt = anchorMilliseconds - random.Next(maxAge + 1);
        row.FirstObservedAt = row.CreatedAt - random.Next(Hour);
        row.LastObservedAt = Math.Max(row.FirstObservedAt, row.UpdatedAt - random.Next(10 * Minute));
        return row;
    }

    /// <summary>A provider update: the finding is re-observed now and its severity or status may change.</summary>
    public void Touch(ref FindingRow row, FindingTemplate template, int index, long nowMilliseconds, ulong salt)
    {
        var random = new StableRandom(seed, index, salt);
        row.UpdatedAt = Math.Max(nowMilliseconds, row.CreatedAt);
        if (row.LastObservedAt != FindingRow.Absent)
        {
            row.LastObservedAt = row.UpdatedAt;
        }

        if (template.Verbatim)
        {
            // A loaded finding keeps its own severity; only its workflow moves on.
            if (random.Chance(0.3))
            {
                row.Workflow = (WorkflowCode)random.Pick(OpenWorkflow);
            }

            return;
        }

        if (template.HasCompliance && random.Chance(0.5))
        {
            row.Compliance = row.Compliance == ComplianceCode.Passed ? ComplianceCode.Failed : ComplianceCode.Passed;
            row.Severity = ChooseSeverity(template, row.Compliance, ref random);
            row.Workflow = row.Compliance == ComplianceCode.Passed ? WorkflowCode.Resolved : WorkflowCode.New;
        }
        else if (!template.HasCompliance && random.Chance(0.4))
        {
            row.Severity = (SeverityCode)random.Pick(RandomSeverity);
        }

        if (random.Chance(0.05))
        {
            row.RecordState = row.RecordState == RecordStateCode.Active ? RecordStateCode.Archived : RecordStateCode.Active;
        }
    }

    private static ComplianceCode RandomCompliance(ref StableRandom random)
    {
        var x = random.NextDouble();
        return x < 0.35 ? ComplianceCode.Passed : x < 0.90 ? ComplianceCode.Failed : x < 0.95 ? ComplianceCode.Warning : ComplianceCode.NotAvailable;
    }

    private static SeverityCode ChooseSeverity(FindingTemplate template, ComplianceCode compliance, ref StableRandom random)
    {
        // Security Hub gives a passed control finding severity INFORMATIONAL; a failed one the control's severity.
        if (template.IsSecurityHubControl && compliance == ComplianceCode.Passed)
        {
            return SeverityCode.Informational;
        }

        var keep = template.HasCompliance ? 0.9 : 0.55;
        return random.Chance(keep) ? template.Severity : (SeverityCode)random.Pick(RandomSeverity);
    }

    private static WorkflowCode ChooseWorkflow(in FindingRow row, ref StableRandom random)
    {
        // Security Hub resolves a control finding itself once it passes.
        if (row.Compliance == ComplianceCode.Passed)
        {
            return random.Chance(0.85) ? WorkflowCode.Resolved : WorkflowCode.New;
        }

        if (row.RecordState == RecordStateCode.Archived && random.Chance(0.5))
        {
            return WorkflowCode.Resolved;
        }

        return (WorkflowCode)random.Pick(OpenWorkflow);
    }

    private static double[] Cumulative(params double[] weights)
    {
        var running = 0.0;
        return weights.Select(w => running += w).ToArray();
    }
}
