using System;
using System.Threading.Tasks;
using ErrorSdk.Http;
using Polly;
using Polly.Timeout;

namespace ErrorSdk.Polly
{
    /// <summary>Classifies a failed attempt and decides, from the kind's retry policy, whether and when to retry.</summary>
    internal sealed class TaxonomyRetryDecider
    {
        private static readonly ResiliencePropertyKey<Classified> LastClassified = new ResiliencePropertyKey<Classified>("ErrorSdk.Retry.Classified");
        private static readonly ResiliencePropertyKey<int> Reauthentications = new ResiliencePropertyKey<int>("ErrorSdk.Retry.Reauthentications");
        private static readonly ResiliencePropertyKey<int> TransientRetries = new ResiliencePropertyKey<int>("ErrorSdk.Retry.TransientRetries");
        private static readonly ResiliencePropertyKey<int> ThrottledRetries = new ResiliencePropertyKey<int>("ErrorSdk.Retry.ThrottledRetries");

        private readonly TaxonomyRetryOptions _options;

        public TaxonomyRetryDecider(TaxonomyRetryOptions options)
        {
            _options = options;
        }

        public bool ShouldRetry(Exception? exception, ResilienceContext context)
        {
            if (Classify(exception, context) is not { } error)
            {
                return false;
            }

            return error.Retry switch
            {
                RetryPolicy.Transient => IsIdempotent(context) && context.Properties.GetValue(TransientRetries, 0) < _options.MaxRetryAttempts,
                RetryPolicy.Throttled => context.Properties.GetValue(ThrottledRetries, 0) < _options.MaxThrottledRetryAttempts,
                RetryPolicy.Reauthenticate => _options.RefreshCredentials is not null && context.Properties.GetValue(Reauthentications, 0) == 0,
                _ => false,
            };
        }

        /// <summary>The delay that overrides the backoff, or null to keep Polly's exponential backoff with jitter.</summary>
        public TimeSpan? DelayFor(Exception? exception, ResilienceContext context)
        {
            if (Classify(exception, context) is not { } error)
            {
                return null;
            }

            if (error.Retry == RetryPolicy.Reauthenticate)
            {
                return TimeSpan.Zero;
            }

            // The server's delay (RetryInfo / Retry-After) wins over the backoff, capped by MaxDelay; never invented.
            return error.RetryAfter is { } delay ? (delay > _options.MaxDelay ? _options.MaxDelay : delay) : null;
        }

        public async ValueTask OnRetryAsync(Exception? exception, ResilienceContext context, int attemptNumber, TimeSpan delay)
        {
            if (exception is null || Classify(exception, context) is not { } error)
            {
                return;
            }

            var arguments = new TaxonomyRetryArguments(context, error, exception, attemptNumber, delay);
            if (error.Retry == RetryPolicy.Transient)
            {
                context.Properties.Set(TransientRetries, context.Properties.GetValue(TransientRetries, 0) + 1);
            }
            else if (error.Retry == RetryPolicy.Throttled)
            {
                context.Properties.Set(ThrottledRetries, context.Properties.GetValue(ThrottledRetries, 0) + 1);
            }

            if (error.Retry == RetryPolicy.Reauthenticate && _options.RefreshCredentials is { } refresh)
            {
                context.Properties.Set(Reauthentications, context.Properties.GetValue(Reauthentications, 0) + 1);
                await refresh(arguments).ConfigureAwait(false);
            }

            if (_options.OnRetry is { } onRetry)
            {
                await onRetry(arguments).ConfigureAwait(false);
            }
        }

        private bool IsIdempotent(ResilienceContext context) =>
            context.Properties.TryGetValue(TaxonomyRetryProperties.IsIdempotent, out bool idempotent) ? idempotent : _options.IsIdempotent;

        // Classified once per failed attempt: ShouldHandle, DelayGenerator and OnRetry see the same typed error.
        private TaxonomyException? Classify(Exception? exception, ResilienceContext context)
        {
            if (exception is null)
            {
                return null;
            }

            if (context.Properties.TryGetValue(LastClassified, out var last) && ReferenceEquals(last.Source, exception))
            {
                return last.Error;
            }

            var error = ClassifyUncached(exception);
            context.Properties.Set(LastClassified, new Classified(exception, error));
            return error;
        }

        private TaxonomyException? ClassifyUncached(Exception exception)
        {
            if (_options.Taxonomy is not { } taxonomy)
            {
                return ErrorChain.Find<TaxonomyException>(exception);
            }

            // An attempt timeout from a Polly timeout strategy inside this retry is the taxonomy's timeout kind.
            if (exception is TimeoutRejectedException)
            {
                return HttpErrors.ForTransport(taxonomy, HttpTransportFailure.Timeout, exception);
            }

            return HttpErrors.FromException(taxonomy, exception, null);
        }

        private sealed class Classified
        {
            public Classified(Exception source, TaxonomyException? error)
            {
                Source = source;
                Error = error;
            }

            public Exception Source { get; }

            public TaxonomyException? Error { get; }
        }
    }
}
