namespace ErrorSdk.Http
{
    /// <summary>The taxonomy's <c>match.transport</c> keys and, for taxonomies that match none, the fallback code and message.</summary>
    internal static class TransportKeys
    {
        public static string KeyOf(HttpTransportFailure failure) => failure switch
        {
            HttpTransportFailure.Timeout => "timeout",
            HttpTransportFailure.Unreachable => "unreachable",
            HttpTransportFailure.Undecodable => "undecodable",
            HttpTransportFailure.RedirectLimit => "redirect_limit",
            HttpTransportFailure.InvalidRequest => "invalid_request",
            HttpTransportFailure.LimitExceeded => "limit_exceeded",
            _ => "tls",
        };

        // Same codes as the default taxonomy's transport kinds: a code-only caller classifies them the same way.
        public static Google.Rpc.Code FallbackCodeOf(HttpTransportFailure failure) => failure switch
        {
            HttpTransportFailure.Timeout or HttpTransportFailure.Unreachable => Google.Rpc.Code.Unavailable,
            HttpTransportFailure.RedirectLimit or HttpTransportFailure.LimitExceeded => Google.Rpc.Code.FailedPrecondition,
            _ => Google.Rpc.Code.Internal,
        };

        // Agent-safe constant text for a taxonomy that has no kind for the failure.
        public static string FallbackMessageOf(HttpTransportFailure failure) => failure switch
        {
            HttpTransportFailure.Timeout => "HTTP request timed out before a complete response was received.",
            HttpTransportFailure.Unreachable => "HTTP request failed before reaching the upstream service.",
            HttpTransportFailure.Undecodable => "HTTP response from upstream could not be decoded.",
            HttpTransportFailure.RedirectLimit => "HTTP redirect limit exceeded before a final response was received.",
            HttpTransportFailure.InvalidRequest => "An invalid HTTP request was constructed.",
            HttpTransportFailure.LimitExceeded => "HTTP response from upstream exceeded a limit configured on this client (header length or buffered body size).",
            _ => "TLS handshake failed.",
        };
    }
}
