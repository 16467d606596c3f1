using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Taxonomy;
using ErrorSdk.Tests.Hardening;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Secrets
{
    /// <summary>
    /// The secrets corpus through the generated SDK of the default taxonomy: a sensitive field, a uri field, the developer
    /// message and the cause of a locally raised error; a promoted error whose peer sent the secret in its message, its
    /// debug detail, a sensitive field's metadata entry and a uri entry. No secret reaches outward text.
    /// </summary>
    public class GeneratedSecretTests
    {
        public static TheoryData<SecretShape> Shapes()
        {
            var data = new TheoryData<SecretShape>();
            foreach (var shape in SecretCorpus.Shapes)
            {
                data.Add(shape);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void A_generated_error_with_the_secret_in_a_sensitive_field_and_its_cause_leaks_nothing(SecretShape shape)
        {
            var error = new UpstreamErrorException(
                statusClass: "server",
                statusCode: 502,
                statusPhrase: "Bad Gateway",
                endpoint: new Uri("https://user:Pa55-SECRET-word@api.example.com/v1/items?access_token=qt-SECRET-7f3a9#frag"),
                rawBody: shape.Text,
                retryAfter: TimeSpan.FromSeconds(2),
                developerMessage: shape.Text,
                innerException: new System.Net.Http.HttpRequestException(shape.Text));

            Assert.Equal(shape.Text, error.RawBody); // the local developer view keeps it
            OutwardText.AssertNoSecret(shape, OutwardText.Of(error));
            OutwardText.AssertNoSecret(SecretCorpus.Shapes.Single(s => s.Name == "query-token"), OutwardText.Of(error));
            OutwardText.AssertNoSecret(SecretCorpus.Shapes.Single(s => s.Name == "userinfo"), OutwardText.Of(error));
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void An_error_created_through_the_taxonomy_table_leaks_nothing(SecretShape shape)
        {
            var error = ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Create(
                "UPSTREAM_ERROR",
                new Dictionary<string, string>
                {
                    ["statusCode"] = "503",
                    ["statusPhrase"] = "Service Unavailable",
                    ["statusClass"] = "server",
                    ["rawBody"] = shape.Text,
                },
                new TaxonomyExceptionOptions(developerMessage: shape.Text, innerException: new InvalidOperationException(shape.Text)))!;
            OutwardText.AssertNoSecret(shape, OutwardText.Of(error));
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void A_promoted_generated_error_whose_peer_leaked_the_secret_leaks_nothing_when_sent_on(SecretShape shape)
        {
            // A peer that breaks the contract: the secret in its message, its debug detail and the sensitive field's entry.
            var status = new UpstreamErrorException("server", 503, "Service Unavailable").ToStatus();
            status.Message = shape.Text;
            var info = new ErrorSdk.Tests.Hardening.MetadataPatch(status);
            info.Set("rawBody", shape.Text);
            info.Set("endpoint", "https://u:Pa55-SECRET-word@api.example.com/x?access_token=qt-SECRET-7f3a9");
            status.Details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = shape.Text }));

            var promoted = ErrorSdkTaxonomy.Promote(status);
            var upstream = Assert.IsType<UpstreamErrorException>(promoted);
            Assert.Null(upstream.RawBody);
            Assert.Equal("https://api.example.com/x", upstream.Endpoint!.ToString());
            OutwardText.AssertNoSecret(shape, OutwardText.Of(promoted));
            Assert.DoesNotContain("rawBody", promoted.ToStatus().Details[0].Value.ToStringUtf8(), StringComparison.Ordinal);
            Assert.False(promoted.OutwardMetadata.ContainsKey("rawBody"));
            Assert.Equal("https://api.example.com/x", promoted.OutwardMetadata["endpoint"]);
            Assert.True(promoted.Metadata.ContainsKey("rawBody")); // Metadata keeps every entry that arrived (docs/design.md)
        }
    }
}
