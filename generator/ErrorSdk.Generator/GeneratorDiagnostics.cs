using System;
using ErrorSdk.Generator.Emitting;
using ErrorSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorSdk.Generator
{
    /// <summary>
    /// The diagnostics the pipeline itself raises (internal error, duplicate taxonomy) and the mapping of every
    /// <see cref="DiagnosticInfo"/> to a Roslyn <see cref="Diagnostic"/>.
    /// </summary>
    internal static class GeneratorDiagnostics
    {
        // HOOK (until the parser's catalog is merged): these ids must come from Diagnostics/DiagnosticCatalog.cs.
        public const string InternalErrorId = "ESDK099";
        public const string DuplicateTaxonomyId = "ESDK124";

        private const string Category = "ErrorSdk";

        private static readonly DiagnosticDescriptor InternalErrorDescriptor = new DiagnosticDescriptor(
            InternalErrorId, "Internal error", "Internal error while generating the taxonomy ({0}). Please report it together with the taxonomy file.",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        private static readonly DiagnosticDescriptor DuplicateTaxonomyDescriptor = new DiagnosticDescriptor(
            DuplicateTaxonomyId, "Duplicate taxonomy", "Taxonomy '{0}' is also generated from '{1}'; this file is ignored. Give each taxonomy its own name or namespace.",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        private static readonly DiagnosticDescriptor TaxonomyDescriptorPlaceholder = new DiagnosticDescriptor(
            "ESDK000", "Taxonomy diagnostic", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        /// <summary>An unexpected exception, reported at the start of the taxonomy file.</summary>
        public static DiagnosticInfo InternalError(string path, Exception exception) =>
            new DiagnosticInfo(
                InternalErrorId,
                FileStart(path),
                new EquatableArray<string>(new[] { exception.GetType().Name + ": " + exception.Message }));

        /// <summary><paramref name="ignored"/> generates the same {Namespace}.{Name} as <paramref name="kept"/>.</summary>
        public static DiagnosticInfo DuplicateTaxonomy(TaxonomySpec ignored, TaxonomySpec kept) =>
            new DiagnosticInfo(
                DuplicateTaxonomyId,
                FileStart(ignored.SourcePath),
                new EquatableArray<string>(new[] { TaxonomyEmitter.Identity(ignored), CSharpText.FileName(kept.SourcePath) }));

        public static Diagnostic ToDiagnostic(DiagnosticInfo info)
        {
            var args = new object[info.MessageArgs.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = info.MessageArgs[i];
            }

            var location = info.Span is { } span
                ? Location.Create(
                    span.Path,
                    new TextSpan(span.Start, span.Length),
                    new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)))
                : Location.None;
            switch (info.Id)
            {
                case InternalErrorId:
                    return Diagnostic.Create(InternalErrorDescriptor, location, args);
                case DuplicateTaxonomyId:
                    return Diagnostic.Create(DuplicateTaxonomyDescriptor, location, args);
                default:
                    // HOOK: replaced by the parser's DiagnosticDescriptors once merged.
                    return Diagnostic.Create(TaxonomyDescriptorPlaceholder, location, info.Id + ": " + string.Join(", ", args));
            }
        }

        private static SourceSpan FileStart(string path) => new SourceSpan(path, 0, 0, 0, 0, 0, 0);

    }
}
