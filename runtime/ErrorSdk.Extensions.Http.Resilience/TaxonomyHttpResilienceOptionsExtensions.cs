using System;
using System.Threading.Tasks;
using ErrorSdk.Http;
using ErrorSdk.Polly;
using Microsoft.Extensions.Http.Resilience;

namespace ErrorSdk.Extensions.Http.Resilience
{
    /// <summary>
    /// Configures the strategy options of Microsoft.Extensions.Http.Resilience from a taxonomy: what is retried, hedged or
    /// counted by the circuit breaker comes from each failure's kind (<see cref="TaxonomyException.Retry"/>), read from the
    /// exception or the error response of the attempt (<see cref="HttpErrors"/>). Use them in
    /// <c>AddResilienceHandler("name", b => b.AddRetry(new HttpRetryStrategyOptions().UseTaxonomy(taxonomy)))</c>, or let
    /// <see cref="Microsoft.Extensions.DependencyInjection.TaxonomyResilienceHttpClientBuilderExtensions"/> do it for the
    /// standard handlers.
    /// </summary>
    public static class TaxonomyHttpResilienceOptionsExtensions
    {
        /// <summary>
        /// Retries what the kind's policy allows, within ErrorSdk's budgets (<see cref="TaxonomyRetryOptions.MaxRetryAttempts"/>
        /// for <c>transient</c> kinds, <see cref="TaxonomyRetryOptions.MaxThrottledRetryAttempts"/> for <c>throttled</c> ones):
        /// a <c>never</c> kind (an answered 404, a local request bug, a problem document's terminal reason) is never
        /// retried; a throttled kind waits its <see cref="TaxonomyException.RetryAfter"/> (Retry-After, RateLimit/X-RateLimit
        /// reset, a problem document's <c>retryAfter</c>), capped by <see cref="TaxonomyRetryOptions.MaxDelay"/>; anything
        /// without a server delay keeps the options' own backoff (<c>Delay</c>,
        /// <c>BackoffType</c>, jitter). A <c>reauthenticate</c> kind is
        /// retried once after <see cref="TaxonomyRetryOptions.RefreshCredentials"/>, when set. An OnRetry already set still runs.
        /// </summary>
        /// <param name="options">The retry options to configure (those of the standard handler, or new ones).</param>
        /// <param name="taxonomy">The taxonomy that classifies each attempt.</param>
        /// <param name="configure">Budgets, the delay cap and hooks; <see cref="TaxonomyRetryOptions.Taxonomy"/> is set to <paramref name="taxonomy"/>.</param>
        public static HttpRetryStrategyOptions UseTaxonomy(this HttpRetryStrategyOptions options, IErrorTaxonomy taxonomy, Action<TaxonomyRetryOptions>? configure = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            var retry = new TaxonomyRetryOptions { Taxonomy = taxonomy };
            configure?.Invoke(retry);
            retry.Taxonomy = taxonomy;
            var decider = new TaxonomyRetryDecider(retry);

            // The taxonomy's delay replaces the Retry-After reader of the options (it reads Retry-After and more, never early).
            options.ShouldRetryAfterHeader = false;
            options.MaxRetryAttempts = (int)Math.Max(1, Math.Min(int.MaxValue, (long)retry.MaxRetryAttempts + retry.MaxThrottledRetryAttempts + 1));
            options.ShouldHandle = async args =>
                await HttpOutcomeClassifier.ClassifyAsync(taxonomy, args.Outcome, args.Context).ConfigureAwait(false) is { } error && decider.ShouldRetry(error, args.Context);
            options.DelayGenerator = async args =>
                await HttpOutcomeClassifier.ClassifyAsync(taxonomy, args.Outcome, args.Context).ConfigureAwait(false) is { } error ? decider.DelayFor(error, args.Context) : null;
            var earlier = options.OnRetry;
            options.OnRetry = async args =>
            {
                if (await HttpOutcomeClassifier.ClassifyAsync(taxonomy, args.Outcome, args.Context).ConfigureAwait(false) is { } error)
                {
                    await decider.OnRetryAsync(error, args.Context, args.AttemptNumber, args.RetryDelay).ConfigureAwait(false);
                }

                if (earlier is not null)
                {
                    await earlier(args).ConfigureAwait(false);
                }
            };
            return options;
        }

        /// <summary>
        /// Counts toward opening the circuit only the failures that say something about the upstream's health:
        /// <c>transient</c> and <c>throttled</c> kinds (5xx, 408, 429 and rate-limit 403s, timeouts, refused connections). An
        /// answered 4xx or a local request bug (<c>never</c>) does not open the circuit for everyone else.
        /// </summary>
        public static HttpCircuitBreakerStrategyOptions UseTaxonomy(this HttpCircuitBreakerStrategyOptions options, IErrorTaxonomy taxonomy)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            options.ShouldHandle = async args =>
                await HttpOutcomeClassifier.ClassifyAsync(taxonomy, args.Outcome, args.Context).ConfigureAwait(false) is { Retry: RetryPolicy.Transient or RetryPolicy.Throttled };
            return options;
        }

        /// <summary>
        /// Hedges (sends a parallel attempt, possibly to another endpoint) only for <c>transient</c> kinds: not for a
        /// throttled kind (a second request makes the rate limit worse) and never for a terminal one.
        /// </summary>
        public static HttpHedgingStrategyOptions UseTaxonomy(this HttpHedgingStrategyOptions options, IErrorTaxonomy taxonomy)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            options.ShouldHandle = async args =>
                await HttpOutcomeClassifier.ClassifyAsync(taxonomy, args.Outcome, args.Context).ConfigureAwait(false) is { Retry: RetryPolicy.Transient };
            return options;
        }
    }
}
