using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ErrorSdk.Bench.Grpc
{
    /// <summary>
    /// <c>--cpu</c>: the same comparisons by CPU time, for a machine shared with other work, where wall-clock
    /// BenchmarkDotNet numbers swing more than the differences measured. Promote: this thread's CPU time
    /// (<c>CLOCK_THREAD_CPUTIME_ID</c>). The loopback call: the process's CPU time (client and server run in this process,
    /// so it is the CPU one call costs both sides). The two implementations alternate over 31 rounds; each gets the
    /// median of its rounds. Allocations are this thread's (Promote) or the process's (loopback).
    /// </summary>
    internal static class CpuTimeMode
    {
        private const int Rounds = 31;

        public static async Task<int> RunAsync()
        {
            var promote = new PromoteRpcExceptionBenchmarks();
            promote.Setup();
            Print("typed exception from an RpcException", Compare(() => promote.HandWritten(), () => promote.ErrorSdkPromote(), 20_000));

            var loopback = new InterceptorOverheadBenchmarks();
            loopback.Setup();
            try
            {
                Print("successful unary call over loopback", await CompareAsync(loopback.Plain, loopback.WithErrorSdk, 300));
            }
            finally
            {
                loopback.Cleanup();
            }

            return 0;
        }

        private static (double Baseline, double Measured, double BaselineBytes, double MeasuredBytes) Compare(Func<object> baseline, Func<object> measured, int batch)
        {
            for (int i = 0; i < batch; i++)
            {
                baseline();
                measured();
            }

            var a = new List<double>();
            var b = new List<double>();
            long bytesA = 0, bytesB = 0;
            for (int round = 0; round < Rounds; round++)
            {
                foreach (var (call, samples, isBaseline) in new[] { (baseline, a, true), (measured, b, false) })
                {
                    long allocated = GC.GetAllocatedBytesForCurrentThread();
                    long start = ThreadNs();
                    for (int i = 0; i < batch; i++)
                    {
                        call();
                    }

                    samples.Add((double)(ThreadNs() - start) / batch);
                    long used = GC.GetAllocatedBytesForCurrentThread() - allocated;
                    if (isBaseline)
                    {
                        bytesA += used;
                    }
                    else
                    {
                        bytesB += used;
                    }
                }
            }

            return (Median(a), Median(b), (double)bytesA / (Rounds * batch), (double)bytesB / (Rounds * batch));
        }

        private static async Task<(double, double, double, double)> CompareAsync<T>(Func<Task<T>> baseline, Func<Task<T>> measured, int batch)
        {
            for (int i = 0; i < batch; i++)
            {
                await baseline();
                await measured();
            }

            var a = new List<double>();
            var b = new List<double>();
            long bytesA = 0, bytesB = 0;
            var process = Process.GetCurrentProcess();
            for (int round = 0; round < Rounds; round++)
            {
                foreach (var (call, samples, isBaseline) in new[] { (baseline, a, true), (measured, b, false) })
                {
                    long allocated = GC.GetTotalAllocatedBytes(precise: false);
                    process.Refresh();
                    var start = process.TotalProcessorTime;
                    for (int i = 0; i < batch; i++)
                    {
                        await call();
                    }

                    process.Refresh();
                    samples.Add((process.TotalProcessorTime - start).TotalMilliseconds * 1_000_000 / batch);
                    long used = GC.GetTotalAllocatedBytes(precise: false) - allocated;
                    if (isBaseline)
                    {
                        bytesA += used;
                    }
                    else
                    {
                        bytesB += used;
                    }
                }
            }

            return (Median(a), Median(b), (double)bytesA / (Rounds * batch), (double)bytesB / (Rounds * batch));
        }

        private static void Print(string what, (double Baseline, double Measured, double BaselineBytes, double MeasuredBytes) r) =>
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1:F0} ns, {2:F0} B | {3:F0} ns, {4:F0} B | {5:F2}x | {6:F2}x |",
                what,
                r.Baseline,
                r.BaselineBytes,
                r.Measured,
                r.MeasuredBytes,
                r.Measured / r.Baseline,
                r.MeasuredBytes / r.BaselineBytes));

        private static double Median(List<double> samples)
        {
            samples.Sort();
            return samples[samples.Count / 2];
        }

        private static long ThreadNs()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return Stopwatch.GetTimestamp() * (1_000_000_000L / Stopwatch.Frequency);
            }

            clock_gettime(3, out var time);
            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
