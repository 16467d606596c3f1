using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 6 (<see cref="MessageExpectations"/>): the message is the template with every placeholder filled by
    /// the value inserted literally (<c>%</c>, <c>{</c>, <c>}</c> survive; a uri sanitized), and neither it nor the wire form (Status bytes,
    /// grpc-message), ToString() or the developer message contains a sensitive value or a URL's userinfo, query
    /// or fragment. Sensitive fields are not in the metadata, locally or on the wire. Every secret is a distinctive
    /// random token, so finding it anywhere is a leak.
    /// </summary>
    public sealed class MessageProperties
    {
        [Fact]
        public void Messages_fill_every_placeholder_literally_and_never_leak_a_secret()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from layout in JsonLayout.Random()
                from values in RoundTripProperties.ValuesForEveryKind(new ResolvedTaxonomy(model)).List[PropertyBudget.MessageValueCases]
                select new TaxonomyCase<IReadOnlyList<KindValues[]>>(model, layout, values);

            PropertyCheck.ForAll(cases, PropertyBudget.MessageTaxonomies, c =>
            {
                using var compiled = CompiledTaxonomy.Compile(c.Model, c.Layout);
                foreach (var values in c.Values.SelectMany(v => v))
                {
                    MessageExpectations.Check(values, compiled.Raise(values));
                }
            });
        }
    }
}
