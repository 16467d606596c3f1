using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Diamonds (docs/design.md: "diamond conflicts are diagnostics"): the random generator makes a kind declare code and
    /// retry whenever its parents resolve them differently. Take such a kind of a valid random taxonomy, drop the
    /// declarations its parents disagree on, and the generator reports ESDK206 at that kind's <c>parents</c> line, once
    /// per dropped property, and only at kinds the model says have a disagreement.
    /// </summary>
    public sealed class DiamondProperties
    {
        private const string DiamondValueConflict = "ESDK206";

        private static readonly Regex ParentsKey = new Regex("\"parents\"\\s*:\\s*\\[", RegexOptions.CultureInvariant);

        [Fact]
        public void Dropping_a_value_the_parents_disagree_on_is_an_error_at_the_kinds_parents()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy().Where(m => Candidates(m).Count > 0)
                from layout in JsonLayout.Random(indented: true)
                from mutation in Mutation(model)
                select new TaxonomyCase<Mutated>(mutation.Model, layout, mutation);

            PropertyCheck.ForAll(cases, PropertyBudget.DiamondMutations, c =>
            {
                var text = TaxonomyJson.Write(c.Model, c.Layout);
                var run = GeneratorHarness.Run(text.Json, CompiledTaxonomy.Path);
                var diamonds = run.GeneratorDiagnostics.Where(d => d.Id == DiamondValueConflict).ToList();
                var lines = text.Json.Split('\n');
                int line = ParentsLine(lines, text.KindLines[c.Values.Reason]);
                var where = c.Values + " (parents at line " + line + ")";
                foreach (var property in c.Values.Dropped)
                {
                    Expect.True(
                        diamonds.Count(d => d.Severity == DiagnosticSeverity.Error && Line(d) == line && d.GetMessage().Contains("declare '" + property + "'", StringComparison.Ordinal)) == 1,
                        where + ": no single ESDK206 for '" + property + "' at the kind's parents; got\n" + CompiledTaxonomy.Describe(run.GeneratorDiagnostics));
                }

                var resolved = new ResolvedTaxonomy(c.Model);
                var expected = resolved.Kinds
                    .SelectMany(k => resolved.DisagreementsOf(k.Reason).Select(p => (Line: ParentsLine(lines, text.KindLines[k.Reason]), Property: p)))
                    .OrderBy(x => x.Line).ThenBy(x => x.Property, StringComparer.Ordinal)
                    .ToList();
                var actual = diamonds
                    .Select(d => (Line: Line(d), Property: d.GetMessage().Contains("declare 'code'", StringComparison.Ordinal) ? "code" : "retry"))
                    .OrderBy(x => x.Line).ThenBy(x => x.Property, StringComparer.Ordinal)
                    .ToList();
                Expect.True(expected.SequenceEqual(actual), where + ": the model expects ESDK206 at [" + string.Join(", ", expected) + "], the generator reported [" + string.Join(", ", actual) + "]");
                Expect.Equal(0, run.Sources.Count, where + ": no source is generated from an invalid taxonomy");
            });
        }

        private static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

        /// <summary>The 1-based line of the first <c>"parents": [</c> at or after the kind's key line.</summary>
        private static int ParentsLine(string[] lines, int kindLine)
        {
            for (int i = kindLine - 1; i < lines.Length; i++)
            {
                if (ParentsKey.IsMatch(lines[i]))
                {
                    return i + 1;
                }
            }

            throw new InvalidOperationException("no parents after line " + kindLine);
        }

        /// <summary>Kinds whose parents resolve code or retry differently (so the generator made them declare it).</summary>
        private static List<(KindModel Kind, IReadOnlyList<string> Properties)> Candidates(TaxonomyModel model)
        {
            var resolved = new ResolvedTaxonomy(model);
            var candidates = new List<(KindModel, IReadOnlyList<string>)>();
            foreach (var kind in model.Kinds.Where(k => k.Parents.Count > 1))
            {
                var properties = Disagreements(kind with { Code = null, Retry = null }, resolved);
                if (properties.Count > 0)
                {
                    candidates.Add((kind, properties));
                }
            }

            return candidates;
        }

        private static IReadOnlyList<string> Disagreements(KindModel bare, ResolvedTaxonomy resolved) =>
            ResolvedTaxonomy.Disagreements(bare, bare.Parents.ToDictionary(p => p, p => resolved[p], StringComparer.Ordinal));

        /// <summary>The taxonomy with one kind no longer declaring what its parents disagree on.</summary>
        internal sealed record Mutated(TaxonomyModel Model, string Reason, IReadOnlyList<string> Dropped)
        {
            public override string ToString() => Reason + ": drops " + string.Join(" and ", Dropped);
        }

        private static Gen<Mutated> Mutation(TaxonomyModel model)
        {
            var candidates = Candidates(model);
            return from index in Gen.Int[0, candidates.Count - 1]
                   from subset in Gen.Int[1, 3]
                   select Mutate(model, candidates[index].Kind, candidates[index].Properties, subset);
        }

        /// <summary>Drops one or both of the disagreeing declarations (bit 1: code, bit 2: retry; at least one applies).</summary>
        private static Mutated Mutate(TaxonomyModel model, KindModel kind, IReadOnlyList<string> properties, int subset)
        {
            var dropped = properties.Where(p => (p == "code" && (subset & 1) != 0) || (p == "retry" && (subset & 2) != 0)).ToList();
            if (dropped.Count == 0)
            {
                dropped.Add(properties[0]);
            }

            var mutated = kind with
            {
                Code = dropped.Contains("code") ? null : kind.Code,
                Retry = dropped.Contains("retry") ? null : kind.Retry,
            };
            return new Mutated(model.WithKind(mutated), kind.Reason, dropped);
        }
    }
}
