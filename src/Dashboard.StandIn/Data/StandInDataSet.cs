using System.Text;

namespace Dashboard.StandIn.Data;

/// <summary>
/// What the stand-in serves: an organization, its Regions and its findings, generated deterministically
/// from (seed, size) or loaded from ASFF files. Findings are compact rows; their JSON is rendered from
/// cached templates when a page is served, so a million findings need no million JSON strings.
/// Mutation methods are for tests and benchmarks; they are thread-safe against concurrent requests.
/// </summary>
public sealed partial class StandInDataSet
{
    private static readonly string[] WorkflowNames = FindingStatus.WorkflowLabels;

    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly List<FindingTemplate> templates;
    private readonly FindingGenerator generator;
    private readonly List<string> regions;
    private readonly Dictionary<string, int> regionIndex;
    private FindingRow[] rows;
    private int count;
    private long version;
    private ulong mutations;

    private StandInDataSet(StandInOptions options)
    {
        Seed = options.Seed;
        TimeProvider = options.TimeProvider;
        Anchor = options.Anchor ?? new DateTimeOffset(options.TimeProvider.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        Organization = StandInOrganization.Generate(options.Seed, options.Accounts);
        regions = [.. options.EffectiveRegions];
        regionIndex = regions.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        var library = TemplateLibrary.Instance;
        templates = [.. library.Templates];
        generator = new FindingGenerator(options.Seed, library, options.Accounts, regions.Count);

        if (options.FindingFiles.Length > 0)
        {
            rows = [];
            LoadFiles(options.FindingFiles);
        }
        else
        {
            rows = new FindingRow[Math.Max(options.Findings, 16)];
            var anchor = Anchor.ToUnixTimeMilliseconds();
            for (var i = 0; i < options.Findings; i++)
            {
                rows[i] = generator.Generate(i, anchor);
            }

            count = options.Findings;
        }

        Context = new RenderContext(Organization.Accounts.Select(a => a.Id).ToArray(), regions.ToArray(), Seed);
    }

    public int Seed { get; }

    /// <summary>The instant the generated history ends at.</summary>
    public DateTimeOffset Anchor { get; }

    public StandInOrganization Organization { get; }

    public IReadOnlyList<string> Regions => regions;

    /// <summary>Number of findings held.</summary>
    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>Increases with every mutation.</summary>
    public long Version => Interlocked.Read(ref version);

    internal TimeProvider TimeProvider { get; }

    internal RenderContext Context { get; }

    internal IReadOnlyList<FindingTemplate> Templates => templates;

    /// <summary>Builds the data set the options describe; throws <see cref="ArgumentException"/> naming every bad setting.</summary>
    public static StandInDataSet Create(StandInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid stand-in options: " + string.Join(" ", problems), nameof(options));
        }

        return new StandInDataSet(options);
    }

    /// <summary>
    /// A provider re-evaluation of round(fraction × Count) findings, chosen deterministically (different
    /// ones on each call): UpdatedAt and LastObservedAt become <paramref name="now"/>, and compliance,
    /// severity, workflow or record state may change. Returns how many findings were touched.
    /// </summary>
    public int TouchFindings(double fraction, DateTimeOffset now)
    {
        ValidateFraction(fraction);
        var nowMs = now.ToUnixTimeMilliseconds();
        return Mutate(fraction, (ref FindingRow row, int index, ulong salt) =>
            generator.Touch(ref row, templates[row.Template], index, nowMs, salt));
    }

    /// <summary>
    /// What BatchUpdateFindings does: sets Workflow.Status of round(fraction × Count) findings without
    /// changing UpdatedAt, so an UpdatedAt-incremental sync cannot see it. Returns how many changed.
    /// </summary>
    public int SetWorkflowStatusWithoutUpdatedAt(double fraction, string workflowStatus)
    {
        ValidateFraction(fraction);
        var status = ParseWorkflow(workflowStatus);
        return Mutate(fraction, (ref FindingRow row, int _, ulong _) => row.Workflow = status);
    }

