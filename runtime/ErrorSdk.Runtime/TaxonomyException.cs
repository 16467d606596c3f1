using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Threading;
using ErrorSdk.Diagnostics;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Safety;
using ErrorSdk.Wire;

namespace ErrorSdk
{
    /// <summary>
    /// The root of every typed error of a taxonomy. Generated classes derive from it; <see cref="UnclassifiedException"/>
    /// is what a status that matches no kind becomes.
    /// </summary>
    public abstract class TaxonomyException : Exception
    {
        private static readonly IReadOnlyDictionary<string, string> NoMetadata =
            new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(0));

        private readonly ReceivedError? _received;
        private readonly TimeSpan? _retryAfter;
        private readonly string? _developerMessage;
        private IReadOnlyDictionary<string, string>? _metadata;
        private IReadOnlyDictionary<string, string>? _outwardMetadata;
        private string? _outwardMessage;
        private int _telemetryMarks;

        /// <summary>Creates an error of <paramref name="kind"/>; generated constructors call this.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected TaxonomyException(KindInfo kind, in TaxonomyExceptionInit init)
            : base(init.Message, init.InnerException)
        {
            Kind = kind ?? throw new ArgumentNullException(nameof(kind));
            _received = init.Received;
            _retryAfter = init.RetryAfter;
            _developerMessage = init.DeveloperMessage;
            if (_received is not null)
            {
                ErrorTelemetry.OnPromoted(this);
            }
        }

        /// <summary>Creates an error with no kind: only <see cref="UnclassifiedException"/>.</summary>
        private protected TaxonomyException(ReceivedError received)
            : base(received.Message, TaxonomyPromotion.CurrentCause)
        {
            _received = received;
            _retryAfter = received.RetryAfter;
            _developerMessage = received.DebugDetail;
        }

        /// <summary>The kind of this error; null only for <see cref="UnclassifiedException"/>.</summary>
        public KindInfo? Kind { get; }

        /// <summary>The stable reason (ErrorInfo reason).</summary>
        public virtual string Reason => Kind!.Reason;

        /// <summary>The taxonomy's domain (ErrorInfo domain).</summary>
        public virtual string Domain => Kind!.Domain;

        /// <summary>The gRPC code of the kind.</summary>
        public virtual Google.Rpc.Code Code => Kind!.Code;

        /// <summary>The HTTP status of the kind.</summary>
        public virtual int HttpStatus => Kind!.HttpStatus;

        /// <summary>How a caller may retry this error.</summary>
        public virtual RetryPolicy Retry => Kind!.Retry;

        /// <summary>Whether a caller may retry this error at all (<c>Retry != Never</c>).</summary>
        public bool IsRetryable => Retry != RetryPolicy.Never;

        /// <summary>The delay the server asked for (RetryInfo / Retry-After), when one is known. Never invented.</summary>
        public TimeSpan? RetryAfter => _retryAfter;

        /// <summary>
        /// The ErrorInfo metadata: every non-sensitive field as a string, or, for a promoted error, every entry that
        /// arrived (unparsable ones included). What may be sent on is <see cref="OutwardMetadata"/>.
        /// </summary>
        public IReadOnlyDictionary<string, string> Metadata => _metadata ??= BuildMetadata();

        /// <summary>
        /// The metadata that may leave the process (<see cref="ToStatus()"/>, problem details, log scopes): <see cref="Metadata"/>
        /// for a locally raised error; for a promoted one, what arrived less a sensitive field's entry and with uri
        /// fields sanitized to scheme://host/path (a peer that broke the contract is not repeated).
        /// </summary>
        public IReadOnlyDictionary<string, string> OutwardMetadata =>
            _outwardMetadata ??= _received is null ? Metadata : BuildOutwardMetadata(Metadata);

        /// <summary>
        /// The message that may leave the process (<see cref="ToStatus()"/>, <see cref="ToString"/>, problem details, log
        /// scopes): <see cref="Exception.Message"/> for a locally raised error (a rendered template); for a promoted one, the
        /// message that arrived scrubbed of recognizable secrets by <see cref="TextSanitizer"/>, since a peer may have
        /// echoed a token.
        /// </summary>
        public string OutwardMessage => _outwardMessage ??= _received is null ? Message : TextSanitizer.Sanitize(Message);

        /// <summary>
        /// Developer detail: sanitized, local only. It travels (as DebugInfo) only when the sender opts in;
        /// for a promoted error it is the DebugInfo detail that arrived.
        /// </summary>
        public string? DeveloperMessage => _developerMessage;

        /// <summary>The raw status this error was promoted from; null for a locally raised error.</summary>
        public Google.Rpc.Status? ReceivedStatus => _received?.Status;

