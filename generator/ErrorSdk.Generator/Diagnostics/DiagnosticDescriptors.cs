using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorSdk.Generator.Diagnostics
{
    /// <summary>Roslyn's view of the <see cref="DiagnosticCatalog"/>: one descriptor per id, and DiagnosticInfo → Diagnostic.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "ErrorSdk";

        private static readonly Dictionary<string, DiagnosticDescriptor> ById =
            DiagnosticCatalog.All.ToDictionary(d => d.Id, Create, System.StringComparer.Ordinal);

        /// <summary>Every descriptor, in catalog order (for SupportedDiagnostics-style listings and tests).</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = DiagnosticCatalog.All.Select(d => ById[d.Id]).ToArray();

        public static DiagnosticDescriptor Get(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : ById[DiagnosticIds.InternalError];

        /// <summary>Rebuilds the Roslyn diagnostic at the taxonomy file's exact span (or nowhere, for a span-less internal error).</summary>
        public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
        {
            var location = info.Span is { } span
                ? Location.Create(
                    span.Path,
                    new TextSpan(span.Start, span.Length),
                    new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)))
                : Location.None;
            var args = info.MessageArgs.Cast<object>().ToArray();
            return Diagnostic.Create(Get(info.Id), location, args);
        }

        private static DiagnosticDescriptor Create(DiagnosticDefinition definition) =>
            new DiagnosticDescriptor(
                definition.Id,
                definition.Title,
                definition.MessageFormat,
                Category,
                ToRoslyn(definition.Severity),
                isEnabledByDefault: true,
                helpLinkUri: definition.HelpLink);

        private static DiagnosticSeverity ToRoslyn(TaxonomySeverity severity) => severity switch
        {
            TaxonomySeverity.Warning => DiagnosticSeverity.Warning,
            TaxonomySeverity.Info => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Error,
        };
    }
}
