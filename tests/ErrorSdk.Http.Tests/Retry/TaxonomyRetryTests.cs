using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using ErrorSdk.Polly;
using Polly;
using Xunit;

namespace ErrorSdk.Http.Tests.Retry
{
    /// <summary>The Polly retry per retry policy, on a fake clock: no test sleeps; waits are read from the clock.</summary>
    public sealed class TaxonomyRetryTests
    {
        private readonly IErrorTaxonomy _taxonomy = TestTaxonomies.Default;
        private readonly ManualTimeProvider _time = new();

        [Fact]
        public async Task Never_IsNotRetried()
        {
            int attempts = 0;

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(Options(), () => { attempts++; throw Error("PERMISSION_DENIED"); }));

            Assert.Equal(1, attempts);
            Assert.Empty(_time.Delays);
        }

        [Fact]
        public async Task Transient_BacksOffExponentially_UpToMaxRetryAttempts()
        {
            int attempts = 0;
            var options = Options();
            options.UseJitter = false;

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(options, () => { attempts++; throw Error("SERVICE_UNAVAILABLE"); }));

            Assert.Equal(4, attempts);
            Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8) }, _time.Delays);
        }

        [Fact]
        public async Task Transient_WithJitter_BacksOffWithinMaxDelay()
        {
            var options = Options();

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(options, () => throw Error("SERVICE_UNAVAILABLE")));

            Assert.Equal(3, _time.Delays.Count);
            Assert.All(_time.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), options.MaxDelay));
        }

        [Fact]
        public async Task Transient_Recovers()
        {
            int attempts = 0;

            int result = await Run(Options(), () => ++attempts < 3 ? throw Error("SERVICE_UNAVAILABLE") : attempts);

            Assert.Equal(3, result);
        }

        [Fact]
        public async Task Transient_WithAServerDelay_WaitsIt()
        {
            int attempts = 0;

            await Run(Options(), () => ++attempts == 1 ? throw Error("SERVICE_UNAVAILABLE", TimeSpan.FromSeconds(5)) : 0);

            Assert.Equal(new[] { TimeSpan.FromSeconds(5) }, _time.Delays);
        }

        [Fact]
        public async Task Throttled_WaitsTheServersDelay()
        {
            int attempts = 0;

            await Run(Options(), () => ++attempts == 1 ? throw Error("TOO_MANY_REQUESTS", TimeSpan.FromSeconds(1)) : 0);

            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, _time.Delays);
        }

        [Fact]
        public async Task Throttled_ServerDelay_IsCappedByMaxDelay()
        {
            int attempts = 0;
            var options = Options();
            options.MaxDelay = TimeSpan.FromSeconds(10);

            await Run(options, () => ++attempts == 1 ? throw Error("TOO_MANY_REQUESTS", TimeSpan.FromHours(1)) : 0);

            Assert.Equal(new[] { TimeSpan.FromSeconds(10) }, _time.Delays);
        }

        [Fact]
        public async Task Throttled_WithoutAServerDelay_BacksOff()
        {
            int attempts = 0;
            var options = Options();
            options.UseJitter = false;

            await Run(options, () => ++attempts == 1 ? throw Error("TOO_MANY_REQUESTS") : 0);

            Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, _time.Delays);
        }

        [Fact]
        public async Task Throttled_AndTransient_HaveSeparateBudgets()
        {
            int attempts = 0;
            var options = Options();
            options.UseJitter = false;
            options.MaxDelay = TimeSpan.FromMinutes(5);

            // Three rate limits (each with the server's delay), then transient failures until the transient budget ends.
            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(options, () =>
                ++attempts <= 3 ? throw Error("TOO_MANY_REQUESTS", TimeSpan.FromSeconds(attempts)) : throw Error("SERVICE_UNAVAILABLE")));

            Assert.Equal("SERVICE_UNAVAILABLE", error.Reason);
            Assert.Equal(1 + 3 + 3, attempts);
            Assert.Equal(6, _time.Delays.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3) }, _time.Delays.Take(3));
        }

        [Fact]
        public async Task Throttled_StopsAtItsOwnBudget()
        {
            int attempts = 0;
            var options = Options();
            options.MaxThrottledRetryAttempts = 2;

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(options, () => { attempts++; throw Error("TOO_MANY_REQUESTS", TimeSpan.FromSeconds(1)); }));

            Assert.Equal(3, attempts);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }, _time.Delays);
        }

        [Fact]
        public async Task A_zero_budget_turns_off_that_kind_of_retry_only()
        {
            var options = Options();
            options.MaxThrottledRetryAttempts = 0;
            int attempts = 0;

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(options, () => { attempts++; throw Error("TOO_MANY_REQUESTS", TimeSpan.FromSeconds(1)); }));
            Assert.Equal(1, attempts);

            attempts = 0;
            Assert.Equal(2, await Run(options, () => ++attempts == 1 ? throw Error("SERVICE_UNAVAILABLE") : attempts));

            options.MaxRetryAttempts = -1;
            Assert.Throws<ArgumentOutOfRangeException>(() => Pipeline(options));
        }

        [Fact]
        public async Task Reauthenticate_RefreshesCredentials_ThenRetriesOnce()
        {
            int attempts = 0;
            var refreshed = new List<string>();
            var options = Options();
            options.RefreshCredentials = args =>
            {
                refreshed.Add(args.Reason);
                return default;
            };

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(options, () => { attempts++; throw Error("UNAUTHENTICATED"); }));

            Assert.Equal(2, attempts);
            Assert.Equal(new[] { "UNAUTHENTICATED" }, refreshed);
            Assert.Empty(_time.Delays);
        }

        [Fact]
        public async Task Reauthenticate_RefreshFailure_EndsTheExecution()
        {
            int attempts = 0;
            var options = Options();
            options.RefreshCredentials = _ => throw new InvalidOperationException("token endpoint down");

            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(options, () => { attempts++; throw Error("UNAUTHENTICATED"); }));

            Assert.Equal("token endpoint down", thrown.Message);
            Assert.Equal(1, attempts);
        }

        [Fact]
        public async Task Reauthenticate_WithoutARefresh_IsNotRetried()
        {
            int attempts = 0;

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(Options(), () => { attempts++; throw Error("UNAUTHENTICATED"); }));

            Assert.Equal(1, attempts);
        }

        [Fact]
        public async Task NonIdempotent_TransientIsNotRetried_ThrottledStillIs()
        {
            var options = Options();
            options.IsIdempotent = false;
            int transientAttempts = 0;
            int throttledAttempts = 0;

            await Assert.ThrowsAnyAsync<TaxonomyException>(() => Run(options, () => { transientAttempts++; throw Error("SERVICE_UNAVAILABLE"); }));
            await Run(options, () => ++throttledAttempts == 1 ? throw Error("TOO_MANY_REQUESTS", TimeSpan.FromSeconds(1)) : 0);

            Assert.Equal(1, transientAttempts);
            Assert.Equal(2, throttledAttempts);
        }

        [Fact]
        public async Task PerCallProperty_MarksOneCallNonIdempotent()
        {
            var pipeline = Pipeline(Options());
            var context = ResilienceContextPool.Shared.Get();
            context.Properties.Set(TaxonomyRetryProperties.IsIdempotent, false);
            int attempts = 0;

            await Assert.ThrowsAnyAsync<TaxonomyException>(async () =>
                await pipeline.ExecuteAsync<int>(_ => { attempts++; throw Error("SERVICE_UNAVAILABLE"); }, context));
            ResilienceContextPool.Shared.Return(context);

            Assert.Equal(1, attempts);
        }

        [Fact]
        public async Task OutsideTheTaxonomy_IsClassifiedThroughTheHttpAdapter()
        {
            int attempts = 0;
            var options = Options();
            options.Taxonomy = _taxonomy;

            await Assert.ThrowsAsync<HttpRequestException>(() => Run(options, () => { attempts++; throw new HttpRequestException("refused", new System.Net.Sockets.SocketException(111)); }));

            Assert.Equal(4, attempts);
        }

        [Fact]
        public async Task OutsideTheTaxonomy_WithoutATaxonomy_IsNotRetried()
        {
            int attempts = 0;

            await Assert.ThrowsAsync<HttpRequestException>(() => Run(Options(), () => { attempts++; throw new HttpRequestException("refused"); }));

            Assert.Equal(1, attempts);
        }

        [Fact]
        public async Task HttpClientTimeout_IsRetriedAsTransient()
        {
            int attempts = 0;
            var options = Options();
            options.Taxonomy = _taxonomy;

            await Run(options, () => ++attempts == 1 ? throw new TaskCanceledException("timeout", new TimeoutException()) : 0);

            Assert.Equal(2, attempts);
        }

        [Fact]
        public async Task CallersCancellation_IsNotRetried()
        {
            int attempts = 0;
            var options = Options();
            options.Taxonomy = _taxonomy;

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(options, () => { attempts++; throw new OperationCanceledException(); }));

            Assert.Equal(1, attempts);
        }

        [Fact]
        public async Task OnRetry_CarriesTheReasonPolicyAndDelay()
        {
            var seen = new List<(string Reason, RetryPolicy Policy, int Attempt, TimeSpan Delay)>();
            var options = Options();
            options.OnRetry = args =>
            {
                seen.Add((args.Reason, args.Policy, args.AttemptNumber, args.RetryDelay));
                return default;
            };
            int attempts = 0;

            await Run(options, () => ++attempts == 1 ? throw Error("TOO_MANY_REQUESTS", TimeSpan.FromSeconds(3)) : 0);

            Assert.Equal(new[] { ("TOO_MANY_REQUESTS", RetryPolicy.Throttled, 0, TimeSpan.FromSeconds(3)) }, seen);
        }

        [Fact]
        public async Task GenericPipeline_RetriesExceptionsOnly()
        {
            int attempts = 0;
            var pipeline = new ResiliencePipelineBuilder<int> { TimeProvider = _time }.AddTaxonomyRetry(Options()).Build();

            int result = await pipeline.ExecuteAsync(_ => ++attempts == 1 ? throw Error("SERVICE_UNAVAILABLE") : ValueTask.FromResult(-1), CancellationToken.None);

            Assert.Equal(-1, result);
            Assert.Equal(2, attempts);
        }

        private static TaxonomyRetryOptions Options() => new();

        private TaxonomyException Error(string reason, TimeSpan? retryAfter = null) =>
            _taxonomy.Create(reason, null, new TaxonomyExceptionOptions(retryAfter: retryAfter))!;

        private ResiliencePipeline Pipeline(TaxonomyRetryOptions options) =>
            new ResiliencePipelineBuilder { TimeProvider = _time }.AddTaxonomyRetry(options).Build();

        private async Task<int> Run(TaxonomyRetryOptions options, Func<int> attempt) =>
            await Pipeline(options).ExecuteAsync(_ => ValueTask.FromResult(attempt()), CancellationToken.None);
    }
}
