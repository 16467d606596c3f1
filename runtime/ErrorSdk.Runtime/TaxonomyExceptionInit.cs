using System;
using System.ComponentModel;
using ErrorSdk.Safety;

namespace ErrorSdk
{
    /// <summary>
    /// How a <see cref="TaxonomyException"/> comes to be: raised locally from field values, or promoted from a
    /// received status. Generated constructors pass it down the class chain; user code does not need it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct TaxonomyExceptionInit
    {
        private TaxonomyExceptionInit(string message, TimeSpan? retryAfter, string? developerMessage, Exception? innerException, ReceivedError? received)
        {
            Message = message;
            RetryAfter = retryAfter;
            DeveloperMessage = developerMessage;
            InnerException = innerException;
            Received = received;
        }

        internal string Message { get; }

        internal TimeSpan? RetryAfter { get; }

        internal string? DeveloperMessage { get; }

        internal Exception? InnerException { get; }

        internal ReceivedError? Received { get; }

        /// <summary>A locally raised error with its rendered message.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
        public static TaxonomyExceptionInit Local(string message, TimeSpan? retryAfter, string? developerMessage, Exception? innerException)
        {
            if (retryAfter is { } delay && delay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(retryAfter), "A retry delay cannot be negative.");
            }

            return new TaxonomyExceptionInit(
                message ?? string.Empty,
                retryAfter,
                developerMessage is null ? null : TextSanitizer.Sanitize(developerMessage),
                innerException,
                null);
        }

        /// <summary>An error promoted from a received status.</summary>
        public static TaxonomyExceptionInit Promoted(ReceivedError received)
        {
            if (received is null)
            {
                throw new ArgumentNullException(nameof(received));
            }

            return new TaxonomyExceptionInit(received.Message, received.RetryDelay, received.DebugDetail, null, received);
        }
    }
}
