using System.Runtime;
using System.Runtime.InteropServices;

namespace Dashboard.Benchmarks.Reporting;

/// <summary>What the figures were measured on; read from /proc on Linux, with fallbacks elsewhere.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string Os, string DotNet, string Gc, string LoadAtStart)
{
    public static MachineInfo Read() => new(
        Cpu: FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Cores: Environment.ProcessorCount,
        Memory: MemTotal(),
        Os: OsName(),
        DotNet: RuntimeInformation.FrameworkDescription,
        Gc: GCSettings.IsServerGC ? "Server GC (as the web app)" : "Workstation GC",
        LoadAtStart: ReadFirstLine("/proc/loadavg") is { } load ? string.Join(' ', load.Split(' ').Take(3)) : "n/a");

    public IEnumerable<(string Name, string Value)> Rows() =>
    [
        ("CPU", Cpu),
        ("Cores", Cores.ToString()),
        ("Memory", Memory),
        ("OS", Os),
        (".NET", DotNet),
        ("GC", Gc),
        ("Load average at start (1/5/15 min)", LoadAtStart),
    ];

    private static string MemTotal()
    {
        // "MemTotal:       24684312 kB"
        var value = FirstValue("/proc/meminfo", "MemTotal");
        if (value is not null && long.TryParse(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kib))
            return $"{kib / 1024.0 / 1024.0:F1} GiB";
        return $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024:F1} GiB (as seen by the GC)";
    }

    private static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        var kernel = ReadFirstLine("/proc/sys/kernel/osrelease");
        var name = pretty ?? RuntimeInformation.OSDescription;
        return kernel is null ? name : $"{name}, Linux {kernel}";
    }

    private static string? FirstValue(string path, string key)
    {
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim() == key) return line[(colon + 1)..].Trim();
        }

        return null;
    }

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
}
