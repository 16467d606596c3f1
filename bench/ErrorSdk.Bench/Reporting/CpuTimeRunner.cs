using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ErrorSdk.Bench.Benchmarks;

namespace ErrorSdk.Bench.Reporting
{
    /// <summary>
    /// <c>--cpu [name filter] [--json PATH]</c>: a quick look at every benchmark on a busy machine. It counts this thread's CPU time
    /// (<c>CLOCK_THREAD_CPUTIME_ID</c>), not wall time, so time spent waiting for a core shared with other processes
    /// is not charged; the implementations of an operation alternate over 41 rounds of about 5 ms each and each gets
    /// the median of its rounds. A diagnostic to compare changes with, not a replacement
    /// for BenchmarkDotNet: it has no overhead subtraction, no out-of-process isolation and no statistics.
    /// </summary>
    internal static class CpuTimeRunner
    {
        private const int ThreadCpuClock = 3;

        private const int Rounds = 41;

        public static int Run(string[] args)
        {
            var filter = string.Empty;
            string? jsonPath = null;
            for (int i = 1; i < args.Length; i++)
            {
                if (args[i] == "--json" && i + 1 < args.Length)
                {
                    jsonPath = args[++i];
                }
                else
                {
                    filter = args[i];
                }
            }

            Console.WriteLine("| Operation | Implementation | CPU ns/op | Allocated B/op |");
            Console.WriteLine("|-----------|----------------|----------:|---------------:|");
            var selected = new List<(string Name, string Impl, Func<object?> Call)>();
            foreach (var (name, impl, fullName) in ResultSummary.DeclaredBenchmarks())
            {
                if (fullName.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    selected.Add((name, impl, Bind(fullName)));
                }
            }

            // Warm everything up first: tiered compilation keeps delaying its final code while new methods still appear,
            // so warming each benchmark just before measuring it would charge the first ones for the others' start-up.
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (var (_, _, call) in selected)
                {
                    var warmup = Stopwatch.StartNew();
                    while (warmup.ElapsedMilliseconds < 250)
                    {
                        Repeat(call, 1_000);
                    }
                }
            }

            // The implementations of one operation are measured in alternation, round after round, so a slow spell of
            // the machine lands on all of them alike; each gets the median of its rounds.
            var results = new List<CpuResult>();
            foreach (var operation in selected.GroupBy(b => b.Name))
            {
                var members = operation.ToList();
                var batches = members.Select(m => Calibrate(m.Call)).ToList();
                var samples = members.Select(_ => new List<double>()).ToList();
                var allocated = new long[members.Count];
                var calls = new long[members.Count];
                for (int round = 0; round < Rounds; round++)
                {
                    for (int m = 0; m < members.Count; m++)
                    {
                        long bytes = GC.GetAllocatedBytesForCurrentThread();
                        samples[m].Add((double)ThreadNs(() => Repeat(members[m].Call, batches[m])) / batches[m]);
                        allocated[m] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                        calls[m] += batches[m];
                    }
                }

                for (int m = 0; m < members.Count; m++)
                {
                    samples[m].Sort();
                    var result = new CpuResult(members[m].Name, members[m].Impl, samples[m][samples[m].Count / 2], allocated[m] / calls[m]);
                    results.Add(result);
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F1} | {3} |", result.Name, result.Impl, result.CpuNs, result.AllocatedBytes));
                }
            }

            if (jsonPath is not null)
            {
                using var stream = File.Create(jsonPath);
                using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                json.WriteStartArray("cpu");
                foreach (var result in results)
                {
                    json.WriteStartObject();
                    json.WriteString("name", result.Name);
                    json.WriteString("impl", result.Impl);
                    json.WriteNumber("cpu_ns", Math.Round(result.CpuNs, 2));
                    json.WriteNumber("allocated_bytes", result.AllocatedBytes);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return 0;
        }

        private static Func<object?> Bind(string fullName)
        {
            var typeName = fullName.Substring(0, fullName.LastIndexOf('.'));
            var type = typeof(BenchmarkBase).Assembly.GetType(typeName, throwOnError: true)!;
            var method = type.GetMethod(fullName.Substring(typeName.Length + 1))!;
            var instance = Activator.CreateInstance(type)!;
            if (!method.ReturnType.IsValueType)
            {
                return (Func<object?>)Delegate.CreateDelegate(typeof(Func<object?>), instance, method);
            }

            // Value-returning benchmarks (classification) through a typed delegate, so no boxing is measured.
            var typed = Delegate.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), instance, method);
            var invoke = typeof(CpuTimeRunner).GetMethod(nameof(Discard), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(method.ReturnType);
            return (Func<object?>)invoke.Invoke(null, new object[] { typed })!;
        }

        private static Func<object?> Discard<T>(Func<T> call) => () =>
        {
            call();
            return null;
        };

        /// <summary>A batch of about 5 ms of CPU.</summary>
        private static int Calibrate(Func<object?> call)
        {
            int batch = 256;
            while (ThreadNs(() => Repeat(call, batch)) < 5_000_000 && batch < 50_000_000)
            {
                batch *= 2;
            }

            return batch;
        }

        private static void Repeat(Func<object?> call, int count)
        {
            for (int i = 0; i < count; i++)
            {
                call();
            }
        }

        private static long ThreadNs(Action action)
        {
            long start = Now();
            action();
            return Now() - start;
        }

        /// <summary>This thread's CPU time in nanoseconds (wall time where the OS has no thread clock).</summary>
        internal static long Now()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return Stopwatch.GetTimestamp() * (1_000_000_000L / Stopwatch.Frequency);
            }

            clock_gettime(ThreadCpuClock, out var time);
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
