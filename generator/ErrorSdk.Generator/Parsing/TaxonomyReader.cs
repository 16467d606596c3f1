using System;
using System.Threading;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>The parser's and validator's result: a spec when the taxonomy is valid, and every diagnostic.</summary>
    internal sealed record TaxonomyParseResult(TaxonomySpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Entry point shared by the generator and the CLI: text in, validated spec and diagnostics out. Never throws.</summary>
    internal static class TaxonomyReader
    {
        public static TaxonomyParseResult Read(string path, string text, CancellationToken cancellationToken)
        {
            throw new NotImplementedException("parser pending");
        }
    }
}
