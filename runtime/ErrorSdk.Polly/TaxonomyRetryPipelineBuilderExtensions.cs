using System;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace ErrorSdk.Polly
{
    /// <summary>Adds the taxonomy-driven retry to Polly v8 pipelines.</summary>
    public static class TaxonomyRetryPipelineBuilderExtensions
    {
        /// <summary>
        /// Adds a retry whose decisions come from each error's kind: <c>never</c> is not retried; <c>transient</c>
        /// backs off exponentially with jitter (not when the call is marked non-idempotent); <c>throttled</c> waits
        /// the server's delay capped by <see cref="TaxonomyRetryOptions.MaxDelay"/>, else backs off (each within its own
        /// budget: <see cref="TaxonomyRetryOptions.MaxRetryAttempts"/>, <see cref="TaxonomyRetryOptions.MaxThrottledRetryAttempts"/>);
        /// <c>reauthenticate</c> runs <see cref="TaxonomyRetryOptions.RefreshCredentials"/> and retries once.
        /// Exceptions outside the taxonomy are classified through the HTTP adapter when
        /// <see cref="TaxonomyRetryOptions.Taxonomy"/> is set, else not retried. Waits use the builder's
        /// <see cref="ResiliencePipelineBuilderBase.TimeProvider"/>.
        /// </summary>
        public static ResiliencePipelineBuilder AddTaxonomyRetry(this ResiliencePipelineBuilder builder, TaxonomyRetryOptions options)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            return builder.AddRetry(Fill<RetryStrategyOptions, object>(new RetryStrategyOptions(), options ?? throw new ArgumentNullException(nameof(options))));
        }

        /// <summary>
        /// Adds the taxonomy-driven retry to a pipeline of <typeparamref name="TResult"/>; only failed outcomes
        /// (exceptions) are classified, results are never retried. See
        /// <see cref="AddTaxonomyRetry(ResiliencePipelineBuilder, TaxonomyRetryOptions)"/>.
        /// </summary>
        public static ResiliencePipelineBuilder<TResult> AddTaxonomyRetry<
#if NET8_0_OR_GREATER
            [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)]
#endif
            TResult>(this ResiliencePipelineBuilder<TResult> builder, TaxonomyRetryOptions options)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            return builder.AddRetry(Fill<RetryStrategyOptions<TResult>, TResult>(new RetryStrategyOptions<TResult>(), options ?? throw new ArgumentNullException(nameof(options))));
        }

        private static TOptions Fill<TOptions, TResult>(TOptions retry, TaxonomyRetryOptions options)
            where TOptions : RetryStrategyOptions<TResult>
        {
            if (options.MaxRetryAttempts < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetryAttempts, "MaxRetryAttempts cannot be negative.");
            }

            if (options.MaxThrottledRetryAttempts < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.MaxThrottledRetryAttempts, "MaxThrottledRetryAttempts cannot be negative.");
            }

            var decider = new TaxonomyRetryDecider(options);
            retry.Name = options.Name;

            // Polly's own cap is the sum of the budgets (and the one reauthentication); the decider keeps each budget.
            retry.MaxRetryAttempts = (int)Math.Min(int.MaxValue, (long)options.MaxRetryAttempts + options.MaxThrottledRetryAttempts + 1);
            retry.BackoffType = DelayBackoffType.Exponential;
            retry.UseJitter = options.UseJitter;
            retry.Delay = options.BaseDelay;
            retry.MaxDelay = options.MaxDelay;
            retry.ShouldHandle = args => new ValueTask<bool>(decider.ShouldRetry(args.Outcome.Exception, args.Context));
            retry.DelayGenerator = args => new ValueTask<TimeSpan?>(decider.DelayFor(args.Outcome.Exception, args.Context));
            retry.OnRetry = args => decider.OnRetryAsync(args.Outcome.Exception, args.Context, args.AttemptNumber, args.RetryDelay);
            return retry;
        }
    }
}
