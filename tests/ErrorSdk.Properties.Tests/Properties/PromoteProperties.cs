using System.Collections.Generic;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 5: Promote is total. Any status — random codes (out of range too), random bytes in details, unknown
    /// <c>Any</c> types, unknown, abstract and alias reasons, foreign domains, missing or unparsable field values,
    /// 1,000 metadata entries — gives a <see cref="TaxonomyException"/> that keeps the raw status and the message,
    /// never an exception, and every member of it can be read. For statuses whose details all decode, the routing
    /// (alias → reason → fallback → UnclassifiedException), the metadata, the retry delay and the parsed fields are
    /// also exactly what docs/design.md says (<see cref="PromoteExpectations"/>).
    /// </summary>
    public sealed class PromoteProperties
    {
        [Fact]
        public void Promote_never_throws_and_keeps_the_status_and_every_metadata_entry()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from layout in JsonLayout.Random()
                from statuses in RandomStatus.For(new ResolvedTaxonomy(model)).List[PropertyBudget.PromoteStatusCases]
                select new TaxonomyCase<IReadOnlyList<StatusCase>>(model, layout, statuses);

            PropertyCheck.ForAll(cases, PropertyBudget.PromoteTaxonomies, c =>
            {
                using var compiled = CompiledTaxonomy.Compile(c.Model, c.Layout);
                var expectations = new PromoteExpectations(compiled.Expected, compiled.ExceptionType, CompiledTaxonomy.Property);
                PromoteExpectations.ExpectTotal(null, compiled.StaticPromote(null!), "static Promote(null)");
                foreach (var statusCase in c.Values)
                {
                    expectations.Check(
                        statusCase,
                        ("IErrorTaxonomy.Promote", compiled.Instance.Promote),
                        ("static Promote", compiled.StaticPromote));
                }
            });
        }
    }
}
