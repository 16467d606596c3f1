using System;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Emitting;
using ErrorSdk.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ErrorSdk.Generator
{
    /// <summary>
    /// The diagnostics the pipeline itself raises (an internal error while generating, a duplicate taxonomy), as
    /// catalog entries so the CLI and the docs present them like every other taxonomy diagnostic.
    /// </summary>
    internal static class GeneratorDiagnostics
    {
        /// <summary>An unexpected exception in the pipeline, reported at the start of the taxonomy file.</summary>
        public static DiagnosticInfo InternalError(string path, string stage, Exception exception) =>
            new DiagnosticInfo(
                DiagnosticIds.InternalError,
                FileStart(path),
                new EquatableArray<string>(new[] { stage + ": " + exception.GetType().Name + ": " + exception.Message }));

        /// <summary><paramref name="ignored"/> would generate <paramref name="typeName"/>, which <paramref name="kept"/> generates.</summary>
        public static DiagnosticInfo DuplicateTaxonomy(TaxonomySpec ignored, string typeName, TaxonomySpec kept) =>
            new DiagnosticInfo(
                DiagnosticIds.DuplicateTaxonomy,
                FileStart(ignored.SourcePath),
                new EquatableArray<string>(new[] { ignored.Name, typeName, CSharpText.FileName(kept.SourcePath) }));

        /// <summary>The Roslyn diagnostic, at the taxonomy file's span.</summary>
        public static Diagnostic ToDiagnostic(DiagnosticInfo info) => DiagnosticDescriptors.ToDiagnostic(info);

        private static SourceSpan FileStart(string path) => new SourceSpan(path, 0, 0, 0, 0, 0, 0);
    }
}
