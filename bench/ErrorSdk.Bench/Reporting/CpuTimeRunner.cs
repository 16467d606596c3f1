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
    /// is not charged; median of 15 batches of about 20 ms each. A diagnostic to compare changes with, not a replacement
    /// for BenchmarkDotNet: it has no overhead subtraction, no out-of-process isolation and no statistics.
    /// </summary>
    internal static class CpuTimeRunner
    {
        private const int ThreadCpuClock = 3;

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

            var results = new List<CpuResult>();
            foreach (var (name, impl, call) in selected)
            {
                var (ns, bytes) = Measure(call);
                results.Add(new CpuResult(name, impl, ns, bytes));
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F1} | {3} |", name, impl, ns, bytes));
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

        private static (double Ns, long Bytes) Measure(Func<object?> call)
        {
            // Calibrate a batch to about 20 ms of CPU.
            int batch = 1_000;
            while (ThreadNs(() => Repeat(call, batch)) < 20_000_000 && batch < 50_000_000)
            {
                batch *= 2;
            }

            var samples = new List<double>();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 15; round++)
            {
                samples.Add((double)ThreadNs(() => Repeat(call, batch)) / batch);
            }

            long allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (15L * batch);
            samples.Sort();
            return (samples[samples.Count / 2], allocated);
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

        private static long Now()
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
