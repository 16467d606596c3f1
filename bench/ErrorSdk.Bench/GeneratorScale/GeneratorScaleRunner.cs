using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ErrorSdk.Generator;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorSdk.Bench.GeneratorScale
{
    /// <summary>
    /// The generator scale mode (<c>--generator</c>): for random valid taxonomies of growing size, the full generator
    /// run through <see cref="CSharpGeneratorDriver"/> (read + parse + validate + emit, as the compiler runs it), the
    /// emitted size, and the re-run after an unrelated C# edit, which must be served from the cache, beside Roslyn's
    /// floor for such a re-run. Timed runs do not track steps (the compiler and the IDE do not); one extra tracked
    /// pair of runs checks that every step was cached. Stopwatch-based: a run takes milliseconds to seconds, long
    /// enough that BenchmarkDotNet's machinery would add nothing but time.
    /// </summary>
    internal static class GeneratorScaleRunner
    {
        private static readonly int[] DefaultSizes = { 100, 1_000, 10_000 };

        /// <summary>Runs the mode; returns the process exit code.</summary>
        public static int Run(string[] args)
        {
            var sizes = DefaultSizes;
            int runs = 5;
            string? jsonPath = null;
            bool breakdown = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--generator":
                        break;
                    case "--kinds" when i + 1 < args.Length:
                        sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "--runs" when i + 1 < args.Length:
                        runs = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                        break;
                    case "--breakdown":
                        breakdown = true;
                        break;
                    case "--json" when i + 1 < args.Length:
                        jsonPath = args[++i];
                        break;
                    default:
                        Console.Error.WriteLine("Unknown argument '" + args[i] + "'. Usage: --generator [--kinds 100,1000,10000] [--runs N] [--breakdown] [--json PATH]");
                        return 2;
                }
            }

            // Warm up the generator and Roslyn's parser once, so the smallest size is not charged for JIT.
            Measure(RandomTaxonomy.Create(50), runs: 1);
            MeasureDriverFloor(runs: 3);
            double floor = MeasureDriverFloor(Math.Max(runs, 5));

            var results = new List<ScaleResult>();
            Console.WriteLine("Generator scale (" + runs + " runs each, median; cached = re-run after an unrelated C# edit)");
            Console.WriteLine("| Kinds | Full run (ms) | Generator only (ms) | Process CPU (ms) | Emitted (bytes) | Cached re-run (ms) | Cached / full | Every step cached |");
            Console.WriteLine("|------:|--------------:|--------------------:|-----------------:|----------------:|-------------------:|--------------:|:-----------------:|");
            foreach (int size in sizes)
            {
                var result = Measure(RandomTaxonomy.Create(size), runs) with { Kinds = size };
                results.Add(result);
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0:N0} | {1:F1} | {2:F1} | {7:F1} | {3:N0} | {4:F2} | {5:P2} | {6} |",
                    result.Kinds, result.FullMs, result.GeneratorMs, result.EmittedBytes, result.CachedMs, result.CachedMs / result.FullMs,
                    result.AllCached ? "yes" : "NO: " + result.NotCached, result.CpuMs));
            }

            if (breakdown)
            {
                foreach (int size in sizes)
                {
                    StageBreakdown.Measure(RandomTaxonomy.Create(size));
                    Console.WriteLine("Stages, " + size.ToString("N0", CultureInfo.InvariantCulture) + " kinds (second pass): " + StageBreakdown.Measure(RandomTaxonomy.Create(size)));
                }
            }

            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "Roslyn's own cost of such a re-run, for an incremental generator that does nothing: {0:F2} ms",
                floor));

            var largest = results.OrderByDescending(r => r.Kinds).ToList();
            if (largest.Count >= 2)
            {
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "Growth: {0:N0} kinds / {1:N0} kinds = {2:F2}x the time for {3:F0}x the kinds",
                    largest[0].Kinds, largest[1].Kinds, largest[0].FullMs / largest[1].FullMs, (double)largest[0].Kinds / largest[1].Kinds));
            }

            if (jsonPath is not null)
            {
                WriteJson(jsonPath, results, floor);
            }

            return results.All(r => r.AllCached) ? 0 : 1;
        }

        private static ScaleResult Measure(string taxonomy, int runs)
        {
            var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
            var consumer = CSharpSyntaxTree.ParseText(
                "namespace Consumer { public static class Program { public static int Answer() => 42; } }",
                parseOptions,
                path: "/consumer/Program.cs");
            var compilation = CSharpCompilation.Create(
                "Consumer",
                new[] { consumer },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var additional = new InMemoryAdditionalText("/consumer/taxonomy.json", taxonomy);

            var full = new List<double>(runs);
            var generatorOnly = new List<double>(runs);
            var cached = new List<double>(runs);
            var cpu = new List<double>(runs);
            long emitted = 0;
            var notCached = new SortedSet<string>(StringComparer.Ordinal);
            for (int run = 0; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                // Timed as the compiler and the IDE run generators: without step tracking.
                GeneratorDriver driver = CreateDriver(new TaxonomyGenerator(), additional, parseOptions, track: false);

                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                driver = driver.RunGenerators(compilation);
                stopwatch.Stop();
                full.Add(stopwatch.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                generatorOnly.Add(driver.GetTimingInfo().GeneratorTimes[0].ElapsedTime.TotalMilliseconds);

                var result = driver.GetRunResult().Results[0];
                if (result.Exception is not null)
                {
                    throw new InvalidOperationException("The generator failed.", result.Exception);
                }

                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0 || result.GeneratedSources.IsEmpty)
                {
                    throw new InvalidOperationException(
                        "The random taxonomy is not valid: " + string.Join(Environment.NewLine, errors.Take(10).Select(d => d.ToString())));
                }

                emitted = result.GeneratedSources.Sum(s => (long)Encoding.UTF8.GetByteCount(s.SourceText.ToString()));

                // An unrelated edit: a new member in the consumer's own code.
                var edited = compilation.ReplaceSyntaxTree(
                    consumer,
                    consumer.WithChangedText(consumer.GetText().Replace(consumer.GetText().Length - 2, 0, " public static int Edit" + run + "() => " + run + "; ")));
                GC.Collect();
                stopwatch.Restart();
                driver = driver.RunGenerators(edited);
                stopwatch.Stop();
                cached.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            // The same two runs once more with step tracking, untimed, to see every step's reason after the edit.
            GeneratorDriver tracked = CreateDriver(new TaxonomyGenerator(), additional, parseOptions, track: true).RunGenerators(compilation);
            tracked = tracked.RunGenerators(compilation.ReplaceSyntaxTree(
                consumer,
                consumer.WithChangedText(consumer.GetText().Replace(consumer.GetText().Length - 2, 0, " public static int Tracked() => 0; "))));
            CollectUncached(tracked.GetRunResult().Results[0], notCached);

            return new ScaleResult(0, Median(full), Median(generatorOnly), Median(cpu), emitted, Median(cached), notCached.Count == 0, string.Join(", ", notCached));
        }

        /// <summary>
        /// What a re-run after an unrelated edit costs with a generator that does nothing but watch the additional
        /// files: Roslyn's own floor (updating the compilation's inputs and the driver's state tables).
        /// </summary>
        private static double MeasureDriverFloor(int runs)
        {
            var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
            var consumer = CSharpSyntaxTree.ParseText(
                "namespace Consumer { public static class Program { public static int Answer() => 42; } }",
                parseOptions,
                path: "/consumer/Program.cs");
            var compilation = CSharpCompilation.Create(
                "Consumer",
                new[] { consumer },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            GeneratorDriver driver = CreateDriver(new NothingGenerator(), new InMemoryAdditionalText("/consumer/taxonomy.json", "{}"), parseOptions, track: false);
            driver = driver.RunGenerators(compilation);
            var times = new List<double>(runs);
            for (int run = 0; run < runs; run++)
            {
                var edited = compilation.ReplaceSyntaxTree(
                    consumer,
                    consumer.WithChangedText(consumer.GetText().Replace(consumer.GetText().Length - 2, 0, " public static int Edit" + run + "() => " + run + "; ")));
                GC.Collect();
                var stopwatch = Stopwatch.StartNew();
                driver = driver.RunGenerators(edited);
                stopwatch.Stop();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            return Median(times);
        }

        private static GeneratorDriver CreateDriver(IIncrementalGenerator generator, AdditionalText taxonomy, CSharpParseOptions parseOptions, bool track) =>
            GeneratorHarness.CreateDriver(new[] { taxonomy }, generator, parseOptions, track);

        /// <summary>Every tracked step and every source output must be Cached or Unchanged after an unrelated edit.</summary>
        private static void CollectUncached(GeneratorRunResult result, SortedSet<string> notCached)
        {
            foreach (var step in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                foreach (var run in step.Value)
                {
                    foreach (var (_, reason) in run.Outputs)
                    {
                        if (reason != IncrementalStepRunReason.Cached && reason != IncrementalStepRunReason.Unchanged)
                        {
                            notCached.Add(step.Key + "=" + reason);
                        }
                    }
                }
            }
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            int middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private static void WriteJson(string path, List<ScaleResult> results, double floor)
        {
            using var stream = File.Create(path);
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartArray("generator");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteNumber("kinds", result.Kinds);
                json.WriteNumber("ms", Math.Round(result.FullMs, 3));
                json.WriteNumber("bytes", result.EmittedBytes);
                json.WriteNumber("generator_ms", Math.Round(result.GeneratorMs, 3));
                json.WriteNumber("cpu_ms", Math.Round(result.CpuMs, 3));
                json.WriteNumber("cached_ms", Math.Round(result.CachedMs, 3));
                json.WriteBoolean("all_cached", result.AllCached);
                json.WriteNumber("driver_floor_ms", Math.Round(floor, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private sealed record ScaleResult(int Kinds, double FullMs, double GeneratorMs, double CpuMs, long EmittedBytes, double CachedMs, bool AllCached, string NotCached);
    }

    /// <summary>An incremental generator that watches the additional files and produces nothing: the floor of a re-run.</summary>
    internal sealed class NothingGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider.Select(static (text, _) => text.Path), static (_, _) => { });
    }
}
