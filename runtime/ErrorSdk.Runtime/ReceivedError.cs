using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ErrorSdk.Wire;

namespace ErrorSdk
{
    /// <summary>
    /// What a received <see cref="Google.Rpc.Status"/> says, read once and never with an exception: the code,
    /// the message, the first ErrorInfo (of the taxonomy's domain if there is one), the retry delay and the debug
    /// detail. Everything that could not be read is listed in <see cref="Problems"/>; the raw status is kept.
    /// </summary>
    public sealed class ReceivedError
    {
        private static readonly IReadOnlyDictionary<string, string> NoMetadata =
            new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(0));

        private static readonly IReadOnlyList<string> NoProblems = Array.Empty<string>();

        internal ReceivedError(
            Google.Rpc.Status status,
            string? reason,
            string? domain,
            bool isTaxonomyDomain,
            IReadOnlyDictionary<string, string>? metadata,
            TimeSpan? retryDelay,
            string? debugDetail,
            IReadOnlyList<string>? problems)
        {
            Status = status;
            Reason = reason;
            Domain = domain;
            IsTaxonomyDomain = isTaxonomyDomain;
            Metadata = metadata ?? NoMetadata;
            RetryDelay = retryDelay;
            DebugDetail = debugDetail;
            Problems = problems ?? NoProblems;
        }

        /// <summary>The raw status, exactly as received.</summary>
        public Google.Rpc.Status Status { get; }

        /// <summary>The received code value (it may lie outside the known codes).</summary>
        public int CodeValue => Status.Code;

        /// <summary>The received message.</summary>
        public string Message => Status.Message ?? string.Empty;

        /// <summary>The reason of the ErrorInfo that was read, or null when the status carried none.</summary>
        public string? Reason { get; }

        /// <summary>The domain of the ErrorInfo that was read, or null when the status carried none.</summary>
        public string? Domain { get; }

        /// <summary>Whether the ErrorInfo that was read belongs to the taxonomy's domain.</summary>
        public bool IsTaxonomyDomain { get; }

        /// <summary>Every metadata entry of the ErrorInfo that was read.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }

        /// <summary>The RetryInfo delay, when one arrived and was valid.</summary>
        public TimeSpan? RetryDelay { get; }

        /// <summary>The DebugInfo detail, when the sender opted in to send one.</summary>
        public string? DebugDetail { get; }

        /// <summary>What could not be read (a malformed detail, a bad delay); empty when all was well-formed.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>
        /// Reads <paramref name="status"/> for the taxonomy of <paramref name="domain"/>. Never throws; a null status
        /// reads as an empty UNKNOWN status.
        /// </summary>
        public static ReceivedError Read(Google.Rpc.Status? status, string domain) => StatusDetails.Read(status, domain);

        /// <summary>The metadata value of <paramref name="key"/>, or null.</summary>
        public string? GetMetadata(string key) => Metadata.TryGetValue(key, out var value) ? value : null;
    }
}
