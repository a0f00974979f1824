using System.Globalization;

namespace Dashboard.Benchmarks.Running;

/// <summary>The command line of the benchmark runner. Bad input gives a message naming the option, never a stack trace.</summary>
internal sealed record BenchmarkOptions
{
    public const int DefaultFindings = 1_000_000;
    public const int QuickFindings = 20_000;
    /// <summary>The small cache the page-time ratio compares against.</summary>
    public const int SmallCacheFindings = 1_000;

    public int Findings { get; init; } = DefaultFindings;
    public int Iterations { get; init; } = 200;
    public int Warmup { get; init; } = 20;
    /// <summary>Account-Regions re-read phase by phase to see where sync time goes; 0 skips the breakdown.</summary>
    public int BreakdownTargets { get; init; } = 3;
    public string? OutFile { get; init; }
    public string? WorkDirectory { get; init; }
    public bool Keep { get; init; }
    /// <summary>Evict the cache's files from the OS page cache before the incremental sync (Linux).</summary>
    public bool ColdIncremental { get; init; }
    public bool Help { get; init; }
    /// <summary>Also run the IAM figures of issue 4 §6 after the findings figures.</summary>
    public bool Iam { get; init; }
    /// <summary>Run only the IAM figures.</summary>
    public bool IamOnly { get; init; }
    public int IamAccounts { get; init; } = 25;
    public int IamPrincipals { get; init; } = 2_000;
    public int IamIterations { get; init; } = 20;
    public int IamWarmup { get; init; } = 3;
    /// <summary>Also time each risk rule alone over one account (where the analysis time goes).</summary>
    public bool IamProfile { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- [options]

          --findings N            findings generated in the stand-in (default 1000000)
          --quick                 20000 findings: a smoke test of the whole run
          --out FILE              also write the results as a markdown table to FILE
          --iterations N          timed query iterations after warm-up (default 200)
          --warmup N              untimed query iterations first (default 20)
          --breakdown-targets N   account-Regions re-read phase by phase (default 3; 0 skips)
          --work DIR              folder for the caches and CSV files (default: a new temp folder)
          --keep                  keep the work folder (caches, baseline database) afterwards
          --cold-incremental      evict the cache from the OS page cache before the incremental sync (Linux)
          --iam                   also measure IAM analysis (issue 4 §6) after the findings figures
          --iam-only              measure only the IAM analysis figures
          --iam-accounts N        accounts of the synthetic IAM organization (default 25)
          --iam-principals N      users + roles per account (default 2000)
          --iam-iterations N      timed who-can iterations per query (default 20)
          --iam-warmup N          untimed who-can iterations per query first (default 3)
          --iam-profile           also time each risk rule alone over one account
          --help                  this text
        """;

    /// <summary>Parses the arguments; <paramref name="error"/> names the offending option when they are invalid.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new BenchmarkOptions();
        int? findings = null;
        var quick = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h":
                    return options with { Help = true };
                case "--quick":
                    quick = true;
                    break;
                case "--iam":
                    options = options with { Iam = true };
                    break;
                case "--iam-profile":
                    options = options with { IamProfile = true };
                    break;
                case "--iam-only":
                    options = options with { IamOnly = true };
                    break;
                case "--iam-accounts":
                    if (!TryInt(args, ref i, 1, 1_000, out var ia, out error)) return null;
                    options = options with { IamAccounts = ia };
                    break;
                case "--iam-principals":
                    if (!TryInt(args, ref i, 1, 100_000, out var ip, out error)) return null;
                    options = options with { IamPrincipals = ip };
                    break;
                case "--iam-iterations":
                    if (!TryInt(args, ref i, 1, 10_000, out var ii, out error)) return null;
                    options = options with { IamIterations = ii };
                    break;
                case "--iam-warmup":
                    if (!TryInt(args, ref i, 0, 10_000, out var iw, out error)) return null;
                    options = options with { IamWarmup = iw };
                    break;
                case "--keep":
                    options = options with { Keep = true };
                    break;
                case "--cold-incremental":
                    options = options with { ColdIncremental = true };
                    break;
                case "--findings":
                    if (!TryInt(args, ref i, 1, 20_000_000, out var n, out error)) return null;
                    findings = n;
                    break;
                case "--iterations":
                    if (!TryInt(args, ref i, 1, 100_000, out var it, out error)) return null;
                    options = options with { Iterations = it };
                    break;
                case "--warmup":
                    if (!TryInt(args, ref i, 0, 100_000, out var w, out error)) return null;
                    options = options with { Warmup = w };
                    break;
                case "--breakdown-targets":
                    if (!TryInt(args, ref i, 0, 10_000, out var b, out error)) return null;
                    options = options with { BreakdownTargets = b };
                    break;
                case "--out":
                    if (!TryText(args, ref i, out var file, out error)) return null;
                    options = options with { OutFile = Path.GetFullPath(file) };
                    break;
                case "--work":
                    if (!TryText(args, ref i, out var dir, out error)) return null;
                    options = options with { WorkDirectory = Path.GetFullPath(dir) };
                    break;
                default:
                    error = $"Unknown option '{arg}'.";
                    return null;
            }
        }

        if (quick && findings is not null)
        {
            error = "--quick and --findings both set the number of findings; give one of them.";
            return null;
        }

        return options with { Findings = findings ?? (quick ? QuickFindings : DefaultFindings) };
    }

    private static bool TryInt(IReadOnlyList<string> args, ref int i, int min, int max, out int value, out string? error)
    {
        value = 0;
        var name = args[i];
        if (!TryText(args, ref i, out var text, out error)) return false;
        // Accept 1,000,000 and 1_000_000 as written in the issue.
        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (!int.TryParse(cleaned, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = $"{name} needs a whole number from {min:N0} to {max:N0} (got '{text}').";
            return false;
        }

        return true;
    }

    private static bool TryText(IReadOnlyList<string> args, ref int i, out string value, out string? error)
    {
        error = null;
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(args[i + 1]))
        {
            error = $"{args[i]} needs a value.";
            value = "";
            return false;
        }

        value = args[++i];
        return true;
    }
}
