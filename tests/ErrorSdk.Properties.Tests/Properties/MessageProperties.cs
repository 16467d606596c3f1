using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 6: the message is the template with every placeholder filled by the value inserted literally
    /// (<c>%</c>, <c>{</c>, <c>}</c> survive; a uri sanitized), and neither it nor the wire form (Status bytes,
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
                from values in Gen.ListOf(RoundTripProperties.ValuesForEveryKind(new ResolvedTaxonomy(model)), PropertyBudget.MessageValueCases)
                select new TaxonomyCase<IReadOnlyList<KindValues[]>>(model, layout, values);

            PropertyCheck.ForAll(cases, PropertyBudget.MessageTaxonomies, c =>
            {
                using var compiled = CompiledTaxonomy.Compile(c.Model, c.Layout);
                foreach (var values in c.Values.SelectMany(v => v))
                {
                    ExpectMessage(compiled, values);
                }
            });
        }

        private static void ExpectMessage(CompiledTaxonomy compiled, KindValues values)
        {
            var kind = values.Kind;
            var where = values.ToString();
            var error = compiled.Raise(values);

            var expected = Template.Render(kind.MessageTemplate, name => values.Values.Single(v => v.Field.Name == name).Wire);
            Expect.Equal(expected, error.Message, where + ": Message is the template with each value inserted literally (template: " + Expect.Show(kind.MessageTemplate) + ")");

            var status = error.ToStatus();
            var bytes = status.ToByteArray();
            var trailers = GrpcWire.ToTrailers(status);
            var grpcMessage = trailers.Where(t => t.Key == GrpcWire.MessageHeader).Select(t => GrpcWire.PercentDecode(t.Value)).SingleOrDefault() ?? string.Empty;
            Expect.Equal(error.Message, grpcMessage, where + ": grpc-message decodes to the message");
            var developerSecret = values.DeveloperMessage?.Split('=')[1].Split(' ')[0];

            foreach (var secret in values.Secrets.Concat(developerSecret is null ? Array.Empty<string>() : new[] { developerSecret }))
            {
                Expect.True(!error.Message.Contains(secret, StringComparison.Ordinal), where + ": Message leaks " + secret);
                Expect.True(!Contains(bytes, Encoding.UTF8.GetBytes(secret)), where + ": ToStatus() bytes leak " + secret);
                Expect.True(!error.ToString().Contains(secret, StringComparison.Ordinal), where + ": ToString() leaks " + secret);
                Expect.True(!error.Metadata.Values.Any(v => v.Contains(secret, StringComparison.Ordinal)), where + ": Metadata leaks " + secret);
                Expect.True(!(error.DeveloperMessage ?? string.Empty).Contains(secret, StringComparison.Ordinal), where + ": the sanitized DeveloperMessage keeps " + secret);
            }

            var wireKeys = status.Details
                .Where(d => d.TypeUrl.EndsWith("/google.rpc.ErrorInfo", StringComparison.Ordinal))
                .SelectMany(d => Google.Rpc.ErrorInfo.Parser.ParseFrom(d.Value).Metadata.Keys)
                .ToList();
            foreach (var field in kind.AllFields.Where(f => f.Sensitive))
            {
                Expect.True(!error.Metadata.ContainsKey(field.Name), where + ": sensitive " + field.Name + " in Metadata");
                Expect.True(!wireKeys.Contains(field.Name), where + ": sensitive " + field.Name + " in the ErrorInfo on the wire");
            }
        }

        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
