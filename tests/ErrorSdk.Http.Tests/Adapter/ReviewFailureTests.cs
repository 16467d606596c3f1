using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Http.Tests.Adapter
{
    /// <summary>
    /// The failures a review against the Arcade adapters' table found (issue 11), one test each against a real Kestrel
    /// server on 127.0.0.1: the kind, its retry policy, the agent-facing message, and where the raw text went.
    /// </summary>
    public sealed class ReviewFailureTests : IClassFixture<UpstreamFixture>
    {
        private const string InvalidRequestMessage = "Tool constructed an invalid HTTP request — likely a tool-authoring bug.";
        private const string UndecodableMessage = "HTTP response from upstream could not be decoded.";
        private const string LimitMessage = "HTTP response from upstream exceeded a limit configured on this client (header length or buffered body size).";

        private readonly UpstreamFixture _upstream;

        public ReviewFailureTests(UpstreamFixture upstream) => _upstream = upstream;

        [Theory]
        [InlineData(404, "UPSTREAM_NOT_FOUND", RetryPolicy.Never, "Upstream HTTP request failed (Not Found, client error).")]
        [InlineData(400, "UPSTREAM_BAD_REQUEST", RetryPolicy.Never, "Upstream HTTP request failed (Bad Request, client error).")]
        [InlineData(503, "UPSTREAM_SERVER_ERROR", RetryPolicy.Transient, "Upstream HTTP request failed (Service Unavailable, server error).")]
        public async Task EnsureSuccessStatusCode_IsClassifiedByItsStatus_NotAsATransportFailure(int status, string reason, RetryPolicy retry, string message)
        {
            using var client = _upstream.PlainClient();
            var request = new HttpRequestMessage(HttpMethod.Get, _upstream.At("status/" + status + "?token=s3cr3t"));

            var thrown = await Assert.ThrowsAsync<HttpRequestException>(async () =>
            {
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
            });

            foreach (var error in new[] { HttpErrors.FromException(_upstream.Taxonomy, thrown, request), HttpErrors.FromException(_upstream.Taxonomy, thrown, null) })
            {
                Assert.NotNull(error);
                Assert.Equal(reason, error!.Reason);
                Assert.Equal(retry, error.Retry);
                Assert.Equal(message, error.Message);
                Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Metadata["statusCode"]);
                Assert.Null(error.RetryAfter);
                Assert.Contains("body and headers are unknown", error.DeveloperMessage);
                Assert.Same(thrown, error.InnerException);
            }

            var withRequest = HttpErrors.FromException(_upstream.Taxonomy, thrown, request)!;
            Assert.Equal(_upstream.At("status/" + status).ToString(), withRequest.Metadata["endpoint"]);
            Assert.DoesNotContain("s3cr3t", withRequest.DeveloperMessage);
        }

        [Fact]
        public async Task GetStringAsyncOn404_IsNotFound()
        {
            using var client = _upstream.PlainClient();

            var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(_upstream.At("status/404")));
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, null);

            Assert.Equal("UPSTREAM_NOT_FOUND", error!.Reason);
            Assert.False(error.IsRetryable);
        }

        [Fact]
        public async Task NonAsciiHeaderValue_IsTheLocalInvalidRequest_Terminal()
        {
            using var client = _upstream.TypedClient();
            var request = new HttpRequestMessage(HttpMethod.Get, _upstream.At("ok"));
            Assert.True(request.Headers.TryAddWithoutValidation("X-Display-Name", "Zoë"));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.SendAsync(request));

            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal(InvalidRequestMessage, error.Message);
            Assert.Contains("Request headers must contain only ASCII characters.", error.DeveloperMessage);
            Assert.DoesNotContain("ASCII", error.Message);

            // The exception alone, as a caller without the request sees it, says the same.
            using var plain = _upstream.PlainClient();
            var again = new HttpRequestMessage(HttpMethod.Get, _upstream.At("ok"));
            again.Headers.TryAddWithoutValidation("X-Display-Name", "Zoë");
            var raw = await Assert.ThrowsAsync<HttpRequestException>(() => plain.SendAsync(again));
            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", HttpErrors.FromException(_upstream.Taxonomy, raw, null)!.Reason);
        }

        [Fact]
        public async Task CorruptBrotliBody_IsUndecodable_RawTextOnlyInTheDeveloperMessage()
        {
            using var client = _upstream.PlainClient(h => h.AutomaticDecompression = DecompressionMethods.Brotli);

            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(_upstream.At("brotli-garbage")));
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, null);

            Assert.IsType<InvalidOperationException>(thrown);
            Assert.Equal("NETWORK_TRANSPORT_UNDECODABLE", error!.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal(UndecodableMessage, error.Message);
            Assert.Contains(thrown.Message, error.DeveloperMessage);
            Assert.DoesNotContain(thrown.Message, error.Message);
        }

        [Fact]
        public async Task ProxyWithAnUnsupportedScheme_IsTheLocalInvalidRequest()
        {
            using var client = _upstream.TypedClient(h =>
            {
                h.Proxy = new WebProxy(new Uri("ftp://127.0.0.1:1/"));
                h.UseProxy = true;
            });

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(_upstream.At("ok")));

            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal(InvalidRequestMessage, error.Message);
            Assert.IsType<NotSupportedException>(error.InnerException);
            Assert.Contains("NotSupportedException", error.DeveloperMessage);
            Assert.Contains("proxies", error.DeveloperMessage);
        }

        [Fact]
        public async Task UnknownCharsetInReadAsString_IsUndecodable_TheCharsetOnlyInTheDeveloperMessage()
        {
            using var client = _upstream.TypedClient();
            using var response = await client.GetAsync(_upstream.At("unknown-charset"));

            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => response.Content.ReadAsStringAsync());
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, null);

            Assert.Equal("NETWORK_TRANSPORT_UNDECODABLE", error!.Reason);
            Assert.Equal(UndecodableMessage, error.Message);
            Assert.Contains("x-unheard-of-9", error.DeveloperMessage);
            Assert.DoesNotContain("x-unheard-of-9", error.Message);
        }

        [Fact]
        public async Task BodyOverTheBufferLimit_IsLimitExceeded_NotRetried()
        {
            using var client = _upstream.TypedClient();
            client.MaxResponseContentBufferSize = 1024;

            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(_upstream.At("big-body")));
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, null);

            Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, Assert.IsType<HttpRequestException>(thrown).HttpRequestError);
            Assert.Equal("NETWORK_TRANSPORT_LIMIT_EXCEEDED", error!.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal(LimitMessage, error.Message);
            Assert.Contains("1024", error.DeveloperMessage);
        }

        [Fact]
        public async Task HeadersOverTheLimit_IsLimitExceeded_NotTheRedirectLimit()
        {
            using var client = _upstream.TypedClient(h => h.MaxResponseHeadersLength = 1);

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(_upstream.At("big-header")));

            Assert.Equal("NETWORK_TRANSPORT_LIMIT_EXCEEDED", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal(LimitMessage, error.Message);
            Assert.DoesNotContain("redirect", error.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task SchemeLessStringUri_IsClassifiedFromTheExceptionAlone()
        {
            using var client = _upstream.TypedClient();
            var port = _upstream.BaseAddress.Port;

            // HttpClient rejects the relative URI before any handler runs, so the caller classifies what it caught.
            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("127.0.0.1:" + port + "/v1/items"));
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, null);

            Assert.NotNull(error);
            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", error!.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal(InvalidRequestMessage, error.Message);
            Assert.Contains("invalid request URI", error.DeveloperMessage);
        }

        [Fact]
        public void UnrelatedExceptionOfTheCallersCode_IsStillNotAnHttpFailure()
        {
            InvalidOperationException thrown;
            try
            {
                throw new InvalidOperationException("the caller's own state");
            }
            catch (InvalidOperationException e)
            {
                thrown = e;
            }

            Assert.Null(HttpErrors.FromException(_upstream.Taxonomy, thrown, null));
        }
    }
}
