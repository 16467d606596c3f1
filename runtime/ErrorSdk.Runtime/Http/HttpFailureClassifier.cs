using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace ErrorSdk.Http
{
    /// <summary>
    /// Tells which transport failure an exception from <see cref="HttpClient"/> / <c>SocketsHttpHandler</c>, a
    /// decompression stream or a content reader is. On .NET 8+ <c>HttpRequestException.HttpRequestError</c> (or, for a
    /// failed body read, <c>HttpIOException.HttpRequestError</c>) decides; elsewhere, and when it says Unknown, the
    /// exception types do. The table of docs/http-adapter.md lists every exception this was checked against.
    /// </summary>
    internal static class HttpFailureClassifier
    {
        /// <summary>The failure, or null when <paramref name="exception"/> is not an HTTP failure (the caller's own cancellation included).</summary>
        public static HttpTransportFailure? Classify(Exception exception, HttpRequestMessage? request)
        {
            // HttpClient.Timeout and SocketsHttpHandler.ConnectTimeout: a cancellation whose inner exception is a TimeoutException.
            if (ErrorChain.Find<TimeoutException>(exception) is not null)
            {
                return HttpTransportFailure.Timeout;
            }

            // Polly's strategies (the resilience handler of Microsoft.Extensions.Http.Resilience, Microsoft.Extensions.Http.Polly),
            // by name: the runtime takes no Polly dependency, and v7 and v8 share these names.
            if (PollyFailureOf(exception) is { } polly)
            {
                return polly;
            }

            // Any other cancellation is the caller's: it is not an error kind.
            if (exception is OperationCanceledException)
            {
                return null;
            }

            if (IsUndecodable(exception))
            {
                return HttpTransportFailure.Undecodable;
            }

            if (ErrorChain.Find<UriFormatException>(exception) is not null || IsLocalMisuse(exception, request) ||
                (exception is HttpRequestException { InnerException: null } && HasNonAsciiHeader(request)))
            {
                return HttpTransportFailure.InvalidRequest;
            }

#if NET8_0_OR_GREATER
            if (ErrorChain.Find<HttpRequestException>(exception) is { } http && FromHttpRequestError(http.HttpRequestError) is { } byError)
            {
                return byError;
            }

            // Reading a response body throws HttpIOException (an IOException) with the same HttpRequestError.
            if (ErrorChain.Find<HttpIOException>(exception) is { } io && FromHttpRequestError(io.HttpRequestError) is { } byIoError)
            {
                return byIoError;
            }
#endif

            if (ErrorChain.Find<AuthenticationException>(exception) is not null)
            {
                return HttpTransportFailure.Tls;
            }

            if (ErrorChain.Find<SocketException>(exception) is { } socket)
            {
                return socket.SocketErrorCode == SocketError.TimedOut ? HttpTransportFailure.Timeout : HttpTransportFailure.Unreachable;
            }

#if NET8_0_OR_GREATER
            // .NET 8+ tags every failure on the wire with an HttpRequestError or an inner exception. One with neither (and no
            // status) was raised before a byte left: the request itself is malformed ("Request headers must contain only
            // ASCII characters.", "HTTP 1.0 does not support chunking.", "CONNECT request must contain Host header.").
            if (exception is HttpRequestException { HttpRequestError: HttpRequestError.Unknown, InnerException: null, StatusCode: null })
            {
                return HttpTransportFailure.InvalidRequest;
            }
#endif

            // No complete response arrived: a transport failure, never a generic fatal error.
            if (ErrorChain.Find<HttpRequestException>(exception) is not null || ErrorChain.Find<IOException>(exception) is not null)
            {
                return HttpTransportFailure.Unreachable;
            }

            return null;
        }

        // An attempt timeout is a timeout; an open or isolated circuit stopped the request before it left.
        private static HttpTransportFailure? PollyFailureOf(Exception exception)
        {
            for (var type = exception.GetType(); type is not null && type != typeof(Exception); type = type.BaseType)
            {
                switch (type.FullName)
                {
                    case "Polly.Timeout.TimeoutRejectedException":
                        return HttpTransportFailure.Timeout;
                    case "Polly.CircuitBreaker.BrokenCircuitException":
                        return HttpTransportFailure.Unreachable;
                }
            }

            return null;
        }

#if NET8_0_OR_GREATER
        private static HttpTransportFailure? FromHttpRequestError(HttpRequestError error) => error switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError => HttpTransportFailure.Unreachable,
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError => HttpTransportFailure.Unreachable,
            HttpRequestError.SecureConnectionError => HttpTransportFailure.Tls,
            HttpRequestError.ConfigurationLimitExceeded => HttpTransportFailure.LimitExceeded,
            // The request asked for something the local configuration cannot do: a construction bug, not the upstream.
            HttpRequestError.VersionNegotiationError or HttpRequestError.ExtendedConnectNotSupported or HttpRequestError.UserAuthenticationError => HttpTransportFailure.InvalidRequest,
            _ => null,
        };
#endif

        // A body that arrived but cannot be decoded: bad gzip/deflate (InvalidDataException), bad brotli (BrotliStream
        // throws InvalidOperationException "Decoder ran into invalid data."), bytes invalid in the charset
        // (DecoderFallbackException), or a charset .NET does not know (ReadAsStringAsync: InvalidOperationException
        // whose inner exception is Encoding.GetEncoding's ArgumentException).
        private static bool IsUndecodable(Exception exception)
        {
            if (ErrorChain.Find<InvalidDataException>(exception) is not null || ErrorChain.Find<DecoderFallbackException>(exception) is not null)
            {
                return true;
            }

            for (var current = exception; current is not null; current = current.InnerException)
            {
                if (current is InvalidOperationException and not ObjectDisposedException &&
                    ((current.InnerException is ArgumentException && IsThrownBy(current, "System.Net.Http")) || IsThrownByCompression(current)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsThrownByCompression(Exception exception) =>
            IsThrownBy(exception, "System.IO.Compression.Brotli") || IsThrownBy(exception, "System.IO.Compression");

        // Raised before a byte left because the request, the client or its configuration cannot work: NotSupportedException
        // (request or proxy scheme, QUIC or sync HTTP/2 unsupported), FormatException (header value), ArgumentException,
        // InvalidOperationException (relative URI and no BaseAddress, a request sent twice, a disposed client, a handler
        // without its inner handler). Without the request, only when System.Net.Http threw it: an unrelated
        // InvalidOperationException of the caller's own code is not an HTTP failure.
        private static bool IsLocalMisuse(Exception exception, HttpRequestMessage? request)
        {
            if (exception is FormatException)
            {
                return true;
            }

            if (!(exception is NotSupportedException || exception is ArgumentException || exception is InvalidOperationException))
            {
                return false;
            }

            return request is not null || IsThrownBy(exception, "System.Net.Http");
        }

        private static bool IsThrownBy(Exception exception, string assembly) =>
            string.Equals(exception.Source, assembly, StringComparison.Ordinal) ||
            (exception.StackTrace is { } trace && trace.IndexOf(" " + assembly + ".", StringComparison.Ordinal) >= 0);

        // SocketsHttpHandler refuses a header value outside ASCII ("Request headers must contain only ASCII characters."),
        // unless a RequestHeaderEncodingSelector says otherwise; netstandard2.0 has no HttpRequestError to tell it by.
        private static bool HasNonAsciiHeader(HttpRequestMessage? request)
        {
            if (request is null)
            {
                return false;
            }

#if NET8_0_OR_GREATER
            foreach (var header in request.Headers.NonValidated)
#else
            foreach (var header in request.Headers)
#endif
            {
                foreach (var value in header.Value)
                {
                    foreach (char c in value)
                    {
                        if (c > 0x7F)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
