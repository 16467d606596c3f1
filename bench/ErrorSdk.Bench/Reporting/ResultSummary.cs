using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ErrorSdk.Bench.Benchmarks;

namespace ErrorSdk.Bench.Reporting
{
    /// <summary>
    /// Reads BenchmarkDotNet's JSON exporter output (<c>*-report-full-compressed.json</c>) and the generator scale
    /// JSON, and writes the summary <c>{"benchmarks":[{name, impl, mean_ns, allocated_bytes}], "generator":[{kinds, ms, bytes}]}</c>.
    /// </summary>
    internal static class ResultSummary
    {
        /// <summary>Every benchmark the assembly declares, as (operation, implementation, type.method).</summary>
        public static IReadOnlyList<(string Name, string Impl, string FullName)> DeclaredBenchmarks()
        {
            var list = new List<(string, string, string)>();
            foreach (var type in typeof(BenchmarkBase).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(BenchmarkBase)) && !t.IsAbstract))
            {
                foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
                {
                    list.Add((OperationOf(type), ImplementationOf(method), type.FullName + "." + method.Name));
                }
            }

            return list.OrderBy(b => b.Item1, StringComparer.Ordinal).ThenBy(b => b.Item2, StringComparer.Ordinal).ToList();
        }

        /// <summary>The results in every BenchmarkDotNet full JSON report under <paramref name="resultsDirectory"/>.</summary>
        public static List<BenchmarkResult> ReadBenchmarks(string resultsDirectory)
        {
            var declared = DeclaredBenchmarks().ToDictionary(b => b.FullName, StringComparer.Ordinal);
            var results = new List<BenchmarkResult>();
            foreach (var file in Directory.GetFiles(resultsDirectory, "*-report-full-compressed.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
                {
                    var fullName = benchmark.GetProperty("FullName").GetString()!;
                    if (!declared.TryGetValue(fullName, out var known) ||
                        !benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    long allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                        ? memory.GetProperty("BytesAllocatedPerOperation").GetInt64()
                        : -1;
                    results.Add(new BenchmarkResult(
                        known.Name,
                        known.Impl,
                        statistics.GetProperty("Mean").GetDouble(),
                        statistics.GetProperty("Median").GetDouble(),
                        allocated));
                }
            }

            return results;
        }

        /// <summary>The generator scale points written by <c>--generator --json</c>.</summary>
        public static List<GeneratorResult> ReadGenerator(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var results = new List<GeneratorResult>();
            foreach (var point in document.RootElement.GetProperty("generator").EnumerateArray())
            {
                results.Add(new GeneratorResult(
                    point.GetProperty("kinds").GetInt32(),
                    point.GetProperty("ms").GetDouble(),
                    point.GetProperty("bytes").GetInt64(),
                    OptionalDouble(point, "generator_ms"),
                    OptionalDouble(point, "cpu_ms"),
                    OptionalDouble(point, "cached_ms"),
                    point.TryGetProperty("all_cached", out var cached) ? cached.GetBoolean() : null,
                    OptionalDouble(point, "driver_floor_ms")));
            }

            return results;
        }

        /// <summary>The thread CPU time results written by <c>--cpu --json</c> (or the <c>cpu</c> array of a summary).</summary>
        public static List<CpuResult> ReadCpu(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var results = new List<CpuResult>();
            if (document.RootElement.TryGetProperty("cpu", out var cpu))
            {
                foreach (var point in cpu.EnumerateArray())
                {
                    results.Add(new CpuResult(
                        point.GetProperty("name").GetString()!,
                        point.GetProperty("impl").GetString()!,
                        point.GetProperty("cpu_ns").GetDouble(),
                        point.GetProperty("allocated_bytes").GetInt64()));
                }
            }

            return results;
        }

        /// <summary>Writes the summary JSON.</summary>
        public static void Write(
            string path,
            IReadOnlyList<BenchmarkResult> benchmarks,
            IReadOnlyList<GeneratorResult> generator,
            IReadOnlyList<CpuResult> cpu,
            IReadOnlyDictionary<string, string> machine)
        {
            using var stream = File.Create(path);
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartArray("benchmarks");
            foreach (var result in benchmarks)
            {
                json.WriteStartObject();
                json.WriteString("name", result.Name);
                json.WriteString("impl", result.Impl);
                json.WriteNumber("mean_ns", Math.Round(result.MeanNs, 3));
                json.WriteNumber("median_ns", Math.Round(result.MedianNs, 3));
                json.WriteNumber("allocated_bytes", result.AllocatedBytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("generator");
            foreach (var point in generator)
            {
                json.WriteStartObject();
                json.WriteNumber("kinds", point.Kinds);
                json.WriteNumber("ms", point.Ms);
                json.WriteNumber("bytes", point.Bytes);
                WriteOptional(json, "generator_ms", point.GeneratorMs);
                WriteOptional(json, "cpu_ms", point.CpuMs);
                WriteOptional(json, "cached_ms", point.CachedMs);
                WriteOptional(json, "driver_floor_ms", point.DriverFloorMs);
                if (point.AllCached is { } allCached)
                {
                    json.WriteBoolean("all_cached", allCached);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("cpu");
            foreach (var result in cpu)
            {
                json.WriteStartObject();
                json.WriteString("name", result.Name);
                json.WriteString("impl", result.Impl);
                json.WriteNumber("cpu_ns", result.CpuNs);
                json.WriteNumber("allocated_bytes", result.AllocatedBytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("machine");
            foreach (var (key, value) in machine)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        /// <summary>Runs <c>--summarize --results DIR [--generator-json PATH] [--cpu-json PATH] --json OUT</c>.</summary>
        public static int Run(string[] args)
        {
            string? results = null;
            string? generatorJson = null;
            string? cpuJson = null;
            string? output = null;
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--results" when i + 1 < args.Length:
                        results = args[++i];
                        break;
                    case "--generator-json" when i + 1 < args.Length:
                        generatorJson = args[++i];
                        break;
                    case "--cpu-json" when i + 1 < args.Length:
                        cpuJson = args[++i];
                        break;
                    case "--json" when i + 1 < args.Length:
                        output = args[++i];
                        break;
                    default:
                        Console.Error.WriteLine("Usage: --summarize --results DIR [--generator-json PATH] [--cpu-json PATH] --json OUT");
                        return 2;
                }
            }

            if (results is null || output is null)
            {
                Console.Error.WriteLine("Usage: --summarize --results DIR [--generator-json PATH] [--cpu-json PATH] --json OUT");
                return 2;
            }

            var benchmarks = ReadBenchmarks(results);
            var generator = generatorJson is null ? new List<GeneratorResult>() : ReadGenerator(generatorJson);
            var cpu = cpuJson is null ? new List<CpuResult>() : ReadCpu(cpuJson);
            Write(output, benchmarks, generator, cpu, MachineInfo.Describe());
            var missing = DeclaredBenchmarks().Where(d => !benchmarks.Any(b => b.Name == d.Name && b.Impl == d.Impl)).ToList();
            foreach (var (name, impl, _) in missing)
            {
                Console.Error.WriteLine("No result for " + name + " (" + impl + ").");
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0} ({1} benchmarks, {2} generator points).", output, benchmarks.Count, generator.Count));
            return missing.Count == 0 ? 0 : 1;
        }

        private static string OperationOf(Type type) =>
            type.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault() ?? type.Name;

        private static string ImplementationOf(MethodInfo method) =>
            method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault() ?? method.Name;

        private static double? OptionalDouble(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

        private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
        {
            if (value is { } number)
            {
                json.WriteNumber(name, number);
            }
        }
    }
}