    /// <summary>Sets Workflow.Status of the findings with these Ids without changing UpdatedAt; returns how many were found.</summary>
    public int SetWorkflowStatusWithoutUpdatedAt(IEnumerable<string> findingIds, string workflowStatus)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        var status = ParseWorkflow(workflowStatus);
        var wanted = new HashSet<string>(findingIds, StringComparer.Ordinal);
        var changed = 0;
        gate.EnterWriteLock();
        try
        {
            for (var i = 0; i < count && changed < wanted.Count; i++)
            {
                if (wanted.Contains(View(i).Template.Id.Render(View(i))))
                {
                    rows[i].Workflow = status;
                    changed++;
                }
            }

            version++;
        }
        finally
        {
            gate.ExitWriteLock();
        }

        return changed;
    }

    /// <summary>Adds <paramref name="newFindings"/> generated findings first seen now (by the stand-in's clock).</summary>
    public void AddFindings(int newFindings) => AddFindings(newFindings, TimeProvider.GetUtcNow());

    /// <summary>Adds <paramref name="newFindings"/> generated findings created at <paramref name="now"/>.</summary>
    public void AddFindings(int newFindings, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newFindings);
        var nowMs = now.ToUnixTimeMilliseconds();
        gate.EnterWriteLock();
        try
        {
            EnsureCapacity(count + newFindings);
            for (var i = count; i < count + newFindings; i++)
            {
                var row = generator.Generate(i, nowMs);
                var random = new StableRandom(Seed, i, salt: 3);
                row.CreatedAt = nowMs;
                row.UpdatedAt = nowMs;
                row.FirstObservedAt = nowMs - random.Next(60_000);
                row.LastObservedAt = nowMs;
                rows[i] = row;
            }

            count += newFindings;
            version++;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>The finding's ASFF JSON exactly as GetFindings serves it (with the note BatchUpdateFindings set, if any).</summary>
    public string GetFindingJson(int index)
    {
        using var output = new Utf8Output(8 * 1024);
        gate.EnterReadLock();
        try
        {
            CheckIndex(index);
            WriteFinding(index, output);
        }
        finally
        {
            gate.ExitReadLock();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    public StandInFindingSummary GetSummary(int index)
    {
        gate.EnterReadLock();
        try
        {
            CheckIndex(index);
            return Summarize(index);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Every finding's key attributes, as of the call (a copy: later mutations are not reflected).</summary>
    public IReadOnlyList<StandInFindingSummary> GetSummaries()
    {
        gate.EnterReadLock();
        try
        {
            var list = new List<StandInFindingSummary>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add(Summarize(i));
            }

            return list;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Renders any row (for tests that try every template with every status).</summary>
    internal string RenderFinding(FindingRow row, int index)
    {
        using var output = new Utf8Output(8 * 1024);
        var view = new FindingView(Context, templates[row.Template], row, index);
        view.Template.Body.WriteJson(view, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    internal ReadScope EnterRead()
    {
        gate.EnterReadLock();
        return new ReadScope(gate);
    }

    /// <summary>Callers must hold the read lock.</summary>
    internal int UnsafeCount => count;

    /// <summary>Callers must hold the read lock.</summary>
    internal ref readonly FindingRow Row(int index) => ref rows[index];

    /// <summary>Callers must hold the read lock.</summary>
    internal FindingView View(int index) => new(Context, templates[rows[index].Template], rows[index], index);

    internal int AccountIndex(string accountId) => Organization.IndexOf(accountId);

    internal int RegionIndex(string region) => regionIndex.GetValueOrDefault(region, -1);

    private StandInFindingSummary Summarize(int index)
    {
        var view = View(index);
        var template = view.Template;
        var row = view.Row;
        return new StandInFindingSummary(
            index,
            template.Id.Render(view),
            template.ProductArn.Render(view),
            template.ProductName.Render(view),
            template.AwsAccountId.Render(view),
            template.Region.Render(view),
            template.Title.Render(view),
            FindingStatus.SeverityLabels[(int)row.Severity],
            FindingStatus.WorkflowLabels[(int)row.Workflow],
            template.HasCompliance ? FindingStatus.ComplianceLabels[(int)row.Compliance] : null,
            template.SecurityControlId?.Render(view),
            FindingStatus.RecordStateLabels[(int)row.RecordState],
            template.ResourceTypes[0].Render(view),
            template.ResourceIds[0].Render(view),
            DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
            DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
    }

    private delegate void RowMutation(ref FindingRow row, int index, ulong salt);

    private int Mutate(double fraction, RowMutation mutation)
    {
        gate.EnterWriteLock();
        try
        {
            var salt = ++mutations;
            var chosen = (int)Math.Round(fraction * count, MidpointRounding.AwayFromZero);
            if (chosen > 0)
            {
                // Walk a full-cycle permutation (start + j·stride mod n, stride coprime to n): distinct
                // rows, exactly `chosen` of them, spread over the whole set, different for each salt.
                var random = new StableRandom(Seed, -3, salt);
                var start = random.Next(count);
                var stride = CoprimeStride(count, random.Next(count));
                for (var j = 0L; j < chosen; j++)
                {
                    var index = (int)((start + j * stride) % count);
                    mutation(ref rows[index], index, salt);
                }
            }

            version++;
            return chosen;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private static long CoprimeStride(int n, long candidate)
    {
        var stride = Math.Max(1, candidate);
        while (Gcd(stride, n) != 1)
        {
            stride++;
        }

        return stride;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private void LoadFiles(string[] files)
    {
        var seen = new Dictionary<(string Id, string ProductArn), int>();
        foreach (var file in files)
        {
            var findings = AsffDocument.ReadFindings(File.ReadAllText(file), file);
            for (var i = 0; i < findings.Count; i++)
            {
                var compiled = TemplateCompiler.Compile(findings[i], $"{file}: finding [{i}]", verbatim: true);
                var values = compiled.Values;
                values.Template = templates.Count;
                values.Account = checked((short)Organization.AddLoaded(compiled.AccountId));
                values.Region = checked((byte)AddRegion(compiled.Region ?? regions[0]));
                templates.Add(compiled.Template);

                // Security Hub keeps one finding per Id and ProductArn: a later copy replaces an earlier one.
                var key = (compiled.Template.Id.ConstantValue!, compiled.Template.ProductArn.ConstantValue!);
                if (seen.TryGetValue(key, out var existing))
                {
                    rows[existing] = values;
                    continue;
                }

                EnsureCapacity(count + 1);
                seen[key] = count;
                rows[count++] = values;
            }
        }
    }

    private int AddRegion(string region)
    {
        if (!regionIndex.TryGetValue(region, out var index))
        {
            regions.Add(region);
            index = regions.Count - 1;
            regionIndex[region] = index;
        }

        return index;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > rows.Length)
        {
            Array.Resize(ref rows, Math.Max(needed, Math.Max(16, rows.Length * 2)));
        }
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The data set holds {count} findings.");
        }
    }

    private static void ValidateFraction(double fraction)
    {
        if (double.IsNaN(fraction) || fraction < 0 || fraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be between 0 and 1.");
        }
    }

    private static WorkflowCode ParseWorkflow(string workflowStatus)
    {
        if (!FindingStatus.TryParseWorkflow(workflowStatus, out var status))
        {
            throw new ArgumentException($"'{workflowStatus}' is not a workflow status; use one of {string.Join(", ", WorkflowNames)}.", nameof(workflowStatus));
        }

        return status;
    }

    internal readonly struct ReadScope(ReaderWriterLockSlim gate) : IDisposable
    {
        public void Dispose() => gate.ExitReadLock();
    }
}
