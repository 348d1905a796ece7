using System.Runtime.InteropServices;

namespace Serverless.Host.Local;

/// <summary>Sends POSIX signals to child processes; .NET's Process class can only send SIGKILL.</summary>
internal static partial class PosixSignal
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="processId"/>; returns false when the process is gone.</summary>
    public static bool Terminate(int processId) => NativeMethods.Kill(processId, SigTerm) == 0;

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int processId, int signal);
    }
}
