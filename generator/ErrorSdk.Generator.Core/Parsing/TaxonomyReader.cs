using System;
using System.Threading;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Validation;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>The parser's and validator's result: a spec when the taxonomy is valid, and every diagnostic.</summary>
    internal sealed record TaxonomyParseResult(TaxonomySpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>
    /// Entry point shared by the generator and the CLI: text in, validated spec and diagnostics out. Never throws:
    /// every input ends in a spec or in at least one error. The one exception is OperationCanceledException when
    /// <c>cancellationToken</c> is cancelled, which is how Roslyn expects a cancelled transform to end.
    /// </summary>
    internal static class TaxonomyReader
    {
        public static TaxonomyParseResult Read(string path, string text, CancellationToken cancellationToken)
        {
            var diagnostics = new DiagnosticBag();
            TaxonomySpec? spec = null;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                var locator = new SourceLocator(path ?? string.Empty, text ?? string.Empty);
                var root = JsonReader.Read(locator, diagnostics, cancellationToken);
                var raw = root == null ? null : TaxonomyParser.Parse(locator, root, diagnostics, cancellationToken);
                spec = raw == null ? null : TaxonomyValidator.Validate(raw, diagnostics, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                // A bug must become a diagnostic, not a generator crash that hides every other error in the build.
                diagnostics.Report(DiagnosticIds.InternalError, null, ex.GetType().Name + ": " + ex.Message);
                spec = null;
            }

            if (spec != null && diagnostics.HasErrors)
            {
                spec = null;
            }

            if (spec == null && !diagnostics.HasErrors)
            {
                diagnostics.Report(DiagnosticIds.InternalError, null, "no taxonomy was produced and no error explains why");
            }

            return new TaxonomyParseResult(spec, diagnostics.ToSortedArray());
        }
    }
}
