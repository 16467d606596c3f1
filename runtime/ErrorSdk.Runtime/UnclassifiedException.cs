using ErrorSdk.Generator.Conventions;

namespace ErrorSdk
{
    /// <summary>
    /// A received status that matched no kind of the taxonomy (no known reason, alias or fallback). It keeps the
    /// code, the message, the ErrorInfo it carried and the raw status, and classifies retry by the code alone:
    /// UNAVAILABLE is transient, RESOURCE_EXHAUSTED with a RetryInfo delay is throttled, anything else is terminal.
    /// </summary>
    public sealed class UnclassifiedException : TaxonomyException
    {
        /// <summary>Creates the error from what was read of a received status.</summary>
        public UnclassifiedException(ReceivedError received)
            : base(received ?? throw new System.ArgumentNullException(nameof(received)))
        {
            Diagnostics.ErrorTelemetry.OnPromoted(this);
        }

        /// <summary>Creates the error from a received status of the taxonomy of <paramref name="domain"/>.</summary>
        public UnclassifiedException(Google.Rpc.Status status, string domain)
            : this(ReceivedError.Read(status, domain))
        {
        }

        /// <summary>The received reason, or an empty string when the status carried no ErrorInfo.</summary>
        public override string Reason => Received!.Reason ?? string.Empty;

        /// <summary>The received domain, or an empty string when the status carried no ErrorInfo.</summary>
        public override string Domain => Received!.Domain ?? string.Empty;

        /// <summary>The received code, whatever its value.</summary>
        public override Google.Rpc.Code Code => Received!.Code;

        /// <summary>The HTTP status of the received code.</summary>
        public override int HttpStatus => GrpcCodeTable.HttpStatusOf((int)Received!.Code);

        /// <summary>Retry classified by the code alone (AIP-194).</summary>
        public override RetryPolicy Retry => (int)Received!.Code switch
        {
            GrpcCodeTable.Unavailable => RetryPolicy.Transient,
            8 when Received.RetryAfter is not null => RetryPolicy.Throttled,
            _ => RetryPolicy.Never,
        };
    }
}
