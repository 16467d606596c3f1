using System;
using System.Linq;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using CsCheck;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 7: the same taxonomy gives byte-identical generated files (same hint names, same text) whatever the
    /// order of the keys in the file (kinds, kind properties, fields, everything), its indentation, its
    /// <c>\uXXXX</c> escapes and whether defaults are spelled out.
    /// </summary>
    public sealed class DeterminismProperties
    {
        [Fact]
        public void The_same_taxonomy_in_any_key_order_gives_byte_identical_sources()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from first in JsonLayout.Random()
                from second in JsonLayout.Random()
                select new TaxonomyCase<JsonLayout>(model, first, second);

            PropertyCheck.ForAll(cases, PropertyBudget.DeterminismTaxonomies, c =>
            {
                var a = GeneratorHarness.Run(TaxonomyJson.Write(c.Model, c.Layout).Json, CompiledTaxonomy.Path);
                var b = GeneratorHarness.Run(TaxonomyJson.Write(c.Model, c.Values).Json, CompiledTaxonomy.Path);
                Expect.True(!a.GeneratorDiagnostics.Any(d => d.Severity > DiagnosticSeverity.Hidden), "valid taxonomy rejected: " + CompiledTaxonomy.Describe(a.GeneratorDiagnostics));
                var sourcesA = a.Sources;
                var sourcesB = b.Sources;
                Expect.True(sourcesA.Count > 0, "the generator produced no source");
                Expect.Equal(string.Join(", ", sourcesA.Keys.OrderBy(k => k, StringComparer.Ordinal)), string.Join(", ", sourcesB.Keys.OrderBy(k => k, StringComparer.Ordinal)), "hint names");
                foreach (var (hint, text) in sourcesA)
                {
                    var other = sourcesB[hint];
                    if (text != other)
                    {
                        int at = Enumerable.Range(0, Math.Min(text.Length, other.Length)).FirstOrDefault(i => text[i] != other[i]);
                        throw new Xunit.Sdk.XunitException(
                            hint + " differs at character " + at + ":\n  " + Excerpt(text, at) + "\nvs\n  " + Excerpt(other, at) +
                            "\nsecond layout:\n" + TaxonomyJson.Write(c.Model, c.Values).Json);
                    }
                }
            });
        }

        private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 80), Math.Min(160, text.Length - Math.Max(0, at - 80)));
    }
}
