using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ErrorSdk.Bench.Benchmarks;

namespace ErrorSdk.Bench.Reporting
{
    /// <summary>
    /// <c>--markdown SUMMARY.json</c>: the tables of docs/benchmarks.md (median, allocated bytes, ratios to the
    /// hand-written and reflection baselines, generator scale) and the targets checked against them, from one summary.
    /// </summary>
    internal static class MarkdownReport
    {
        private static readonly string[] PromoteOperations =
        {
            "Promote.ExactReason", "Promote.Alias", "Promote.CodeFallback", "Promote.UnknownReason", "Promote.FromTrailers",
        };

        private static readonly string[] ClassificationOperations = { "RetryOf", "CodeOf", "IsRetryable" };

        public static int Run(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("Usage: --markdown SUMMARY.json");
                return 2;
            }

            var benchmarks = new List<BenchmarkResult>();
            using (var document = JsonDocument.Parse(File.ReadAllText(args[1])))
            {
                foreach (var b in document.RootElement.GetProperty("benchmarks").EnumerateArray())
                {
                    benchmarks.Add(new BenchmarkResult(
                        b.GetProperty("name").GetString()!,
                        b.GetProperty("impl").GetString()!,
                        b.GetProperty("mean_ns").GetDouble(),
                        b.TryGetProperty("median_ns", out var median) ? median.GetDouble() : b.GetProperty("mean_ns").GetDouble(),
                        b.GetProperty("allocated_bytes").GetInt64()));
                }
            }

            var generator = ResultSummary.ReadGenerator(args[1]);
            var cpu = ResultSummary.ReadCpu(args[1]);
            Console.Write(Render(benchmarks, generator, cpu));
            return 0;
        }

        public static string Render(IReadOnlyList<BenchmarkResult> benchmarks, IReadOnlyList<GeneratorResult> generator, IReadOnlyList<CpuResult> cpu)
        {
            var text = new StringBuilder();
            text.AppendLine("| Operation | Implementation | Median | Mean | Allocated | vs hand-written | vs reflection | CPU time | CPU vs hand-written | CPU vs reflection |");
            text.AppendLine("|-----------|----------------|-------:|-----:|----------:|----------------:|--------------:|---------:|--------------------:|------------------:|");
            foreach (var operation in benchmarks.Select(b => b.Name).Distinct().OrderBy(Order).ThenBy(n => n, StringComparer.Ordinal))
            {
                var rows = benchmarks.Where(b => b.Name == operation).OrderBy(b => ImplOrder(b.Impl)).ToList();
                var handWritten = rows.FirstOrDefault(r => r.Impl == Implementations.HandWritten);
                var reflection = rows.FirstOrDefault(r => r.Impl == Implementations.Reflection);
                foreach (var row in rows)
                {
                    text.Append("| ").Append(operation).Append(" | ").Append(row.Impl).Append(" | ")
                        .Append(Time(row.MedianNs)).Append(" | ").Append(Time(row.MeanNs)).Append(" | ")
                        .Append(Bytes(row.AllocatedBytes)).Append(" | ")
                        .Append(Ratio(row, handWritten)).Append(" | ").Append(Ratio(row, reflection)).Append(" | ");
                    var rowCpu = cpu.FirstOrDefault(c => c.Name == operation && c.Impl == row.Impl);
                    var handCpu = cpu.FirstOrDefault(c => c.Name == operation && c.Impl == Implementations.HandWritten);
                    var reflectionCpu = cpu.FirstOrDefault(c => c.Name == operation && c.Impl == Implementations.Reflection);
                    text.Append(rowCpu is null ? "–" : Time(rowCpu.CpuNs)).Append(" | ")
                        .Append(CpuRatio(rowCpu, handCpu)).Append(" | ").Append(CpuRatio(rowCpu, reflectionCpu)).AppendLine(" |");
                }
            }

            if (generator.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("| Kinds | Full run | Process CPU | Emitted | Cached re-run | Cached / full | Every step cached |");
                text.AppendLine("|------:|---------:|--------------:|--------:|--------------:|--------------:|:-----------------:|");
                foreach (var point in generator.OrderBy(g => g.Kinds))
                {
                    text.Append("| ").Append(point.Kinds.ToString("N0", CultureInfo.InvariantCulture))
                        .Append(" | ").Append(Ms(point.Ms))
                        .Append(" | ").Append(point.CpuMs is { } processCpu ? Ms(processCpu) : "–")
                        .Append(" | ").Append(Bytes(point.Bytes))
                        .Append(" | ").Append(point.CachedMs is { } cached ? Ms(cached) : "–")
                        .Append(" | ").Append(point.CachedMs is { } c ? (c / point.Ms).ToString("P2", CultureInfo.InvariantCulture) : "–")
                        .Append(" | ").Append(point.AllCached switch { true => "yes", false => "no", null => "–" })
                        .AppendLine(" |");
                }
            }

            text.AppendLine();
            text.AppendLine("Targets:");
            foreach (var line in Targets(benchmarks, generator, cpu))
            {
                text.AppendLine("- " + line);
            }

            return text.ToString();
        }

