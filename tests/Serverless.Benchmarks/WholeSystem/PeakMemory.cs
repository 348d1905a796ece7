using System.Diagnostics;
using System.Globalization;

namespace Serverless.Benchmarks.WholeSystem;

/// <summary>
/// Peak resident memory of this process over one phase of a run. On Linux, writing 5 to /proc/self/clear_refs
/// resets the peak (VmHWM in /proc/self/status) to the current resident size, so each phase gets its own peak.
/// </summary>
internal static class PeakMemory
{
    /// <summary>
    /// Collects garbage and resets the peak to the current resident size. Returns false where the peak cannot be
    /// reset, and then <see cref="ReadBytes"/> returns the peak since the process started.
    /// </summary>
    public static bool Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the peak resident size in bytes: VmHWM on Linux, else the peak working set.</summary>
    public static long ReadBytes()
    {
        const string statusPath = "/proc/self/status";
        if (File.Exists(statusPath))
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    // The line reads "VmHWM:   123456 kB".
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
