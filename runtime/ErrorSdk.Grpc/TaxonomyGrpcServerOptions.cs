using System;
using Grpc.Core;

namespace ErrorSdk.Grpc
{
    /// <summary>How <see cref="TaxonomyServerInterceptor"/> answers errors (the gRPC twin of ErrorSdk.AspNetCore's options).</summary>
    public sealed class TaxonomyGrpcServerOptions
    {
        /// <summary>
        /// Whether the sanitized developer message travels as a <c>google.rpc.DebugInfo</c> detail. Off by default: turn
        /// it on only for trusted callers (e.g. in Development).
        /// </summary>
        public bool IncludeDeveloperMessage { get; set; }

        /// <summary>
        /// The reason of the kind that exceptions outside the taxonomy become. Null (the default): the kind whose reason
        /// is <c>INTERNAL</c>, else the taxonomy's fallback kind for the INTERNAL code.
        /// </summary>
        public string? InternalReason { get; set; }

        /// <summary>
        /// Maps exceptions of the service's own (outside the taxonomy) to typed errors before they fall back to the
        /// internal kind; return null to leave one unmapped.
        /// </summary>
        public Func<Exception, ServerCallContext, TaxonomyException?>? MapException { get; set; }
    }
}
