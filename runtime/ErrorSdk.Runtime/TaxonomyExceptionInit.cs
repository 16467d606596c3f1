using System;
using System.ComponentModel;
using ErrorSdk.Safety;
using Google.Protobuf.WellKnownTypes;

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

        /// <summary>The longest delay a <c>google.protobuf.Duration</c> carries: <see cref="Duration.MaxSeconds"/> seconds.</summary>
        internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(Duration.MaxSeconds);

        internal TimeSpan? RetryAfter { get; }

        internal string? DeveloperMessage { get; }

        internal Exception? InnerException { get; }

        internal ReceivedError? Received { get; }

        /// <summary>A locally raised error with its rendered message.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// <paramref name="retryAfter"/> is negative, or longer than a <c>google.protobuf.Duration</c> can carry
        /// (315,576,000,000 s, about 10,000 years): such a delay could not cross the wire and would be lost on receipt.
        /// </exception>
        public static TaxonomyExceptionInit Local(string message, TimeSpan? retryAfter, string? developerMessage, Exception? innerException)
        {
            if (retryAfter is { } delay && delay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(retryAfter), "A retry delay cannot be negative.");
            }

            if (retryAfter is { } tooLong && tooLong > MaxRetryAfter)
            {
                throw new ArgumentOutOfRangeException(nameof(retryAfter), "A retry delay cannot be longer than a google.protobuf.Duration can carry (315,576,000,000 s).");
            }

            return new TaxonomyExceptionInit(
                message ?? string.Empty,
                retryAfter,
                developerMessage is null ? null : TextSanitizer.Sanitize(developerMessage),
                innerException,
                null);
        }

        /// <summary>An error promoted from a received status (its inner exception: the cause given to <see cref="TaxonomyPromotion"/>, if any).</summary>
        public static TaxonomyExceptionInit Promoted(ReceivedError received)
        {
            if (received is null)
            {
                throw new ArgumentNullException(nameof(received));
            }

            return new TaxonomyExceptionInit(received.Message, received.RetryAfter, received.DebugDetail, TaxonomyPromotion.CurrentCause, received);
        }
    }
}
