using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using ErrorSdk.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorSdk.Generator.Tests.Pipeline
{
    /// <summary>
    /// Runs <see cref="TaxonomyGenerator"/> in-process the way the compiler does (CSharpGeneratorDriver, in-memory
    /// additional files, step tracking on), compiles the output with nullable enabled, and loads it into a
    /// collectible AssemblyLoadContext for behaviour tests.
    /// </summary>
    internal static class GeneratorHarness
    {
        public const string DefaultConsumerSource = "namespace Consumer { public static class Marker { } }\n";

        public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithDocumentationMode(DocumentationMode.Diagnose);

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

        public static readonly ImmutableArray<MetadataReference> References = BuildReferences();

        public static CSharpCompilation CreateCompilation(params string[] sources) =>
            CreateCompilation(ParseOptions, sources);

        public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources) =>
            CSharpCompilation.Create(
                "Consumer" + Guid.NewGuid().ToString("N"),
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: "Consumer" + i + ".cs")),
                References,
                CompilationOptions);

        public static GeneratorDriver CreateDriver(
            IEnumerable<AdditionalText> additionalTexts,
            Func<string, string, CancellationToken, TaxonomyParseResult>? reader = null,
            CSharpParseOptions? parseOptions = null)
        {
            var generator = reader is null ? new TaxonomyGenerator() : new TaxonomyGenerator(reader);
            return CSharpGeneratorDriver.Create(
                new[] { generator.AsSourceGenerator() },
                additionalTexts,
                parseOptions ?? ParseOptions,
                optionsProvider: null,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        }

        /// <summary>Runs the generator over one taxonomy and a trivial consumer.</summary>
        public static GeneratorRun Run(string taxonomyJson, string path = "/src/Acme/taxonomy.json") =>
            Run(new[] { new InMemoryAdditionalText(path, taxonomyJson) });

        public static GeneratorRun Run(
            IEnumerable<AdditionalText> additionalTexts,
            Func<string, string, CancellationToken, TaxonomyParseResult>? reader = null,
            CSharpParseOptions? parseOptions = null,
            params string[] consumerSources)
        {
            var options = parseOptions ?? ParseOptions;
            var compilation = CreateCompilation(options, consumerSources.Length == 0 ? new[] { DefaultConsumerSource } : consumerSources);
            var driver = CreateDriver(additionalTexts, reader, options);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            return new GeneratorRun(driver, compilation, output, generatorDiagnostics, driver.GetRunResult());
        }

        /// <summary>Emits the compilation and loads it into a collectible context; asserts it compiles cleanly.</summary>
        public static LoadedAssembly Load(Compilation compilation)
        {
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
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
    internal sealed record GeneratorRun(
        GeneratorDriver Driver,
        Compilation Input,
        Compilation Output,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        GeneratorDriverRunResult Result)
    {
        public GeneratorRunResult Single => Assert.Single(Result.Results);

        /// <summary>Generated files by hint name.</summary>
        public IReadOnlyDictionary<string, string> Sources =>
            Single.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    /// <summary>An assembly loaded into its own collectible context; disposing unloads it.</summary>
    internal sealed class LoadedAssembly : IDisposable
    {
        private readonly AssemblyLoadContext _context;

        public LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
        {
            _context = context;
            Assembly = assembly;
        }

        public Assembly Assembly { get; }

        public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

        public object? InvokeStatic(string typeName, string method, params object?[] args)
        {
            var type = Type(typeName);
            var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == method && m.GetParameters().Length == args.Length).ToList();
            var target = Assert.Single(candidates);
            try
            {
                return target.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        public void Dispose() => _context.Unload();
    }
}
