using System;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Polly
{
    /// <summary>The retry's log messages (source-generated); the values are bounded and outward-safe.</summary>
    internal static partial class TaxonomyRetryLog
    {
        [LoggerMessage(EventId = 1, EventName = "Retrying", Level = LogLevel.Information,
            Message = "Retrying {ErrorReason} ({RetryPolicy}) after {RetryDelay} ({DelaySource}), attempt {AttemptNumber}.")]
        public static partial void Retrying(ILogger logger, string errorReason, RetryPolicy retryPolicy, TimeSpan retryDelay, string delaySource, int attemptNumber);

        [LoggerMessage(EventId = 2, EventName = "RetryBudgetSpent", Level = LogLevel.Warning,
            Message = "Gave up on {ErrorReason} ({RetryPolicy}): the retry budget is spent.")]
        public static partial void RetryBudgetSpent(ILogger logger, string errorReason, RetryPolicy retryPolicy);

        [LoggerMessage(EventId = 3, EventName = "NotRetried", Level = LogLevel.Debug,
            Message = "Did not retry {ErrorReason} ({RetryPolicy}): terminal for this call.")]
        public static partial void NotRetried(ILogger logger, string errorReason, RetryPolicy retryPolicy);
    }
}
