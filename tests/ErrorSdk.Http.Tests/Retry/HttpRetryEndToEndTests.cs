using System;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using ErrorSdk.Polly;
using Polly;
using Xunit;

namespace ErrorSdk.Http.Tests.Retry
{
    /// <summary>HttpClient + TaxonomyHttpHandler + AddTaxonomyRetry against a scripted Kestrel upstream, on a fake clock.</summary>
    public sealed class HttpRetryEndToEndTests : IClassFixture<UpstreamFixture>
    {
        private readonly UpstreamFixture _upstream;
        private readonly ManualTimeProvider _time = new();

        public HttpRetryEndToEndTests(UpstreamFixture upstream) => _upstream = upstream;

        [Fact]
        public async Task ServiceUnavailableTwice_ThenRecovers_InThreeRequests()
        {
            var key = Guid.NewGuid().ToString("N");

            using var response = await SendAsync("script/flaky/" + key);

            Assert.True(response.IsSuccessStatusCode);
            Assert.Equal(3, _upstream.RequestsFor(key));
            Assert.Equal(2, _time.Delays.Count);
        }

        /// <param name="script">429 with Retry-After: 1; or 403 with Retry-After: 1 (a rate limit, as GitHub's secondary limits are).</param>
        [Theory]
        [InlineData("throttled")]
        [InlineData("forbidden-throttled")]
        public async Task RateLimit_WaitsTheServersRetryAfter_ThenRecovers(string script)
        {
            var key = Guid.NewGuid().ToString("N");

            using var response = await SendAsync("script/" + script + "/" + key);

            Assert.True(response.IsSuccessStatusCode);
            Assert.Equal(2, _upstream.RequestsFor(key));
            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, _time.Delays);
        }

        [Fact]
        public async Task NotFound_CostsExactlyOneRequest()
        {
            var key = Guid.NewGuid().ToString("N");

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => SendAsync("script/missing/" + key));

            Assert.Equal("UPSTREAM_NOT_FOUND", error.Reason);
            Assert.Equal(1, _upstream.RequestsFor(key));
            Assert.Empty(_time.Delays);
        }

        private async Task<HttpResponseMessage> SendAsync(string path)
        {
            using var client = _upstream.TypedClient();
            var pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }
                .AddTaxonomyRetry(new TaxonomyRetryOptions { Taxonomy = _upstream.Taxonomy })
                .Build();
            return await pipeline.ExecuteAsync(async token => await client.GetAsync(_upstream.At(path), token));
        }
    }
}