        /// <summary>What was read from the received status; null for a locally raised error.</summary>
        public ReceivedError? Received => _received;

        /// <summary>
        /// Builds the wire form: code, <see cref="OutwardMessage"/>, ErrorInfo with <see cref="OutwardMetadata"/>, then
        /// RetryInfo when a delay is known.
        /// </summary>
        public Google.Rpc.Status ToStatus() => ToStatus(includeDeveloperMessage: false);

        /// <summary>
        /// Builds the wire form; with <paramref name="includeDeveloperMessage"/> the sanitized developer message
        /// travels as DebugInfo (opt-in: only for trusted peers). Building the wire form is raising the error outward:
        /// it is recorded once (<see cref="ErrorTelemetry.RecordRaised"/>) when a listener is attached.
        /// </summary>
        public Google.Rpc.Status ToStatus(bool includeDeveloperMessage)
        {
            ErrorTelemetry.RecordRaised(this);
            return StatusDetails.Build((int)Code, OutwardMessage, Reason, Domain, OutwardMetadata, RetryAfter, includeDeveloperMessage ? DeveloperMessage : null);
        }

        /// <summary>
        /// The state of a logging scope for this error (<c>logger.BeginScope(error.ToLogScope())</c>): what a log may
        /// carry, without inner exception text or the raw received status.
        /// </summary>
        public ErrorLogScope ToLogScope(bool includeDeveloperMessage = false) => ErrorLogScope.For(this, includeDeveloperMessage);

        /// <summary>
        /// Sets <paramref name="mark"/> (raised or received) once: true for the first caller, so each direction of an
        /// error instance is recorded at most once.
        /// </summary>
        internal bool MarkRecorded(int mark)
        {
            int current = Volatile.Read(ref _telemetryMarks);
            while ((current & mark) == 0)
            {
                int seen = Interlocked.CompareExchange(ref _telemetryMarks, current | mark, current);
                if (seen == current)
                {
                    return true;
                }

                current = seen;
            }

            return false;
        }

        /// <summary>
        /// Writes the non-sensitive field values of a locally raised error as metadata strings.
        /// Generated classes override it; the base writes nothing.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected virtual void WriteMetadata(IDictionary<string, string> metadata)
        {
        }

        /// <inheritdoc />
        public override string ToString()
        {
            // Outward-safe: type, reason, code and the outward message; no raw inner text.
            var text = GetType().FullName + ": [" + Reason + ", " + GrpcCodeTable.NameOf((int)Code) + "] " + OutwardMessage;
            return StackTrace is { } stack ? text + Environment.NewLine + stack : text;
        }

        private bool HasGuardedField(IReadOnlyDictionary<string, string> metadata)
        {
            foreach (var field in Kind!.Fields)
            {
                if ((field.IsSensitive || field.Type == FieldType.Uri) && metadata.ContainsKey(field.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private FieldInfo? FieldOf(string name)
        {
            foreach (var field in Kind!.Fields)
            {
                if (string.Equals(field.Name, name, StringComparison.Ordinal))
                {
                    return field;
                }
            }

            return null;
        }

        private IReadOnlyDictionary<string, string> BuildMetadata()
        {
            if (_received is not null)
            {
                return _received.Metadata;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            WriteMetadata(metadata);
            return metadata.Count == 0 ? NoMetadata : new ReadOnlyDictionary<string, string>(metadata);
        }

        /// <summary>
        /// What arrived, less what the kind's contract forbids on the wire: an entry named after a sensitive field is dropped
        /// (a peer that sent one broke the contract; passing it on would repeat the leak) and a uri field's entry is
        /// sanitized to scheme://host/path, as every uri is before any use.
        /// </summary>
        private IReadOnlyDictionary<string, string> BuildOutwardMetadata(IReadOnlyDictionary<string, string> received)
        {
            if (Kind is null || received.Count == 0 || !HasGuardedField(received))
            {
                return received;
            }

            var metadata = new Dictionary<string, string>(received.Count, StringComparer.Ordinal);
            foreach (var entry in received)
            {
                switch (FieldOf(entry.Key))
                {
                    case { IsSensitive: true }:
                        break;
                    case { Type: FieldType.Uri }:
                        metadata[entry.Key] = FieldCodec.ParseUri(entry.Value) is { } uri ? FieldCodec.FormatUri(uri) : TextSanitizer.Sanitize(entry.Value);
                        break;
                    default:
                        metadata[entry.Key] = entry.Value;
                        break;
                }
            }

            return new ReadOnlyDictionary<string, string>(metadata);
        }
    }
}
