using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace ErrorSdk.Http
{
    /// <summary>
    /// Tells which transport failure an exception from <see cref="HttpClient"/> / <c>SocketsHttpHandler</c> is. On
    /// .NET 8+ <c>HttpRequestException.HttpRequestError</c> (or, for a failed body read, <c>HttpIOException.HttpRequestError</c>)
    /// decides; elsewhere, and when it says Unknown, the inner exception types do.
    /// </summary>
    internal static class HttpFailureClassifier
    {
        /// <summary>The failure, or null when <paramref name="exception"/> is not an HTTP failure (the caller's own cancellation included).</summary>
        public static HttpTransportFailure? Classify(Exception exception, HttpRequestMessage? request)
        {
            // HttpClient.Timeout: a TaskCanceledException whose inner exception is a TimeoutException.
            if (ErrorChain.Find<TimeoutException>(exception) is not null)
            {
                return HttpTransportFailure.Timeout;
            }

            // Any other cancellation is the caller's: it is not an error kind.
            if (exception is OperationCanceledException)
            {
                return null;
            }

            if (ErrorChain.Find<UriFormatException>(exception) is not null || IsUnsendable(exception, request))
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

            if (ErrorChain.Find<InvalidDataException>(exception) is not null || ErrorChain.Find<DecoderFallbackException>(exception) is not null)
            {
                return HttpTransportFailure.Undecodable;
            }

            if (ErrorChain.Find<SocketException>(exception) is { } socket)
            {
                return socket.SocketErrorCode == SocketError.TimedOut ? HttpTransportFailure.Timeout : HttpTransportFailure.Unreachable;
            }

            // No complete response arrived: a transport failure, never a generic fatal error.
            if (ErrorChain.Find<HttpRequestException>(exception) is not null || ErrorChain.Find<IOException>(exception) is not null)
            {
                return HttpTransportFailure.Unreachable;
            }

            return null;
        }

#if NET8_0_OR_GREATER
        private static HttpTransportFailure? FromHttpRequestError(HttpRequestError error) => error switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError => HttpTransportFailure.Unreachable,
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError => HttpTransportFailure.Unreachable,
            HttpRequestError.SecureConnectionError => HttpTransportFailure.Tls,
            HttpRequestError.ConfigurationLimitExceeded => HttpTransportFailure.RedirectLimit,
            // The request asked for something the local configuration cannot do: a construction bug, not the upstream.
            HttpRequestError.VersionNegotiationError or HttpRequestError.ExtendedConnectNotSupported or HttpRequestError.UserAuthenticationError => HttpTransportFailure.InvalidRequest,
            _ => null,
        };
#endif

        // HttpClient rejects an unsendable request with InvalidOperationException (relative URI and no BaseAddress),
        // NotSupportedException (scheme) or FormatException (header value); the request itself says which.
        private static bool IsUnsendable(Exception exception, HttpRequestMessage? request)
        {
            if (exception is FormatException)
            {
                return true;
            }

            if (!(exception is InvalidOperationException || exception is NotSupportedException || exception is ArgumentException))
            {
                return false;
            }

            var uri = request?.RequestUri;
            return request is not null &&
                   (uri is null || !uri.IsAbsoluteUri ||
                    !(string.Equals(uri.Scheme, "http", StringComparison.OrdinalIgnoreCase) || string.Equals(uri.Scheme, "https", StringComparison.OrdinalIgnoreCase)));
        }
    }
}
