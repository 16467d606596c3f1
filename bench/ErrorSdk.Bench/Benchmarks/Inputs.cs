using System;
using System.Collections.Generic;
using ErrorSdk.Taxonomy;

namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>
    /// The inputs every implementation receives: typical statuses a client gets back, built the way a server builds
    /// them (from a generated exception's <c>ToStatus</c>), once, outside the measured code.
    /// </summary>
    internal static class Inputs
    {
        /// <summary>An unknown reason from a newer server, in the taxonomy's domain.</summary>
        public const string UnknownReason = "REPLICA_LAG_EXCEEDED";

        /// <summary>
        /// TOOL_RATE_LIMIT, code RESOURCE_EXHAUSTED, metadata provider + toolErrorCode, RetryInfo 1.5 s: routed by its
        /// exact reason.
        /// </summary>
        public static readonly Google.Rpc.Status ExactReason = NewRateLimit().ToStatus();

        /// <summary>The legacy wire form of a provider rate limit: reason TOOL_ERROR with code RESOURCE_EXHAUSTED (an alias).</summary>
        public static readonly Google.Rpc.Status Alias = WithReason(ExactReason, "TOOL_ERROR");

        /// <summary>A bare UNAVAILABLE status with no details (a proxy's answer): routed by the code's fallback kind.</summary>
        public static readonly Google.Rpc.Status CodeFallback = new Google.Rpc.Status
        {
            Code = (int)Google.Rpc.Code.Unavailable,
            Message = "upstream connect error or disconnect/reset before headers",
        };

        /// <summary>
        /// A reason this taxonomy does not know, with code FAILED_PRECONDITION: routing falls through to the code's
        /// fallback kind (every code 1–16 has one in the default taxonomy), keeping the unknown reason and metadata.
        /// </summary>
        public static readonly Google.Rpc.Status Unknown = WithReason(
            new FailedPreconditionException(developerMessage: null).ToStatus(),
            UnknownReason,
            ("replica", "eu-west-1b"),
            ("lagSeconds", "42"));

        /// <summary>The gRPC trailers of <see cref="ExactReason"/>: grpc-status, grpc-message, grpc-status-details-bin.</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, string>> ExactReasonTrailers = GrpcWire.ToTrailers(ExactReason);

        /// <summary>A typical provider rate limit, raised locally.</summary>
        public static ToolRateLimitException NewRateLimit() =>
            new ToolRateLimitException("github", "secondary_rate_limit", TimeSpan.FromSeconds(1.5));

        /// <summary>
        /// A rate limit wrapped three deep, the way it reaches a caller through a task and a retry loop:
        /// InvalidOperationException → AggregateException → HttpRequestException-like wrapper → the typed error.
        /// </summary>
        public static Exception NewWrappedRateLimit() =>
            new InvalidOperationException(
                "The sync job failed.",
                new AggregateException(
                    new Exception("The call to the tool failed.", NewRateLimit())));

        private static Google.Rpc.Status WithReason(Google.Rpc.Status status, string reason, params (string Key, string Value)[] metadata)
        {
            var copy = status.Clone();
            var info = copy.Details[0].Unpack<Google.Rpc.ErrorInfo>();
            info.Reason = reason;
            foreach (var (key, value) in metadata)
            {
                info.Metadata[key] = value;
            }

            copy.Details[0] = Google.Protobuf.WellKnownTypes.Any.Pack(info);
            return copy;
        }
    }
}
