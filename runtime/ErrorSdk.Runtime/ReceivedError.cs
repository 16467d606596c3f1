using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using ErrorSdk.Wire;

namespace ErrorSdk
{
    /// <summary>
    /// What a received <see cref="Google.Rpc.Status"/> says, read once and never with an exception: the code,
    /// the message, one ErrorInfo (the taxonomy's first, else the first foreign one), the retry delay and the debug
    /// detail. Everything that could not be read is listed in <see cref="Problems"/>; the raw status is kept (an error
    /// promoted from it exposes it as <see cref="TaxonomyException.ReceivedStatus"/>).
    /// </summary>
    public sealed class ReceivedError
    {
        private static readonly IReadOnlyDictionary<string, string> NoMetadata =
            new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(0));

        private static readonly IReadOnlyList<string> NoProblems = Array.Empty<string>();

        internal ReceivedError(
            Google.Rpc.Status status,
            string message,
            string? reason,
            string? domain,
            bool isTaxonomyDomain,
            IReadOnlyDictionary<string, string>? metadata,
            TimeSpan? retryAfter,
            string? debugDetail,
            IReadOnlyList<string>? problems,
            bool hasLaterErrorInfo = false)
        {
            Status = status;
            Message = message;
            Reason = reason;
            Domain = domain;
            IsTaxonomyDomain = isTaxonomyDomain;
            Metadata = metadata ?? NoMetadata;
            RetryAfter = retryAfter;
            DebugDetail = debugDetail;
            Problems = problems ?? NoProblems;
            HasLaterErrorInfo = hasLaterErrorInfo;
        }

        /// <summary>The raw status, exactly as received (public as <see cref="TaxonomyException.ReceivedStatus"/>).</summary>
        internal Google.Rpc.Status Status { get; }

        /// <summary>The received code; it may lie outside the named <see cref="Google.Rpc.Code"/> values, as a peer sent it.</summary>
        public Google.Rpc.Code Code => (Google.Rpc.Code)Status.Code;

        /// <summary>
        /// The received message as it arrived, cut at <see cref="WireLimits.MaxMessageLength"/> (and then marked). It is the
        /// peer's text: <see cref="TaxonomyException.OutwardMessage"/> is the scrubbed form that may be sent on.
        /// </summary>
        public string Message { get; }

        /// <summary>
        /// The reason of the ErrorInfo that was read, or null when the status carried none. Like the domain and the
        /// metadata keys, cut at <see cref="WireLimits.MaxIdentifierLength"/>.
        /// </summary>
        public string? Reason { get; }

        /// <summary>The domain of the ErrorInfo that was read, or null when the status carried none.</summary>
        public string? Domain { get; }

        /// <summary>Whether the ErrorInfo that was read belongs to the taxonomy's domain.</summary>
        public bool IsTaxonomyDomain { get; }

        /// <summary>
        /// Every metadata entry of the ErrorInfo that was read, up to <see cref="WireLimits.MaxMetadataEntries"/> keys,
        /// values cut at <see cref="WireLimits.MaxMetadataValueLength"/>. Values are kept verbatim otherwise (they are the
        /// kind's non-sensitive fields).
        /// </summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }

        /// <summary>The delay the server asked for (its RetryInfo), when one arrived and was valid.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// The DebugInfo detail, when the sender opted in to send one: cut at <see cref="WireLimits.MaxDebugDetailLength"/>
        /// and scrubbed of secrets.
        /// </summary>
        public string? DebugDetail { get; }

        /// <summary>
        /// What could not be read or was cut at a limit (a malformed detail, a bad delay, an out-of-range code, a long
        /// message); empty when all was well-formed and within the limits. At most 65 lines.
        /// </summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>
        /// Reads <paramref name="status"/> for the taxonomy of <paramref name="domain"/> within <see cref="WireLimits.Default"/>.
        /// Never throws; a null status reads as an empty UNKNOWN status.
        /// </summary>
        public static ReceivedError Read(Google.Rpc.Status? status, string domain) => StatusDetails.Read(status, domain, WireLimits.Default);

        /// <summary>
        /// Reads <paramref name="status"/> for the taxonomy of <paramref name="domain"/> within <paramref name="limits"/>:
        /// whatever goes over a limit is cut and listed in <see cref="Problems"/>. Never throws for any status; a null
        /// status reads as an empty UNKNOWN status.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
        public static ReceivedError Read(Google.Rpc.Status? status, string domain, WireLimits limits) =>
            StatusDetails.Read(status, domain, limits ?? throw new ArgumentNullException(nameof(limits)));

        /// <summary>
        /// Whether ErrorInfos follow the one that was read and were left undecoded (reading stops at the taxonomy's
        /// first ErrorInfo whose reason is known). A <c>Promote</c> whose ErrorInfo's reason turned out unknown reads
        /// again with <see cref="Read(Google.Rpc.Status?, string, WireLimits, Func{string, int, bool})"/>. For generated code.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool HasLaterErrorInfo { get; }

        /// <summary>
        /// Reads <paramref name="status"/> as <see cref="Read(Google.Rpc.Status?, string, WireLimits)"/> does, choosing the
        /// first ErrorInfo of the taxonomy's domain whose reason <paramref name="isKnownReason"/> accepts (given the reason
        /// and the received code), else the first of the domain, else the first foreign one (docs/design.md's routing).
        /// For generated code: <c>Promote</c> passes its own table of known reasons.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="limits"/> or <paramref name="isKnownReason"/> is null.</exception>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReceivedError Read(Google.Rpc.Status? status, string domain, WireLimits limits, Func<string, int, bool> isKnownReason) =>
            StatusDetails.Read(
                status,
                domain,
                limits ?? throw new ArgumentNullException(nameof(limits)),
                isKnownReason ?? throw new ArgumentNullException(nameof(isKnownReason)));

        /// <summary>The metadata value of <paramref name="key"/>, or null.</summary>
        public string? GetMetadata(string key) => Metadata.TryGetValue(key, out var value) ? value : null;
    }
}
