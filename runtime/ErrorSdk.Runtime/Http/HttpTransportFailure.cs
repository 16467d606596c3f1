namespace ErrorSdk.Http
{
    /// <summary>
    /// A failure of an HTTP call that produced no usable response. Each value is one <c>match.transport</c> key of
    /// the taxonomy (<see cref="KindInfo.TransportMatch"/>).
    /// </summary>
    public enum HttpTransportFailure
    {
        /// <summary><c>timeout</c>: a connect, read or client timeout elapsed before a complete response.</summary>
        Timeout = 0,

        /// <summary><c>unreachable</c>: refused or reset connection, DNS failure, or a protocol error before the response.</summary>
        Unreachable = 1,

        /// <summary><c>undecodable</c>: the response arrived but its body could not be decoded.</summary>
        Undecodable = 2,

        /// <summary><c>redirect_limit</c>: too many redirects.</summary>
        RedirectLimit = 3,

        /// <summary><c>invalid_request</c>: the request could never be sent (relative or malformed URI, unsupported scheme, invalid header).</summary>
        InvalidRequest = 4,

        /// <summary><c>tls</c>: the TLS handshake failed (certificate or trust configuration).</summary>
        Tls = 5,

        /// <summary>
        /// <c>limit_exceeded</c>: the response went over a limit configured on the client (response headers longer than
        /// <c>MaxResponseHeadersLength</c>, a body larger than <c>MaxResponseContentBufferSize</c>).
        /// </summary>
        LimitExceeded = 6,
    }
}
