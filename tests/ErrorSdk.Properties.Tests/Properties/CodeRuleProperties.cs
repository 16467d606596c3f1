using System;
using System.Collections.Generic;
using System.Linq;
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
    /// Invariant 3, negative half (the positive half is in <see cref="TablesProperties"/>): break the code/retry rule
    /// in one kind of a valid random taxonomy — by declaring both, or by declaring only the retry (or only the code)
    /// so the clash comes from what the first parent gives — and the generator reports an error at that kind's line,
    /// and at no line of a kind that does not break the rule.
    /// </summary>
    public sealed class CodeRuleProperties
    {
        private const string NeverWithUnavailable = "ESDK300";

        private const string RetryableWithClientCode = "ESDK301";

        private static readonly RetryPolicy[] Retried = { RetryPolicy.Transient, RetryPolicy.Throttled };

        [Fact]
        public void Breaking_the_code_retry_rule_in_a_kind_is_an_error_at_its_line()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from layout in JsonLayout.Random(indented: true)
                from mutation in Mutation(model)
                select new TaxonomyCase<Mutated>(mutation.Model, layout, mutation);

            PropertyCheck.ForAll(cases, PropertyBudget.CodeRuleMutations, c =>
            {
                var text = TaxonomyJson.Write(c.Model, c.Layout);
                var run = GeneratorHarness.Run(text.Json, CompiledTaxonomy.Path);
                var rule = run.GeneratorDiagnostics.Where(d => d.Id == NeverWithUnavailable || d.Id == RetryableWithClientCode).ToList();
                var line = text.KindLines[c.Values.Reason];
                var where = c.Values + " (kind at line " + line + ")";
                Expect.True(
                    rule.Any(d => d.Severity == DiagnosticSeverity.Error && Line(d) == line && d.Location.GetLineSpan().Path == CompiledTaxonomy.Path),
                    where + ": no ESDK300/ESDK301 error at the kind's line; got\n" + CompiledTaxonomy.Describe(run.GeneratorDiagnostics));

                var resolved = new ResolvedTaxonomy(c.Model);
                var breaking = resolved.Kinds.Where(k => !GrpcCodes.IsConsistent(k.Code, k.Retry)).Select(k => text.KindLines[k.Reason]).ToHashSet();
                foreach (var d in rule)
                {
                    Expect.True(breaking.Contains(Line(d)), where + ": " + d + " points at a kind that keeps the rule");
                }

                Expect.Equal(0, run.Sources.Count, where + ": no source is generated from an invalid taxonomy");
            });
        }

        private static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

        /// <summary>The taxonomy with one kind breaking the rule, and how.</summary>
        internal sealed record Mutated(TaxonomyModel Model, string Reason, string How)
        {
            public override string ToString() => Reason + ": " + How;
        }

        private static Gen<Mutated> Mutation(TaxonomyModel model)
        {
            var resolved = new ResolvedTaxonomy(model);
            return from index in Gen.Int[0, model.Kinds.Count - 1]
                   from mode in Gen.Int[0, 2]
                   from pick in Gen.Int[0, 1000]
                   select Mutate(model, resolved, resolved.Kinds[index], mode, pick);
        }

        private static Mutated Mutate(TaxonomyModel model, ResolvedTaxonomy resolved, ResolvedKind kind, int mode, int pick)
        {
            var first = kind.Model.Parents.Count > 0 ? resolved[kind.Model.Parents[0]] : null;

            // Only the retry, clashing with the code the first parent gives.
            if (mode == 1 && first is not null)
            {
                var forbidding = new[] { RetryPolicy.Never, RetryPolicy.Transient, RetryPolicy.Throttled }.Where(r => !GrpcCodes.IsConsistent(first.Code, r)).ToList();
                if (forbidding.Count > 0)
                {
                    var retry = forbidding[pick % forbidding.Count];
                    return new Mutated(model.WithKind(kind.Model with { Code = null, Retry = retry }), kind.Reason, "retry " + retry + " with inherited code " + first.Code);
                }
            }

            // Only the code, clashing with the retry the first parent gives.
            if (mode == 2 && first is not null)
            {
                var forbidden = GrpcCodes.ForbiddenFor(first.Retry);
                if (forbidden.Count > 0)
                {
                    var code = forbidden[pick % forbidden.Count];
                    return new Mutated(model.WithKind(kind.Model with { Code = code, Retry = null }), kind.Reason, "code " + code + " with inherited retry " + first.Retry);
                }
            }

            // Both declared.
            var policy = pick % 3 == 0 ? RetryPolicy.Never : Retried[pick % 2];
            var bad = GrpcCodes.ForbiddenFor(policy);
            var badCode = bad[(pick / 3) % bad.Count];
            return new Mutated(model.WithKind(kind.Model with { Code = badCode, Retry = policy }), kind.Reason, "declares code " + badCode + " with retry " + policy);
        }
    }
}
