using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace ErrorSdk
{
    /// <summary>Describes one error kind of a taxonomy: the data the generated tables are built from.</summary>
    public sealed class KindInfo
    {
        /// <summary>Creates a kind description. Generated code calls this; users rarely need to.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public KindInfo(
            string reason,
            string domain,
            int number,
            Google.Rpc.Code code,
            int httpStatus,
            RetryPolicy retry,
            IReadOnlyList<string> parents,
            IReadOnlyList<string> ancestors,
            bool isAbstract,
            string messageTemplate,
            IReadOnlyList<FieldInfo> fields,
            string description,
            IReadOnlyList<string> httpStatusMatch,
            IReadOnlyList<string> transportMatch,
            string? deprecated)
        {
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
            Domain = domain ?? throw new ArgumentNullException(nameof(domain));
            Number = number;
            Code = code;
            HttpStatus = httpStatus;
            Retry = retry;
            Parents = parents ?? Array.Empty<string>();
            Ancestors = ancestors ?? Array.Empty<string>();
            IsAbstract = isAbstract;
            MessageTemplate = messageTemplate ?? string.Empty;
            Fields = fields ?? Array.Empty<FieldInfo>();
            Description = description ?? string.Empty;
            HttpStatusMatch = httpStatusMatch ?? Array.Empty<string>();
            TransportMatch = transportMatch ?? Array.Empty<string>();
            Deprecated = deprecated;
        }

        /// <summary>The stable reason (UPPER_SNAKE), the ErrorInfo reason on the wire.</summary>
        public string Reason { get; }

        /// <summary>The taxonomy's domain, the ErrorInfo domain on the wire.</summary>
        public string Domain { get; }

        /// <summary>The kind's number: its value in the reason enum and the proto enum.</summary>
        public int Number { get; }

        /// <summary>The gRPC code the kind travels with.</summary>
        public Google.Rpc.Code Code { get; }

        /// <summary>The HTTP status the kind maps to.</summary>
        public int HttpStatus { get; }

        /// <summary>How callers may retry the kind.</summary>
        public RetryPolicy Retry { get; }

        /// <summary>Whether a caller may retry the kind at all.</summary>
        public bool IsRetryable => Retry != RetryPolicy.Never;

        /// <summary>The declared parents' reasons; the first is the class base.</summary>
        public IReadOnlyList<string> Parents { get; }

        /// <summary>Every ancestor's reason, by any path, in a stable order.</summary>
        public IReadOnlyList<string> Ancestors { get; }

        /// <summary>An abstract kind is a category that is never raised or promoted to itself.</summary>
        public bool IsAbstract { get; }

        /// <summary>The agent-facing message template, with <c>{field}</c> placeholders.</summary>
        public string MessageTemplate { get; }

        /// <summary>Every field of the kind, inherited ones (first-parent chain) first.</summary>
        public IReadOnlyList<FieldInfo> Fields { get; }

        /// <summary>The taxonomy's description of the kind.</summary>
        public string Description { get; }

        /// <summary>The HTTP statuses (<c>404</c>) or classes (<c>4xx</c>) the HTTP adapter maps to this kind.</summary>
        public IReadOnlyList<string> HttpStatusMatch { get; }

        /// <summary>The transport failures (<c>timeout</c>, <c>unreachable</c>, …) the HTTP adapter maps to this kind.</summary>
        public IReadOnlyList<string> TransportMatch { get; }

        /// <summary>The deprecation note, or null when the kind is current.</summary>
        public string? Deprecated { get; }

        /// <inheritdoc />
        public override string ToString() => Reason + " (" + Code + ", HTTP " + HttpStatus + ", " + Retry + ")";
    }
}
