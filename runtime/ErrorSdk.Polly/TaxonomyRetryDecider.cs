using System;
using System.Threading.Tasks;
using ErrorSdk.Diagnostics;
using ErrorSdk.Http;
using Microsoft.Extensions.Logging;
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
        private readonly ILogger? _logger;

        public TaxonomyRetryDecider(TaxonomyRetryOptions options)
        {
            _options = options;
            _logger = options.LoggerFactory?.CreateLogger("ErrorSdk.Polly");
        }

        public bool ShouldRetry(Exception? exception, ResilienceContext context)
        {
            if (Classify(exception, context) is not { } error)
            {
                return false;
            }

            var decision = error.Retry switch
            {
                RetryPolicy.Transient when !IsIdempotent(context) => RetryDecision.GaveUpTerminal,
                RetryPolicy.Transient => WithinBudget(context.Properties.GetValue(TransientRetries, 0) < _options.MaxRetryAttempts),
                RetryPolicy.Throttled => WithinBudget(context.Properties.GetValue(ThrottledRetries, 0) < _options.MaxThrottledRetryAttempts),
                RetryPolicy.Reauthenticate when _options.RefreshCredentials is null => RetryDecision.GaveUpTerminal,
                RetryPolicy.Reauthenticate => WithinBudget(context.Properties.GetValue(Reauthentications, 0) == 0),
                _ => RetryDecision.GaveUpTerminal,
            };
            if (decision != RetryDecision.Retried)
            {
                // A retry is recorded in OnRetryAsync, once Polly has committed to it and knows the delay.
                RecordGiveUp(error, decision);
            }

            return decision == RetryDecision.Retried;
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

            RecordRetry(error, attemptNumber, delay);
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

        private static RetryDecision WithinBudget(bool withinBudget) => withinBudget ? RetryDecision.Retried : RetryDecision.GaveUpBudget;

        // The delay's source, as DelayFor chose it: the server's delay wins over the backoff; reauthentication waits nothing.
        private static RetryDelaySource SourceOf(TaxonomyException error) =>
            error.Retry == RetryPolicy.Reauthenticate ? RetryDelaySource.None : error.RetryAfter is not null ? RetryDelaySource.Server : RetryDelaySource.Backoff;

        private void RecordRetry(TaxonomyException error, int attemptNumber, TimeSpan delay)
        {
            var source = SourceOf(error);
            ErrorTelemetry.RecordRetryDecision(error, RetryDecision.Retried);
            ErrorTelemetry.RecordRetryDelay(error, delay, source);
            if (_logger is not null && _logger.IsEnabled(LogLevel.Information))
            {
                using (_logger.BeginScope(error.ToLogScope()))
                {
                    TaxonomyRetryLog.Retrying(_logger, ErrorTelemetry.ErrorTypeOf(error), error.Retry, delay, source == RetryDelaySource.Server ? "server" : source == RetryDelaySource.None ? "none" : "backoff", attemptNumber);
                }
            }
        }

        private void RecordGiveUp(TaxonomyException error, RetryDecision decision)
        {
            ErrorTelemetry.RecordRetryDecision(error, decision);
            var level = decision == RetryDecision.GaveUpBudget ? LogLevel.Warning : LogLevel.Debug;
            if (_logger is not null && _logger.IsEnabled(level))
            {
                using (_logger.BeginScope(error.ToLogScope()))
                {
                    if (decision == RetryDecision.GaveUpBudget)
                    {
                        TaxonomyRetryLog.RetryBudgetSpent(_logger, ErrorTelemetry.ErrorTypeOf(error), error.Retry);
                    }
                    else
                    {
                        TaxonomyRetryLog.NotRetried(_logger, ErrorTelemetry.ErrorTypeOf(error), error.Retry);
                    }
                }
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
            // A typed error was recorded where it was received; one classified here from a raw failure is received here.
            var typed = ErrorChain.Find<TaxonomyException>(exception);
            if (typed is not null || _options.Taxonomy is not { } taxonomy)
            {
                return typed;
            }

            // An attempt timeout from a Polly timeout strategy inside this retry is the taxonomy's timeout kind.
            if (exception is TimeoutRejectedException)
            {
                return ErrorTelemetry.RecordReceived(HttpErrors.ForTransport(taxonomy, HttpTransportFailure.Timeout, exception));
            }

            return HttpErrors.FromException(taxonomy, exception, null) is { } error ? ErrorTelemetry.RecordReceived(error) : null;
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
