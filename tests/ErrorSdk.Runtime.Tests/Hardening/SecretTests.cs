using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Safety;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>
    /// Every secret shape of the corpus through every path that produces outward text: none survives, also when the
    /// sender opts in to debug detail (the developer message is sanitized).
    /// </summary>
    public class SecretTests
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

        [Fact]
        public void The_corpus_has_at_least_20_shapes()
        {
            Assert.True(SecretCorpus.Shapes.Count >= 20);
            Assert.Equal(SecretCorpus.Shapes.Count, SecretCorpus.Shapes.Select(s => s.Name).Distinct().Count());
            Assert.All(SecretCorpus.Shapes, s => Assert.All(s.Secrets, secret => Assert.Contains(secret, s.Text, StringComparison.Ordinal)));
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void The_sanitizer_removes_the_secret(SecretShape shape)
        {
            OutwardText.AssertNoSecret(shape, new[] { ("Sanitize", TextSanitizer.Sanitize(shape.Text)) });
            // Scrubbing twice changes nothing more: the developer message can be scrubbed again on the way out.
            var once = TextSanitizer.Sanitize(shape.Text);
            Assert.Equal(once, TextSanitizer.Sanitize(once));
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void A_local_error_carrying_the_secret_in_its_cause_and_developer_message_leaks_nothing(SecretShape shape)
        {
            var cause = new InvalidOperationException(shape.Text, new System.Net.Http.HttpRequestException(shape.Text));
            var error = new CorpusException(shape.Text, cause);
            OutwardText.AssertNoSecret(shape, OutwardText.Of(error));
            Assert.Same(cause, error.InnerException); // the cause stays for local debugging, only not in outward text
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void A_promoted_error_whose_peer_sent_the_secret_leaks_nothing_when_sent_on(SecretShape shape)
        {
            var status = new Google.Rpc.Status { Code = 13, Message = shape.Text };
            status.Details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = shape.Text }));
            var error = new UnclassifiedException(status, "errorsdk.dev");
            OutwardText.AssertNoSecret(shape, OutwardText.Of(error));
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void A_promoted_error_read_from_trailers_leaks_nothing_when_sent_on(SecretShape shape)
        {
            var sent = new Google.Rpc.Status { Code = 14, Message = shape.Text };
            sent.Details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = shape.Text }));
            var status = GrpcWire.FromTrailers(GrpcWire.ToTrailers(sent))!;
            var error = new UnclassifiedException(status, "errorsdk.dev");
            OutwardText.AssertNoSecret(shape, OutwardText.Of(error));
        }

        [Theory]
        [InlineData("Connection refused (api.example.com:443)")]
        [InlineData("The token expired.")]
        [InlineData("Basic validation failed: 3 errors")]
        [InlineData("Bearer authentication is required")]
        [InlineData("Retry after 5 seconds: the service is busy")]
        [InlineData("see https://api.example.com/v1/items for details")]
        [InlineData("Upstream HTTP request failed (Service Unavailable, server error).")]
        [InlineData("100% of {quota} used at 12:30")]
        [InlineData("Value of 'email' is invalid: must contain @")]
        public void Harmless_text_stays(string text)
        {
            Assert.Equal(text, TextSanitizer.Sanitize(text));
        }

        [Fact]
        public void Hostile_text_is_scrubbed_without_failing_closed()
        {
            // Patterns are bounded: texts built to make a backtracking pattern quadratic are still scrubbed, not replaced whole.
            var texts = new[]
            {
                string.Concat(Enumerable.Repeat("a.", 8000)) + "://x",
                string.Concat(Enumerable.Repeat("a-key=b:c password:\"x\" <token>", 500)),
                string.Concat(Enumerable.Repeat("\"key", 4000)),
                string.Concat(Enumerable.Repeat("-----BEGIN X----- a -----END X----- ", 1000)),
                string.Concat(Enumerable.Repeat("u:p@", 4000)),
                string.Concat(Enumerable.Repeat("eyJa.", 4000)),
                new string('a', 16_000) + "@",
            };
            foreach (var text in texts)
            {
                Assert.NotEqual(TextSanitizer.Redacted, TextSanitizer.Sanitize(text));
            }
        }

        private sealed class CorpusException : TaxonomyException
        {
            private static readonly KindInfo CorpusKind = new KindInfo(
                "UPSTREAM_ERROR", "errorsdk.dev", 20, Google.Rpc.Code.Unavailable, 503, RetryPolicy.Transient,
                Array.Empty<string>(), Array.Empty<string>(), false, "Upstream HTTP request failed.", Array.Empty<FieldInfo>(),
                "The upstream failed.", Array.Empty<string>(), Array.Empty<string>(), null);

            public CorpusException(string developerMessage, Exception innerException)
                : base(CorpusKind, TaxonomyExceptionInit.Local("Upstream HTTP request failed.", TimeSpan.FromSeconds(1), developerMessage, innerException))
            {
            }
        }
    }
}
