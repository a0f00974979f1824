using System.Runtime.InteropServices;

namespace Dashboard.Benchmarks.Measuring;

/// <summary>
/// The OS's page cache as far as one measurement sees it (Linux only; elsewhere nothing is measured
/// or evicted): how much the process read from disk, and dropping a file's cached pages so the next
/// phase reads it as after a reboot or under memory pressure.
/// </summary>
internal static class PageCache
{
    private const int PosixFadvDontNeed = 4;

    /// <summary>Bytes this process has read from storage so far (/proc/self/io read_bytes), or null where unknown.</summary>
    public static long? DiskReadBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/io").FirstOrDefault(l => l.StartsWith("read_bytes:", StringComparison.Ordinal));
            return line is not null && long.TryParse(line["read_bytes:".Length..].Trim(), out var bytes) ? bytes : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the file's dirty pages and asks the kernel to drop all its cached pages; false where that is not possible.</summary>
    public static bool Evict(string path)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(path)) return false;
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        // DONTNEED leaves dirty pages alone: write them first.
        file.Flush(flushToDisk: true);
        return PosixFadvise((int)file.SafeFileHandle.DangerousGetHandle(), 0, 0, PosixFadvDontNeed) == 0;
    }

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);
}
