using System;
using System.Collections.Generic;
using System.Linq;

namespace ErrorSdk.Bench.Retry.Grpc
{
    /// <summary>One scripted behaviour of the gRPC upstream: <paramref name="Script"/> names what the server answers each attempt.</summary>
    internal sealed record GrpcScenario(string Name, string Script, string Expectation)
    {
        /// <summary>The token a credential refresh yields; the <c>expired-token</c> script accepts only it.</summary>
        public const string FreshToken = "Bearer fresh";

        /// <summary>The token every client starts with.</summary>
        public const string StaleToken = "Bearer stale";

        public static readonly GrpcScenario[] All =
        {
            new("USER_NOT_PROVISIONABLE (FAILED_PRECONDITION)", "not-provisionable", "terminal"),
            new("TOOL_ERROR (UNKNOWN): the connector incident", "tool-error", "terminal"),
            new("TOOL_RUNTIME_FATAL (INTERNAL)", "runtime-fatal", "terminal"),
            new("TOOL_RATE_LIMIT (RESOURCE_EXHAUSTED, RetryInfo) then OK", "tool-rate-limit", "throttled"),
            new("TOO_MANY_REQUESTS (RESOURCE_EXHAUSTED, RetryInfo) then OK", "too-many-requests", "throttled"),
            new("SERVICE_UNAVAILABLE (UNAVAILABLE) twice then OK", "unavailable-twice", "transient"),
            new("UNAUTHENTICATED until the token is refreshed", "expired-token", "reauthenticate"),
        };

        /// <summary>
        /// What <c>--grpc --dry</c> runs, in a few seconds: the scripts without a rate-limit window to wait out, less the
        /// INTERNAL terminal kind (it behaves as the UNKNOWN one does).
        /// </summary>
        public static IReadOnlyList<GrpcScenario> Dry { get; } = All.Where(s => s.Expectation != "throttled" && s.Script != "runtime-fatal").ToArray();
    }
}
