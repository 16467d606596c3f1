using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using ErrorSdk.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorSdk.Testing
{
    /// <summary>
    /// Runs a generator (by default <see cref="TaxonomyGenerator"/>) in-process the way the compiler does
    /// (CSharpGeneratorDriver, in-memory additional files, step tracking on unless asked otherwise), compiles the output
    /// with nullable enabled, and loads it into a collectible AssemblyLoadContext for behaviour tests.
    /// </summary>
    public static class GeneratorHarness
    {
        /// <summary>The consumer source of a run that gives none: one empty class.</summary>
        public const string DefaultConsumerSource = "namespace Consumer { public static class Marker { } }\n";

        /// <summary>The latest language version, with documentation comments checked (generated docs must be valid).</summary>
        public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithDocumentationMode(DocumentationMode.Diagnose);

        /// <summary>A library with nullable enabled and every warning on, as this repository builds.</summary>
        public static readonly CSharpCompilationOptions CompilationOptions =
            new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    deterministic: true)
                .WithWarningLevel(9999)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // Consumer sources in the tests are small snippets without docs.
                    ["CS1591"] = ReportDiagnostic.Suppress,
                    // As the .NET SDK does by default: binding redirects between Google.Protobuf versions.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                });

        /// <summary>The framework, the ErrorSdk runtime, Google.Protobuf and the google.rpc types.</summary>
        public static readonly ImmutableArray<MetadataReference> References = BuildReferences();

        /// <summary>A consumer compilation of <paramref name="sources"/> with <see cref="ParseOptions"/>.</summary>
        public static CSharpCompilation CreateCompilation(params string[] sources) =>
            CreateCompilation(ParseOptions, sources);

        /// <summary>A consumer compilation of <paramref name="sources"/>.</summary>
        public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources) =>
            CSharpCompilation.Create(
                "Consumer" + Guid.NewGuid().ToString("N"),
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: "Consumer" + i + ".cs")),
                References,
                CompilationOptions);

        /// <summary>A driver for <paramref name="generator"/> (a new <see cref="TaxonomyGenerator"/> when null).</summary>
        public static GeneratorDriver CreateDriver(
            IEnumerable<AdditionalText> additionalTexts,
            IIncrementalGenerator? generator = null,
            CSharpParseOptions? parseOptions = null,
            bool trackSteps = true) =>
            CSharpGeneratorDriver.Create(
                new[] { (generator ?? new TaxonomyGenerator()).AsSourceGenerator() },
                additionalTexts,
                parseOptions ?? ParseOptions,
                optionsProvider: null,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

        /// <summary>Runs the generator over one taxonomy and a trivial consumer.</summary>
        public static GeneratorRun Run(string taxonomyJson, string path = "/src/Acme/taxonomy.json") =>
            Run(new[] { new InMemoryAdditionalText(path, taxonomyJson) });

        /// <summary>Runs <paramref name="generator"/> (the taxonomy generator when null) over files and consumer sources.</summary>
        public static GeneratorRun Run(
            IEnumerable<AdditionalText> additionalTexts,
            IIncrementalGenerator? generator = null,
            CSharpParseOptions? parseOptions = null,
            params string[] consumerSources)
        {
            var options = parseOptions ?? ParseOptions;
            var compilation = CreateCompilation(options, consumerSources.Length == 0 ? new[] { DefaultConsumerSource } : consumerSources);
            var driver = CreateDriver(additionalTexts, generator, options);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            return new GeneratorRun(driver, compilation, output, generatorDiagnostics, driver.GetRunResult());
        }

        /// <summary>Emits the compilation and loads it into a collectible context; throws when it does not compile.</summary>
        public static LoadedAssembly Load(Compilation compilation)
        {
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("The compilation failed:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
            }

            stream.Position = 0;
            var context = new AssemblyLoadContext("Generated" + Guid.NewGuid().ToString("N"), isCollectible: true);
            return new LoadedAssembly(context, context.LoadFromStream(stream));
        }

        /// <summary>Diagnostics above Info (warnings are errors in this repo).</summary>
        public static IReadOnlyList<Diagnostic> Problems(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).ToList();

        private static ImmutableArray<MetadataReference> BuildReferences()
        {
            var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
            paths.Add(typeof(ErrorSdk.TaxonomyException).Assembly.Location);
            paths.Add(typeof(Google.Protobuf.IMessage).Assembly.Location);
            paths.Add(typeof(Google.Rpc.Status).Assembly.Location);
            return paths
                .Where(p => p.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }
    }

    /// <summary>One generator run: the driver (for incremental re-runs), input and output compilations, results.</summary>
    /// <param name="Driver">The driver after the run.</param>
    /// <param name="Input">The consumer compilation before generation.</param>
    /// <param name="Output">The consumer compilation with the generated sources.</param>
    /// <param name="GeneratorDiagnostics">What the driver reported.</param>
    /// <param name="Result">The run result.</param>
    public sealed record GeneratorRun(
        GeneratorDriver Driver,
        Compilation Input,
        Compilation Output,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        GeneratorDriverRunResult Result)
    {
        /// <summary>The one generator's result (throws unless exactly one generator ran).</summary>
        public GeneratorRunResult Single => Result.Results.Single();

        /// <summary>Generated files by hint name.</summary>
        public IReadOnlyDictionary<string, string> Sources =>
            Single.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }
}
