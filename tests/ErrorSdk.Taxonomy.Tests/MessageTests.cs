using System;
using ErrorSdk.Properties.Tests.Harness;
using Xunit;

namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// Invariant 6 over the default taxonomy (<see cref="MessageExpectations"/>): every placeholder filled with the
    /// value inserted literally, and no secret — the sensitive rawBody, an endpoint's userinfo, query or fragment,
    /// a token in the developer message — in the message, on the wire or in the metadata.
    /// </summary>
    public sealed class MessageTests
    {
        [Fact]
        public void Messages_fill_every_placeholder_literally_and_never_leak_a_secret()
        {
            PropertyCheck.ForAll(RoundTripTests.EveryKind, Budget.MessageCases, all =>
            {
                foreach (var values in all)
                {
                    MessageExpectations.Check(values, GeneratedSdk.Construct(values));
                }
            });
        }

        [Fact]
        public void An_upstream_error_shows_the_status_but_never_the_body_or_the_url_secrets()
        {
            var error = new UpstreamServerErrorException(
                statusCode: 503,
                statusPhrase: "100% {unavailable}",
                statusClass: "server",
                endpoint: new Uri("https://user:hunter2@api.example.com/v1/items?token=abc123#frag"),
                rawBody: "{\"password\":\"hunter2\"}",
                developerMessage: "GET https://user:hunter2@api.example.com/v1/items?token=abc123 failed");
            Assert.Equal("Upstream HTTP request failed (100% {unavailable}, server error).", error.Message);
            Assert.Equal("https://api.example.com/v1/items", error.Endpoint!.AbsoluteUri);
            Assert.Equal("https://api.example.com/v1/items", error.Metadata["endpoint"]);
            Assert.False(error.Metadata.ContainsKey("rawBody"));
            var wire = error.ToStatus().ToString();
            foreach (var secret in new[] { "hunter2", "abc123", "frag", "password" })
            {
                Assert.DoesNotContain(secret, wire, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, error.DeveloperMessage!, StringComparison.Ordinal);
            }

            Assert.Equal("{\"password\":\"hunter2\"}", error.RawBody);
        }
    }
}
