using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting
{
    /// <summary>
    /// A locally raised error of one kind with sample metadata, built through the runtime's public constructor path,
    /// so a vector's status, trailers and problem body come from the code a server runs (<c>ToStatus</c>,
    /// <c>GrpcWire</c>, <c>ProblemDetailsWriter</c>), not from a copy of it.
    /// </summary>
    internal sealed class SampleError : TaxonomyException
    {
        private readonly IReadOnlyDictionary<string, string> _sampleMetadata;

        private SampleError(KindInfo kind, string message, IReadOnlyDictionary<string, string> metadata, TimeSpan? retryAfter)
            : base(kind, TaxonomyExceptionInit.Local(message, retryAfter, developerMessage: null, innerException: null))
        {
            _sampleMetadata = metadata;
        }

        /// <summary>The sample error of <paramref name="kind"/>: its rendered message, metadata and (throttled) delay.</summary>
        public static SampleError Of(TaxonomySpec spec, KindSpec kind, IReadOnlyDictionary<string, string> metadata, string message, TimeSpan? retryAfter)
        {
            // Only what the wire forms read: reason, domain, code, HTTP status, retry. Fields stay empty because a
            // locally raised error's outward metadata is exactly what WriteMetadata writes.
            var info = new KindInfo(
                kind.Reason,
                spec.Domain,
                kind.Number,
                (Google.Rpc.Code)kind.CodeValue,
                kind.HttpStatus,
                (RetryPolicy)(int)kind.Retry,
                kind.Parents,
                kind.Ancestors,
                kind.IsAbstract,
                kind.Message.Text,
                Array.Empty<FieldInfo>(),
                kind.Description,
                kind.MatchHttpStatus,
                kind.MatchTransport,
                kind.Deprecated);
            return new SampleError(info, message, metadata, retryAfter);
        }

        /// <inheritdoc />
        protected override void WriteMetadata(IDictionary<string, string> metadata)
        {
            foreach (var entry in _sampleMetadata)
            {
                metadata[entry.Key] = entry.Value;
            }
        }
    }
}
