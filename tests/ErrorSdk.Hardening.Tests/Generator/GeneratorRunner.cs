using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ErrorSdk.Generator;
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

        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new Lazy<ImmutableArray<MetadataReference>>(BuildReferences);

        private static readonly Lazy<CSharpCompilation> Consumer = new Lazy<CSharpCompilation>(() => CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { public static class Marker { } }", ParseOptions, path: "Consumer.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                })));

        public static GeneratorOutcome Run(byte[] taxonomy, CancellationToken cancellationToken = default) =>
            Run(new BytesAdditionalText(TaxonomyPath, taxonomy), cancellationToken);

        public static GeneratorOutcome Run(string taxonomy, CancellationToken cancellationToken = default) =>
            Run(System.Text.Encoding.UTF8.GetBytes(taxonomy), cancellationToken);

        private static GeneratorOutcome Run(AdditionalText file, CancellationToken cancellationToken)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new TaxonomyGenerator().AsSourceGenerator() },
                new[] { file },
                ParseOptions,
                optionsProvider: null);
            driver = driver.RunGeneratorsAndUpdateCompilation(Consumer.Value, out var output, out var driverDiagnostics, cancellationToken);
            return new GeneratorOutcome(driver.GetRunResult(), driverDiagnostics, output);
        }

        private static ImmutableArray<MetadataReference> BuildReferences()
        {
            var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
            paths.Add(typeof(ErrorSdk.TaxonomyException).Assembly.Location);
            paths.Add(typeof(Google.Protobuf.IMessage).Assembly.Location);
            paths.Add(typeof(Google.Rpc.Status).Assembly.Location);
            return paths.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        }

        /// <summary>An additional file given as bytes: decoded like a file on disk, so BOMs and invalid UTF-8 behave as in a build.</summary>
        private sealed class BytesAdditionalText : AdditionalText
        {
            private readonly byte[] _bytes;

            public BytesAdditionalText(string path, byte[] bytes)
            {
                Path = path;
                _bytes = bytes;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) =>
                SourceText.From(new MemoryStream(_bytes, writable: false), encoding: null, throwIfBinaryDetected: false);
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
        public LoadedAssembly Load()
        {
            using var stream = new System.IO.MemoryStream();
            var emit = Output.Emit(stream);
            if (!emit.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, emit.Diagnostics));
            }

            stream.Position = 0;
            var context = new System.Runtime.Loader.AssemblyLoadContext("Corpus" + Guid.NewGuid().ToString("N"), isCollectible: true);
            return new LoadedAssembly(context, context.LoadFromStream(stream));
        }
    }
}

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>A generated assembly in its own collectible context; disposing unloads it.</summary>
    internal sealed class LoadedAssembly : System.IDisposable
    {
        private readonly System.Runtime.Loader.AssemblyLoadContext _context;

        public LoadedAssembly(System.Runtime.Loader.AssemblyLoadContext context, System.Reflection.Assembly assembly)
        {
            _context = context;
            Assembly = assembly;
        }

        public System.Reflection.Assembly Assembly { get; }

        /// <summary>The generated taxonomy's singleton, through the runtime interface.</summary>
        public ErrorSdk.IErrorTaxonomy Taxonomy(string typeName) =>
            (ErrorSdk.IErrorTaxonomy)Assembly.GetType(typeName, throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;

        public void Dispose() => _context.Unload();
    }
}
