using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using ErrorSdk.Generator.Emitting;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorSdk.Generator
{
    /// <summary>
    /// Turns every <c>taxonomy.json</c> / <c>*.taxonomy.json</c> additional file into a typed error SDK.
    /// The pipeline holds only value-equatable models (no Compilation, symbol or syntax), so unrelated edits hit the
    /// cache; code is emitted from the spec alone and diagnostics are reported by a separate output, so a diagnostic
    /// change never re-emits code.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TaxonomyGenerator : IIncrementalGenerator
    {
        private readonly Func<string, string, CancellationToken, TaxonomyParseResult> _read;

        /// <summary>Creates the generator.</summary>
        public TaxonomyGenerator()
            : this(TaxonomyReader.Read)
        {
        }

        /// <summary>Creates the generator with another reader (tests).</summary>
        internal TaxonomyGenerator(Func<string, string, CancellationToken, TaxonomyParseResult> read)
        {
            _read = read ?? throw new ArgumentNullException(nameof(read));
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var read = _read;
            var parsed = context.AdditionalTextsProvider
                .Where(static text => IsTaxonomyFile(text.Path))
                .Select((text, cancellationToken) => Parse(read, text, cancellationToken))
                .WithTrackingName(TrackingNames.Parse);

            var diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (output, list) => Report(output, list));

            var specs = parsed
                .Select(static (result, _) => result.Spec)
                .WithTrackingName(TrackingNames.Spec);

            // Two taxonomies generating the same type in one namespace would collide: keep one, report the rest (ESDK190).
            var set = specs
                .Collect()
                .Select(static (all, _) => TaxonomySet.From(all))
                .WithTrackingName(TrackingNames.Deduplicate);
            context.RegisterSourceOutput(
                set.Select(static (s, _) => s.Duplicates).WithTrackingName(TrackingNames.DuplicateDiagnostics),
                static (output, list) => Report(output, list));

            var unique = set
                .SelectMany(static (s, _) => s.Unique)
                .WithTrackingName(TrackingNames.UniqueSpec);
            context.RegisterSourceOutput(unique, static (output, spec) => Emit(output, spec));
        }

        /// <summary>Whether an additional file is a taxonomy: <c>taxonomy.json</c> or <c>*.taxonomy.json</c>, any case.</summary>
        internal static bool IsTaxonomyFile(string path)
        {
            var name = CSharpText.FileName(path);
            return string.Equals(name, "taxonomy.json", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".taxonomy.json", StringComparison.OrdinalIgnoreCase);
        }

        private static TaxonomyParseResult Parse(
            Func<string, string, CancellationToken, TaxonomyParseResult> read,
            AdditionalText file,
            CancellationToken cancellationToken)
        {
            // The reader never throws (a bug becomes its internal-error diagnostic), except to honour cancellation.
            var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
            return read(file.Path, text, cancellationToken);
        }

        private static void Emit(SourceProductionContext output, TaxonomySpec spec)
        {
            try
            {
                var files = TaxonomyEmitter.Emit(spec);
                foreach (var file in files)
                {
                    output.CancellationToken.ThrowIfCancellationRequested();
                    output.AddSource(file.HintName, SourceText.From(file.Source, Encoding.UTF8));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An exception escaping here would be CS8785, which silently drops every generated file.
                output.ReportDiagnostic(GeneratorDiagnostics.ToDiagnostic(GeneratorDiagnostics.InternalError(spec.SourcePath, "generating", e)));
            }
        }

        private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var info in diagnostics)
            {
                output.ReportDiagnostic(GeneratorDiagnostics.ToDiagnostic(info));
            }
        }

        /// <summary>The names of the tracked pipeline steps, for incrementality tests.</summary>
        internal static class TrackingNames
        {
            public const string Parse = "Parse";
            public const string Diagnostics = "Diagnostics";
            public const string Spec = "Spec";
            public const string Deduplicate = "Deduplicate";
            public const string DuplicateDiagnostics = "DuplicateDiagnostics";
            public const string UniqueSpec = "UniqueSpec";
        }

        /// <summary>
        /// The taxonomies of a compilation that can be generated side by side, and a diagnostic for each one that
        /// cannot: it would generate a type (taxonomy class, enum, kind class or interface) that another one
        /// generates in the same namespace.
        /// </summary>
        internal sealed record TaxonomySet(EquatableArray<TaxonomySpec> Unique, EquatableArray<DiagnosticInfo> Duplicates)
        {
            public static TaxonomySet From(ImmutableArray<TaxonomySpec?> specs)
            {
                // Claims go in ordinal path order, so which file wins does not depend on the order files are listed in.
                var ordered = new List<TaxonomySpec>(specs.Length);
                foreach (var spec in specs)
                {
                    if (spec is not null)
                    {
                        ordered.Add(spec);
                    }
                }

                ordered.Sort((a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath));
                var owners = new Dictionary<string, TaxonomySpec>(StringComparer.Ordinal);
                var rejected = new HashSet<TaxonomySpec>(ReferenceEqualityComparer.Instance);
                var duplicates = new List<DiagnosticInfo>();
                foreach (var spec in ordered)
                {
                    var names = TaxonomyEmitter.GeneratedTypeNames(spec);
                    string? taken = null;
                    foreach (var name in names)
                    {
                        if (owners.ContainsKey(name))
                        {
                            taken = name;
                            break;
                        }
                    }

                    if (taken is not null)
                    {
                        rejected.Add(spec);
                        duplicates.Add(GeneratorDiagnostics.DuplicateTaxonomy(spec, taken, owners[taken]));
                        continue;
                    }

                    foreach (var name in names)
                    {
                        owners[name] = spec;
                    }
                }

                var unique = new List<TaxonomySpec>(ordered.Count);
                foreach (var spec in specs)
                {
                    if (spec is not null && !rejected.Contains(spec))
                    {
                        unique.Add(spec);
                    }
                }

                return new TaxonomySet(unique.ToEquatableArray(), duplicates.ToEquatableArray());
            }

            private sealed class ReferenceEqualityComparer : IEqualityComparer<TaxonomySpec>
            {
                public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

                public bool Equals(TaxonomySpec? x, TaxonomySpec? y) => ReferenceEquals(x, y);

                public int GetHashCode(TaxonomySpec obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
            }
        }
    }
}