        private static IEnumerable<string> Targets(IReadOnlyList<BenchmarkResult> benchmarks, IReadOnlyList<GeneratorResult> generator, IReadOnlyList<CpuResult> cpu)
        {
            BenchmarkResult? Find(string name, string impl) => benchmarks.FirstOrDefault(b => b.Name == name && b.Impl == impl);
            CpuResult? FindCpu(string name, string impl) => cpu.FirstOrDefault(b => b.Name == name && b.Impl == impl);

            foreach (var operation in PromoteOperations)
            {
                var generated = Find(operation, Implementations.Generated);
                var handWritten = Find(operation, Implementations.HandWritten);
                var reflection = Find(operation, Implementations.Reflection);
                if (generated is null || handWritten is null || reflection is null)
                {
                    continue;
                }

                double vsHand = generated.MedianNs / handWritten.MedianNs;
                double speedup = reflection.MedianNs / generated.MedianNs;
                var cpuNote = string.Empty;
                if (FindCpu(operation, Implementations.Generated) is { } g && FindCpu(operation, Implementations.HandWritten) is { } h &&
                    FindCpu(operation, Implementations.Reflection) is { } r)
                {
                    cpuNote = string.Format(CultureInfo.InvariantCulture, " By CPU time: {0:F2}x hand-written, {1:F1}x faster than reflection.", g.CpuNs / h.CpuNs, r.CpuNs / g.CpuNs);
                }

                yield return string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: {1:F2}x hand-written (target ≤ 1.20x: {2}); {3:F1}x faster than reflection (target ≥ 10x: {4}); allocates {5} vs hand-written {6}.{7}",
                    operation, vsHand, vsHand <= 1.2 ? "met" : "MISSED", speedup, speedup >= 10 ? "met" : "MISSED",
                    Bytes(generated.AllocatedBytes), Bytes(handWritten.AllocatedBytes), cpuNote);
            }

            foreach (var operation in ClassificationOperations)
            {
                if (Find(operation, Implementations.Generated) is { } generated)
                {
                    yield return string.Format(
                        CultureInfo.InvariantCulture,
                        "{0}: allocates {1} (target 0 B: {2}).",
                        operation, Bytes(generated.AllocatedBytes), generated.AllocatedBytes == 0 ? "met" : "MISSED");
                }
            }

            if (Find("Promote.FromTrailers", Implementations.Generated) is { } trailers)
            {
                var trailersCpu = FindCpu("Promote.FromTrailers", Implementations.Generated);
                yield return string.Format(
                    CultureInfo.InvariantCulture,
                    "Trailers → typed exception: {0} median (target < 2 µs: {1}){2}.",
                    Time(trailers.MedianNs), trailers.MedianNs < 2000 ? "met" : "MISSED",
                    trailersCpu is null ? string.Empty : "; " + Time(trailersCpu.CpuNs) + " of CPU time");
            }

