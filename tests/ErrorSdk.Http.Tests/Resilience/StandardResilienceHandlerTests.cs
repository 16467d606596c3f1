using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ErrorSdk.Extensions.Http.Resilience;
using ErrorSdk.Polly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Xunit;

namespace ErrorSdk.Http.Tests.Resilience
{
    /// <summary>
    /// Microsoft.Extensions.Http.Resilience's standard handlers driven by the taxonomy (<c>UseTaxonomy</c>), over a real
    /// Kestrel server: what is sent, how often, with what body, and what the caller gets.
    /// </summary>
    public sealed class StandardResilienceHandlerTests : IClassFixture<ResilienceUpstream>
    {
        private const string Payload = "{\"name\":\"Zoë\",\"items\":[1,2,3]}";

        private readonly ResilienceUpstream _upstream;

        public StandardResilienceHandlerTests(ResilienceUpstream upstream) => _upstream = upstream;

        private static IErrorTaxonomy Taxonomy => ErrorSdk.Taxonomy.ErrorSdkTaxonomy.Instance;

        [Fact]
        public async Task AnsweredNotFound_IsSentOnce_AndTheCallerGetsTheTypedKind()
        {
            using var provider = Services(b => b.AddTaxonomyErrors(Taxonomy).AddStandardResilienceHandler(Fast).UseTaxonomy(Taxonomy));
            var path = _upstream.PathFor("missing");

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => Client(provider).GetAsync(path));

            Assert.Equal("UPSTREAM_NOT_FOUND", error.Reason);
            Assert.Single(_upstream.AttemptsAt(path));
        }

        [Fact]
        public async Task TransientFailures_AreRetried_AndAPostBodyArrivesIntactOnEveryAttempt()
        {
            using var provider = Services(b => b.AddTaxonomyErrors(Taxonomy).AddStandardResilienceHandler(Fast).UseTaxonomy(Taxonomy));
            var path = _upstream.PathFor("flaky");

            using var response = await Client(provider).PostAsync(path, new StringContent(Payload, Encoding.UTF8, "application/json"));

            Assert.Equal("ok:" + Payload, await response.Content.ReadAsStringAsync());
            var attempts = _upstream.AttemptsAt(path);
            Assert.Equal(3, attempts.Count);
            Assert.All(attempts, a => Assert.Equal(Payload, a.Body));
        }

