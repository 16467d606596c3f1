using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ErrorSdk.Bench.Reporting;
using Xunit;

namespace ErrorSdk.Bench.Tests
{
    /// <summary>
    /// The benchmarks cannot rot: the program builds, every benchmark runs once (BenchmarkDotNet's dry job), and the
    /// generator scale mode runs on a small taxonomy. Nothing here looks at a time.
    /// </summary>
    public sealed class DryRunTests : IDisposable
    {
        private readonly string _artifacts = Path.Combine(Path.GetTempPath(), "errorsdk-bench-" + Guid.NewGuid().ToString("N"));

        [Fact]
        public async Task EveryBenchmarkRunsOnceAndIsReported()
        {
            var (exitCode, output) = await BenchProgram.RunAsync("--dry", "--artifacts", _artifacts);

            Assert.True(exitCode == 0, "exit code " + exitCode + Environment.NewLine + output);
            var results = ResultSummary.ReadBenchmarks(Path.Combine(_artifacts, "results"));
            var declared = ResultSummary.DeclaredBenchmarks();
            Assert.NotEmpty(declared);
            foreach (var (name, impl, fullName) in declared)
            {
                Assert.True(results.Any(r => r.Name == name && r.Impl == impl), "No result for " + fullName + Environment.NewLine + output);
            }

            Assert.Equal(declared.Count, results.Count);
        }

        [Fact]
        public async Task SummaryHasTheDocumentedShape()
        {
            var (exitCode, output) = await BenchProgram.RunAsync("--dry", "--artifacts", _artifacts, "--filter", "*RetryOf*");
            Assert.True(exitCode == 0, output);
            var generatorJson = Path.Combine(_artifacts, "generator.json");
            (exitCode, output) = await BenchProgram.RunAsync("--generator", "--kinds", "100", "--runs", "1", "--json", generatorJson);
            Assert.True(exitCode == 0, output);
            var summaryJson = Path.Combine(_artifacts, "summary.json");
            (exitCode, output) = await BenchProgram.RunAsync(
                "--summarize", "--results", Path.Combine(_artifacts, "results"), "--generator-json", generatorJson, "--json", summaryJson);
            Assert.True(exitCode == 1, "Only RetryOf ran, so the summary must report the missing benchmarks: " + output);

            using var summary = JsonDocument.Parse(File.ReadAllText(summaryJson));
            var benchmarks = summary.RootElement.GetProperty("benchmarks").EnumerateArray().ToList();
            Assert.Equal(3, benchmarks.Count);
            foreach (var benchmark in benchmarks)
            {
                Assert.Equal("RetryOf", benchmark.GetProperty("name").GetString());
                Assert.Equal(JsonValueKind.String, benchmark.GetProperty("impl").ValueKind);
                Assert.Equal(JsonValueKind.Number, benchmark.GetProperty("mean_ns").ValueKind);
                Assert.Equal(JsonValueKind.Number, benchmark.GetProperty("allocated_bytes").ValueKind);
            }

            var point = Assert.Single(summary.RootElement.GetProperty("generator").EnumerateArray());
            Assert.Equal(100, point.GetProperty("kinds").GetInt32());
            Assert.Equal(JsonValueKind.Number, point.GetProperty("ms").ValueKind);
            Assert.True(point.GetProperty("bytes").GetInt64() > 0);
            Assert.True(point.GetProperty("all_cached").GetBoolean());
        }

        public void Dispose()
        {
            if (Directory.Exists(_artifacts))
            {
                Directory.Delete(_artifacts, recursive: true);
            }
        }
    }
}
