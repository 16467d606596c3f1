using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ErrorSdk.Generator;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>
    /// Runs the public <see cref="TaxonomyGenerator"/> in memory the way the compiler does: the taxonomy is an additional
    /// file whose bytes are decoded by <see cref="SourceText.From(Stream, System.Text.Encoding, SourceHashAlgorithm, bool, bool)"/>
    /// (BOM detection, UTF-8 by default), and a trivial consumer compilation.
    /// </summary>
    internal static class GeneratorRunner
    {
        public const string TaxonomyPath = "/src/Corpus/taxonomy.json";

        private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

        private static readonly Lazy<CSharpCompilation> Consumer = new Lazy<CSharpCompilation>(() => CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { public static class Marker { } }", ParseOptions, path: "Consumer.cs") },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                })));

        public static GeneratorOutcome Run(byte[] taxonomy, CancellationToken cancellationToken = default) =>
            Run(InMemoryAdditionalText.FromBytes(TaxonomyPath, taxonomy), cancellationToken);

        public static GeneratorOutcome Run(string taxonomy, CancellationToken cancellationToken = default) =>
            Run(System.Text.Encoding.UTF8.GetBytes(taxonomy), cancellationToken);

        private static GeneratorOutcome Run(AdditionalText file, CancellationToken cancellationToken)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { file }, new TaxonomyGenerator(), ParseOptions, trackSteps: false);
            driver = driver.RunGeneratorsAndUpdateCompilation(Consumer.Value, out var output, out var driverDiagnostics, cancellationToken);
            return new GeneratorOutcome(driver.GetRunResult(), driverDiagnostics, output);
        }
    }

    /// <summary>What one generator run gave: its result (sources, diagnostics, exception) and the updated compilation.</summary>
    internal sealed record GeneratorOutcome(GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> DriverDiagnostics, Compilation Output)
    {
        /// <summary>Every diagnostic the generator reported, as (id, 1-based line).</summary>
        public IReadOnlyList<(string Id, int Line)> Reported =>
            Result.Diagnostics.Concat(DriverDiagnostics).Distinct()
                .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1))
                .OrderBy(d => d.Item2).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();

        /// <summary>The exception the generator threw (CS8785), if any.</summary>
        public Exception? Crash => Result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);

        /// <summary>Compiler diagnostics that mean a generator or analyzer crashed.</summary>
        public IReadOnlyList<Diagnostic> CrashDiagnostics =>
            Result.Diagnostics.Concat(DriverDiagnostics).Where(d => d.Id is "CS8785" or "AD0001" or "ESDK099").ToList();

        public IReadOnlyList<Diagnostic> Errors =>
            Result.Diagnostics.Concat(DriverDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

        /// <summary>Compiles the consumer with the generated sources; the errors and warnings it gives (none when the output is valid).</summary>
        public IReadOnlyList<Diagnostic> CompileProblems() =>
            Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        /// <summary>Emits the output and loads it into a collectible context.</summary>
        public LoadedAssembly Load() => GeneratorHarness.Load(Output);
    }
}
