using System;
using System.Threading.Tasks;
using ErrorSdk.Grpc.Tests.Infrastructure;
using ErrorSdk.Grpc.Tests.Probe;
using ErrorSdk.Http.Tests.Infrastructure;
using ErrorSdk.Polly;
using Polly;
using Xunit;

namespace ErrorSdk.Grpc.Tests
{
    /// <summary>
    /// ErrorSdk.Polly over real gRPC calls through the client interceptor: it decides on the typed exception as it does for
    /// HTTP (a terminal kind costs one call, a throttled kind waits the server's RetryInfo delay, a transient kind recovers).
    /// The waits go through a recording clock, so nothing sleeps.
    /// </summary>
    public sealed class RetryTests : IClassFixture<ProbeServerFixture>
    {
        private readonly ProbeServerFixture _server;
        private readonly ManualTimeProvider _time = new();

        public RetryTests(ProbeServerFixture server) => _server = server;

        [Fact]
        public async Task A_terminal_kind_costs_exactly_one_call()
        {
            var key = Guid.NewGuid().ToString("N");

            await Assert.ThrowsAsync<ErrorSdk.Taxonomy.NotFoundException>(() => CallAsync("FLAKY:NOT_FOUND:5", key));

            Assert.Equal(1, ProbeService.Calls[key]);
            Assert.Empty(_time.Delays);
        }

        [Fact]
        public async Task A_throttled_kind_waits_the_servers_delay_then_recovers()
        {
            var key = Guid.NewGuid().ToString("N");

            await CallAsync("FLAKY:TOOL_RATE_LIMIT:1", key);

            Assert.Equal(2, ProbeService.Calls[key]);
            Assert.Equal(new[] { TimeSpan.FromMilliseconds(1500) }, _time.Delays);
        }

        [Fact]
        public async Task A_transient_kind_backs_off_and_recovers()
        {
            var key = Guid.NewGuid().ToString("N");

            await CallAsync("FLAKY:SERVICE_UNAVAILABLE:2", key);

            Assert.Equal(3, ProbeService.Calls[key]);
            Assert.Equal(2, _time.Delays.Count);
        }

        [Fact]
        public async Task A_reauthenticate_kind_refreshes_credentials_once_then_retries_once()
        {
            var key = Guid.NewGuid().ToString("N");
            int refreshes = 0;

            await Assert.ThrowsAsync<ErrorSdk.Taxonomy.UnauthenticatedException>(() => CallAsync("FLAKY:UNAUTHENTICATED:5", key, _ =>
            {
                refreshes++;
                return default;
            }));

            Assert.Equal(1, refreshes);
            Assert.Equal(2, ProbeService.Calls[key]);
        }

        private async Task CallAsync(string failWith, string key, Func<TaxonomyRetryArguments, ValueTask>? refresh = null)
        {
            var pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }
                .AddTaxonomyRetry(new TaxonomyRetryOptions { Taxonomy = Kinds.Taxonomy, RefreshCredentials = refresh })
                .Build();
            await pipeline.ExecuteAsync(async token => await _server.Client.UnaryAsync(new ProbeRequest { FailWith = failWith, Key = key }, cancellationToken: token));
        }
    }
}
