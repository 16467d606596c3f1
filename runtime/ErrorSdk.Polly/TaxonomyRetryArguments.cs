using System;
using Polly;

namespace ErrorSdk.Polly
{
    /// <summary>What the retry strategy tells <see cref="TaxonomyRetryOptions.OnRetry"/> and <see cref="TaxonomyRetryOptions.RefreshCredentials"/>.</summary>
    public readonly struct TaxonomyRetryArguments
    {
        /// <summary>Creates the arguments.</summary>
        public TaxonomyRetryArguments(ResilienceContext context, TaxonomyException error, Exception exception, int attemptNumber, TimeSpan retryDelay)
        {
            Context = context;
            Error = error;
            Exception = exception;
            AttemptNumber = attemptNumber;
            RetryDelay = retryDelay;
        }

        /// <summary>The execution's context; its <see cref="ResilienceContext.CancellationToken"/> is the caller's.</summary>
        public ResilienceContext Context { get; }

        /// <summary>The typed error that is retried (the exception itself, or its classification by the HTTP adapter).</summary>
        public TaxonomyException Error { get; }

        /// <summary>The exception the attempt failed with.</summary>
        public Exception Exception { get; }

        /// <summary>The stable reason of the retried error.</summary>
        public string Reason => Error.Reason;

        /// <summary>The retry policy of the retried error.</summary>
        public RetryPolicy Policy => Error.Retry;

        /// <summary>The zero-based number of the attempt that failed.</summary>
        public int AttemptNumber { get; }

        /// <summary>The wait before the next attempt.</summary>
        public TimeSpan RetryDelay { get; }
    }
}
