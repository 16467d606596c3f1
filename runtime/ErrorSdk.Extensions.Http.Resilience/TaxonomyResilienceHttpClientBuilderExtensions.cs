using System;
using ErrorSdk;
using ErrorSdk.Extensions.Http.Resilience;
using ErrorSdk.Polly;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>
    /// Drives the standard resilience and hedging handlers of Microsoft.Extensions.Http.Resilience from a taxonomy:
    /// <code>
    /// services.AddHttpClient("github")
    ///         .AddTaxonomyErrors(taxonomy)          // outermost: the caller gets typed exceptions
    ///         .AddStandardResilienceHandler()       // inside: retries, circuit breaker, timeouts
    ///         .UseTaxonomy(taxonomy);               // ... deciding by each failure's kind
    /// </code>
    /// </summary>
    public static class TaxonomyResilienceHttpClientBuilderExtensions
    {
        /// <summary>
        /// Makes the standard resilience handler's retry and circuit breaker decide by kind (see
        /// <see cref="TaxonomyHttpResilienceOptionsExtensions"/>); its rate limiter and timeouts stay as configured.
        /// Works whether <c>AddTaxonomyErrors</c> sits outside the handler (the handler sees raw responses and exceptions)
        /// or inside it (it sees typed exceptions).
        /// </summary>
        public static IHttpStandardResiliencePipelineBuilder UseTaxonomy(
            this IHttpStandardResiliencePipelineBuilder builder, IErrorTaxonomy taxonomy, Action<TaxonomyRetryOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            return builder.Configure(options =>
            {
                options.Retry.UseTaxonomy(taxonomy, configure);
                options.CircuitBreaker.UseTaxonomy(taxonomy);
            });
        }

        /// <summary>
        /// Makes the standard hedging handler hedge only <c>transient</c> kinds, and its per-endpoint circuit breaker count
        /// only upstream-health failures (see <see cref="TaxonomyHttpResilienceOptionsExtensions"/>).
        /// </summary>
        public static IStandardHedgingHandlerBuilder UseTaxonomy(this IStandardHedgingHandlerBuilder builder, IErrorTaxonomy taxonomy)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            return builder.Configure(options =>
            {
                options.Hedging.UseTaxonomy(taxonomy);
                options.Endpoint.CircuitBreaker.UseTaxonomy(taxonomy);
            });
        }
    }
}
