using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ErrorSdk.Bench
{
    /// <summary>
    /// Modes:
    /// <list type="bullet">
    /// <item>(BenchmarkDotNet arguments): the suite, e.g. <c>--filter * --job short --exporters json</c>; run from this project's folder.</item>
    /// <item><c>--dry [BenchmarkDotNet arguments]</c>: every benchmark once, in process (CI smoke; not a measurement).</item>
    /// <item><c>--generator [--kinds 100,1000,10000] [--runs N] [--breakdown] [--json PATH]</c>: generator scale.</item>
    /// <item><c>--summarize --results DIR [--generator-json PATH] --json OUT</c>: the JSON summary.</item>
    /// <item><c>--markdown SUMMARY.json</c>: the tables of docs/benchmarks.md and the targets.</item>
    /// <item><c>--cpu [name filter]</c>: thread CPU time per operation, for comparing changes on a busy machine.</item>
    /// </list>
    /// Exit code 0 only when every selected benchmark ran.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            switch (args.FirstOrDefault())
            {
                case "--generator":
                    return GeneratorScale.GeneratorScaleRunner.Run(args);
                case "--summarize":
                    return Reporting.ResultSummary.Run(args);
                case "--markdown":
                    return Reporting.MarkdownReport.Run(args);
                case "--cpu":
                    return Reporting.CpuTimeRunner.Run(args);
                case "--dry":
                    return RunSuite(DryArguments(args.Skip(1).ToArray()), DryConfig());
                default:
                    return RunSuite(args, DefaultConfig.Instance);
            }
        }

        private static int RunSuite(string[] args, IConfig config)
        {
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
            return Succeeded(summaries) ? 0 : 1;
        }

        private static bool Succeeded(IReadOnlyList<Summary> summaries) =>
            summaries.Count > 0 &&
            summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.Length == s.BenchmarksCases.Length && s.Reports.All(r => r.Success));

        /// <summary>
        /// Every benchmark once, in this process: no nested build, seconds instead of minutes. The optimizations
        /// validator is off because a Debug test run may build the referenced projects unoptimized; the numbers of a
        /// dry run mean nothing anyway.
        /// </summary>
        private static IConfig DryConfig() =>
            DefaultConfig.Instance
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).AsDefault())
                .AddExporter(JsonExporter.FullCompressed)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);

        private static string[] DryArguments(string[] args) =>
            args.Contains("--filter") || args.Contains("-f") ? args : args.Concat(new[] { "--filter", "*" }).ToArray();
    }
}
