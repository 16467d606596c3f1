using System;
using System.Threading.Tasks;

namespace ErrorSdk.Polly
{
    /// <summary>
    /// Options of the taxonomy-driven retry strategy (<see cref="TaxonomyRetryPipelineBuilderExtensions.AddTaxonomyRetry(global::Polly.ResiliencePipelineBuilder, TaxonomyRetryOptions)"/>).
    /// The defaults follow .NET's standard HTTP resilience handler: 3 retries, exponential backoff from 2 s with jitter.
    /// </summary>
    public sealed class TaxonomyRetryOptions
    {
        /// <summary>
        /// The taxonomy used to classify exceptions that are not <see cref="TaxonomyException"/>s (an
        /// <c>HttpRequestException</c>, <c>HttpClient.Timeout</c>'s <c>TaskCanceledException</c>, Polly's
        /// <c>TimeoutRejectedException</c>) through the HTTP adapter. When null, such exceptions are not retried.
        /// </summary>
        public IErrorTaxonomy? Taxonomy { get; set; }

        /// <summary>
        /// The most retries of <c>transient</c> kinds in one execution (default 3). <c>throttled</c> kinds have their own
        /// budget, <see cref="MaxThrottledRetryAttempts"/>; a <c>reauthenticate</c> kind is retried once at most.
        /// </summary>
        public int MaxRetryAttempts { get; set; } = 3;

        /// <summary>
        /// The most retries of <c>throttled</c> kinds in one execution (default 3), counted apart from
        /// <see cref="MaxRetryAttempts"/>: a burst of rate limits, each retried after the server's delay, does not use
        /// up the retries a network failure needs, nor the other way round (AWS SDKs keep the same separation).
        /// </summary>
        public int MaxThrottledRetryAttempts { get; set; } = 3;

        /// <summary>The median delay before the first backoff retry (default 2 s); it grows exponentially.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>
        /// The longest wait before a retry (default 30 s): it caps the backoff and the server's delay. A server
        /// that asks for longer is retried after this cap; read <see cref="TaxonomyException.RetryAfter"/> to do otherwise.
        /// </summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Whether backoff delays are jittered (default true): clients that failed together do not retry together.</summary>
        public bool UseJitter { get; set; } = true;

        /// <summary>
        /// Whether the guarded operation may run twice (default true). When false, <c>transient</c> kinds (which
        /// may have reached the server) are not retried; <c>throttled</c> and <c>reauthenticate</c> kinds, which the
        /// server rejected before doing anything, still are. A call can override it with
        /// <see cref="TaxonomyRetryProperties.IsIdempotent"/>.
        /// </summary>
        public bool IsIdempotent { get; set; } = true;

        /// <summary>
        /// Refreshes the caller's credentials before a <c>reauthenticate</c> kind is retried (once). When null,
        /// such kinds are not retried. An exception it throws ends the execution.
        /// </summary>
        public Func<TaxonomyRetryArguments, ValueTask>? RefreshCredentials { get; set; }

        /// <summary>Called before each retry's delay with the reason, the policy, the attempt and the delay (telemetry).</summary>
        public Func<TaxonomyRetryArguments, ValueTask>? OnRetry { get; set; }

        /// <summary>
        /// Where the retry logs its decisions (category <c>ErrorSdk.Polly</c>): a retry at Information, a budget spent at
        /// Warning, a terminal error at Debug, each inside the error's <see cref="TaxonomyException.ToLogScope"/>. When
        /// null (the default) it does not log; the <c>ErrorSdk</c> meter counts the decisions either way.
        /// </summary>
        public global::Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>The strategy's name in Polly's telemetry (default <c>TaxonomyRetry</c>).</summary>
        public string Name { get; set; } = "TaxonomyRetry";
    }
}