        [Fact]
        public async Task ErrorSdkPollyRetry_ResendsAPostBodyIntactOnEveryAttempt()
        {
            using var client = new HttpClient(new TaxonomyHttpHandler(Taxonomy, new SocketsHttpHandler())) { BaseAddress = _upstream.BaseAddress };
            var pipeline = new ResiliencePipelineBuilder()
                .AddTaxonomyRetry(new TaxonomyRetryOptions { Taxonomy = Taxonomy, BaseDelay = TimeSpan.FromMilliseconds(10) })
                .Build();
            var path = _upstream.PathFor("flaky");
            using var content = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(Payload)));

            using var response = await pipeline.ExecuteAsync(async token => await client.PostAsync(path, content, token));

            var attempts = _upstream.AttemptsAt(path);
            Assert.Equal(3, attempts.Count);
            Assert.All(attempts, a => Assert.Equal(Payload, a.Body));
        }

        [Fact]
        public async Task Throttled_WaitsTheServersDelay_NeverEarly()
        {
            using var provider = Services(b => b.AddTaxonomyErrors(Taxonomy).AddStandardResilienceHandler(Fast).UseTaxonomy(Taxonomy));
            var path = _upstream.PathFor("throttled");

            using var response = await Client(provider).GetAsync(path);

            var attempts = _upstream.AttemptsAt(path);
            var gap = attempts.Count >= 2 ? Stopwatch.GetElapsedTime(attempts[0].Timestamp, attempts[1].Timestamp) : TimeSpan.Zero;
            Assert.True(attempts.Count == 2 && gap >= TimeSpan.FromSeconds(1),
                "expected 2 attempts, the retry at least 1 s after the 429; got " + attempts.Count + " attempts, gap " + gap.TotalMilliseconds + " ms, status " + (int)response.StatusCode);
        }

        [Fact]
        public async Task ATerminalReasonInAProblemDocument_IsNotRetried_EvenOnA503()
        {
            using var provider = Services(b => b.AddTaxonomyErrors(Taxonomy).AddStandardResilienceHandler(Fast).UseTaxonomy(Taxonomy));
            var path = _upstream.PathFor("terminal-problem");

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => Client(provider).GetAsync(path));

            Assert.Equal("USER_NOT_PROVISIONABLE", error.Reason);
            Assert.Single(_upstream.AttemptsAt(path));
        }

        [Fact]
        public async Task TypedErrorsFromInside_DecideAsWell_WhenTheResilienceHandlerIsOutermost()
        {
            using var provider = Services(b => b.AddStandardResilienceHandler(Fast).UseTaxonomy(Taxonomy).Services.AddHttpClient("upstream").AddTaxonomyErrors(Taxonomy));
            var missing = _upstream.PathFor("missing");
            var flaky = _upstream.PathFor("flaky");

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => Client(provider).GetAsync(missing));
            using var recovered = await Client(provider).GetAsync(flaky);

            Assert.Equal("UPSTREAM_NOT_FOUND", error.Reason);
            Assert.Single(_upstream.AttemptsAt(missing));
            Assert.Equal(3, _upstream.AttemptsAt(flaky).Count);
        }

        [Fact]
        public async Task TheCircuitBreaker_IgnoresAnswered4xx_ButOpensOnAnUnhealthyUpstream()
        {
            using var provider = Services(b => b.AddTaxonomyErrors(Taxonomy).AddStandardResilienceHandler(o =>
            {
                Fast(o);
                o.Retry.MaxRetryAttempts = 1;
                o.CircuitBreaker.MinimumThroughput = 2;
                o.CircuitBreaker.FailureRatio = 0.5;
            }).UseTaxonomy(Taxonomy, r => { r.MaxRetryAttempts = 0; r.MaxThrottledRetryAttempts = 0; }));
            var client = Client(provider);
            var missing = _upstream.PathFor("missing");
            for (int i = 0; i < 6; i++)
            {
                Assert.Equal("UPSTREAM_NOT_FOUND", (await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(missing))).Reason);
            }

            var unavailable = _upstream.PathFor("unavailable");
            TaxonomyException? last = null;
            for (int i = 0; i < 12; i++)
            {
                last = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(unavailable));
            }

            Assert.Equal(6, _upstream.AttemptsAt(missing).Count);
            Assert.True(_upstream.AttemptsAt(unavailable).Count < 12, "the circuit never opened on 503s");
            Assert.Equal("NETWORK_TRANSPORT_UNREACHABLE", last!.Reason);
            Assert.IsAssignableFrom<global::Polly.CircuitBreaker.BrokenCircuitException>(last.InnerException);
        }

        [Fact]
        public async Task TheHedgingHandler_DoesNotHedgeAThrottledKind()
        {
            using var provider = Services(b => b.AddTaxonomyErrors(Taxonomy).AddStandardHedgingHandler().UseTaxonomy(Taxonomy));
            var path = _upstream.PathFor("always-throttled");

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => Client(provider).GetAsync(path));

            Assert.Equal("UPSTREAM_RATE_LIMIT", error.Reason);
            Assert.Single(_upstream.AttemptsAt(path));
        }

        [Fact]
        public void RetryOptions_FromTheTaxonomy_KeepTheLibrarysIdiom()
        {
            var options = new HttpRetryStrategyOptions().UseTaxonomy(Taxonomy);

            Assert.False(options.ShouldRetryAfterHeader);
            Assert.Equal(3 + 3 + 1, options.MaxRetryAttempts);
            Assert.NotNull(options.DelayGenerator);
        }

        private static void Fast(HttpStandardResilienceOptions options) => options.Retry.Delay = TimeSpan.FromMilliseconds(10);

        private ServiceProvider Services(Action<IHttpClientBuilder> configure)
        {
            var services = new ServiceCollection();
            configure(services.AddHttpClient("upstream", c => c.BaseAddress = _upstream.BaseAddress));
            return services.BuildServiceProvider();
        }

        private static HttpClient Client(ServiceProvider provider) => provider.GetRequiredService<IHttpClientFactory>().CreateClient("upstream");
    }
}