            if (Find("Promote.ExactReason", Implementations.Generated) is { } exact && Find("ReceivedError.Read", Implementations.Generated) is { } read)
            {
                yield return string.Format(
                    CultureInfo.InvariantCulture,
                    "Promote allocation: {0}, of which the metadata view (ReceivedError.Read: the received error, its map and the strings read) is {1} and the exception {2}.",
                    Bytes(exact.AllocatedBytes), Bytes(read.AllocatedBytes), Bytes(exact.AllocatedBytes - read.AllocatedBytes));
            }

            var byKinds = generator.ToDictionary(g => g.Kinds);
            if (byKinds.TryGetValue(10_000, out var tenThousand))
            {
                yield return string.Format(
                    CultureInfo.InvariantCulture,
                    "Generator, 10,000 kinds: {0} (target < 2 s: {1}){2}.",
                    Ms(tenThousand.Ms), tenThousand.Ms < 2000 ? "met" : "MISSED",
                    tenThousand.CpuMs is { } cpuMs ? "; " + Ms(cpuMs) + " of process CPU time" : string.Empty);
                if (byKinds.TryGetValue(1_000, out var thousand))
                {
                    double growth = tenThousand.Ms / thousand.Ms;
                    yield return string.Format(
                        CultureInfo.InvariantCulture,
                        "Generator growth, 10,000 / 1,000 kinds: {0:F2}x (target ≤ 12x: {1}){2}.",
                        growth, growth <= 12 ? "met" : "MISSED",
                        tenThousand.CpuMs is { } a && thousand.CpuMs is { } b && b > 0
                            ? string.Format(CultureInfo.InvariantCulture, "; {0:F2}x by process CPU time", a / b)
                            : string.Empty);
                }
            }

            foreach (var point in generator.OrderBy(g => g.Kinds))
            {
                if (point.CachedMs is { } cached)
                {
                    double share = cached / point.Ms;
                    yield return string.Format(
                        CultureInfo.InvariantCulture,
                        "Cached re-run, {0:N0} kinds: {1} = {2:P2} of a full run (target < 5%: {3}); every step cached: {4}{5}.",
                        point.Kinds, Ms(cached), share, share < 0.05 ? "met" : "MISSED", point.AllCached == true ? "yes" : "NO",
                        point.DriverFloorMs is { } floor ? "; Roslyn's floor for any generator's re-run: " + Ms(floor) : string.Empty);
                }
            }
        }

        private static string CpuRatio(CpuResult? row, CpuResult? baseline) =>
            row is null || baseline is null || baseline.CpuNs <= 0
                ? "–"
                : (row.CpuNs / baseline.CpuNs).ToString(row.CpuNs / baseline.CpuNs < 0.1 ? "F3" : "F2", CultureInfo.InvariantCulture) + "x";

        private static int Order(string operation)
        {
            int index = Array.IndexOf(PromoteOperations, operation);
            if (index >= 0)
            {
                return index;
            }

            index = Array.IndexOf(ClassificationOperations, operation);
            return index >= 0 ? 100 + index : 50;
        }

        private static int ImplOrder(string impl) => impl switch
        {
            Implementations.Generated => 0,
            Implementations.HandWritten => 1,
            _ => 2,
        };

        private static string Ratio(BenchmarkResult row, BenchmarkResult? baseline) =>
            baseline is null || baseline.MedianNs <= 0
                ? "–"
                : (row.MedianNs / baseline.MedianNs).ToString(row.MedianNs / baseline.MedianNs < 0.1 ? "F3" : "F2", CultureInfo.InvariantCulture) + "x";

        private static string Time(double ns) => ns switch
        {
            < 10 => ns.ToString("F2", CultureInfo.InvariantCulture) + " ns",
            < 1000 => ns.ToString("F1", CultureInfo.InvariantCulture) + " ns",
            < 1_000_000 => (ns / 1000).ToString("F2", CultureInfo.InvariantCulture) + " µs",
            _ => (ns / 1_000_000).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        };

        private static string Ms(double ms) => ms < 1000
            ? ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + " ms"
            : (ms / 1000).ToString("F2", CultureInfo.InvariantCulture) + " s";

        private static string Bytes(long bytes) => bytes switch
        {
            < 0 => "–",
            < 10_000 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
            < 10_000_000 => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KB",
            _ => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MB",
        };
    }
}
