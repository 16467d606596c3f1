using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorSdk.Http.Tests.Adapter
{
    /// <summary>
    /// Every exception HttpClient, SocketsHttpHandler, the decompression streams, the content readers and the handlers of
    /// IHttpClientFactory (and Polly's, which the resilience handler adds) throw on .NET 8 and .NET 10, from
    /// dotnet/runtime's src/libraries/System.Net.Http (HttpClient.cs, HttpContent.cs, SocketsHttpHandler/*,
    /// Resources/Strings.resx) and System.IO.Compression. Where the exception is cheap to cause in-process it is caused
    /// for real (HttpClient's checks, the decompression streams, the content readers); the ones that need a network peer
    /// are built as SocketsHttpHandler builds them (type, HttpRequestError, message, inner exception), and each of those
    /// also has a test against a real server in TransportAdapterTests / ReviewFailureTests.
    /// </summary>
    internal static class HttpExceptionCatalog
    {
        /// <summary>What the caller's own cancellation is: not a kind, it propagates.</summary>
        public const string Propagates = "(propagates: OperationCanceledException)";

        public static IReadOnlyList<Entry> All { get; } = new[]
        {
            // HttpClient, before any handler runs.
            Real("HttpClient", "relative URI and no BaseAddress", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                using var client = new HttpClient();
                await client.GetAsync("127.0.0.1/v1/items");
            }),
            Real("HttpClient", "the same HttpRequestMessage sent twice", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = (_, _) => throw new IOException("no network in this row") });
                var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/");
                try
                {
                    await client.SendAsync(request);
                }
                catch (HttpRequestException)
                {
                }

                await client.SendAsync(request);
            }),
            Real("HttpClient", "a disposed HttpClient", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                var client = new HttpClient();
                client.Dispose();
                await client.GetAsync("http://127.0.0.1:1/");
            }),
            Real("HttpClient", "a null request", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                using var client = new HttpClient();
                await client.SendAsync(null!);
            }),
            Built("HttpClient", "HttpClient.Timeout elapsed", "NETWORK_TRANSPORT_TIMEOUT",
                () => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 0.2 seconds elapsing.", new TimeoutException("The operation was canceled."))),
            Built("HttpClient", "the caller's own token cancelled", Propagates, () => new TaskCanceledException("A task was canceled.")),
            Built("HttpClient", "EnsureSuccessStatusCode / GetStringAsync on 404", "UPSTREAM_NOT_FOUND",
                () => new HttpRequestException("Response status code does not indicate success: 404 (Not Found).", null, HttpStatusCode.NotFound)),
            Built("HttpClient", "EnsureSuccessStatusCode on 503", "UPSTREAM_SERVER_ERROR",
                () => new HttpRequestException("Response status code does not indicate success: 503 (Service Unavailable).", null, HttpStatusCode.ServiceUnavailable)),
            Built("HttpClient", "body over MaxResponseContentBufferSize", "NETWORK_TRANSPORT_LIMIT_EXCEEDED",
                () => new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "Cannot write more bytes to the buffer than the configured maximum buffer size: 1024.")),

            // SocketsHttpHandler.
            Real("SocketsHttpHandler", "unsupported request scheme (ftp://)", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                using var client = new HttpClient(new SocketsHttpHandler());
                await client.GetAsync("ftp://127.0.0.1/file");
            }),
            Real("SocketsHttpHandler", "proxy with an unsupported scheme", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                using var client = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy(new Uri("ftp://127.0.0.1:1/")), UseProxy = true });
                await client.GetAsync("http://127.0.0.1:1/");
            }),
            Built("SocketsHttpHandler", "connection refused", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused))),
            Built("SocketsHttpHandler", "DNS failure", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (upstream.invalid:80)", new SocketException((int)SocketError.HostNotFound))),
            Built("SocketsHttpHandler", "connection reset while sending", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException("An error occurred while sending the request.",
                    new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)))),
            Built("SocketsHttpHandler", "ConnectTimeout elapsed", "NETWORK_TRANSPORT_TIMEOUT",
                () => new TaskCanceledException("The operation was canceled.", new TimeoutException("A connection could not be established within the configured ConnectTimeout."))),
            Built("SocketsHttpHandler", "untrusted certificate", "TLS_CONFIGURATION",
                () => new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.",
                    new AuthenticationException("The remote certificate was rejected by the provided RemoteCertificateValidationCallback."))),
            Built("SocketsHttpHandler", "not an HTTP response", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException(HttpRequestError.InvalidResponse, "Received an invalid status line: 'NOT HTTP AT ALL'.")),
            Built("SocketsHttpHandler", "response ended before the headers", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException(HttpRequestError.ResponseEnded, "An error occurred while sending the request.",
                    new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."))),
            Built("SocketsHttpHandler", "HTTP/2 protocol violation", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException(HttpRequestError.HttpProtocolError, "The HTTP/2 server sent invalid data on the connection. HTTP/2 error code 'FRAME_SIZE_ERROR' (0x6).")),
            Built("SocketsHttpHandler", "proxy refuses the CONNECT tunnel (502)", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException(HttpRequestError.ProxyTunnelError, "The proxy tunnel request to proxy 'http://127.0.0.1:1/' failed with status code '502'.\"", null, HttpStatusCode.BadGateway)),
            Built("SocketsHttpHandler", "response headers over MaxResponseHeadersLength", "NETWORK_TRANSPORT_LIMIT_EXCEEDED",
                () => new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "The HTTP response headers length exceeded the set limit of 1024 bytes.")),
            Built("SocketsHttpHandler", "HTTP version the connection cannot do", "INVALID_REQUEST_CONSTRUCTION",
                () => new HttpRequestException(HttpRequestError.VersionNegotiationError, "Requesting HTTP version 3.0 with version policy RequestVersionExact while unable to establish HTTP/3 connection.")),
            Built("SocketsHttpHandler", "SOCKS or proxy authentication failed", "INVALID_REQUEST_CONSTRUCTION",
                () => new HttpRequestException(HttpRequestError.UserAuthenticationError, "Failed to authenticate with the SOCKS server.")),
            Built("SocketsHttpHandler", "extended CONNECT unsupported by the server", "INVALID_REQUEST_CONSTRUCTION",
                () => new HttpRequestException(HttpRequestError.ExtendedConnectNotSupported, "Extended CONNECT is not supported.")),
            Built("SocketsHttpHandler", "non-ASCII request header value", "INVALID_REQUEST_CONSTRUCTION",
                () => new HttpRequestException("Request headers must contain only ASCII characters.")),
            Built("SocketsHttpHandler", "chunked request over HTTP/1.0", "INVALID_REQUEST_CONSTRUCTION",
                () => new HttpRequestException("HTTP 1.0 does not support chunking.")),
            Built("SocketsHttpHandler", "HTTP/3 on a platform without QUIC", "INVALID_REQUEST_CONSTRUCTION",
                () => new PlatformNotSupportedException("QUIC is not supported on this platform. See https://aka.ms/dotnetquic")),
            Built("SocketsHttpHandler", "body cut short while read", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.")),
            Built("SocketsHttpHandler", "bad chunk header while the body is read", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpIOException(HttpRequestError.InvalidResponse, "Received chunk header length could not be parsed: 'zz'.")),

            // Decompression streams (AutomaticDecompression).
            Real("GZipStream", "corrupt gzip body", "NETWORK_TRANSPORT_UNDECODABLE", () => Decompress(s => new GZipStream(s, CompressionMode.Decompress))),
            Real("DeflateStream", "corrupt deflate body", "NETWORK_TRANSPORT_UNDECODABLE", () => Decompress(s => new DeflateStream(s, CompressionMode.Decompress))),
            Real("BrotliStream", "corrupt brotli body", "NETWORK_TRANSPORT_UNDECODABLE", () => Decompress(s => new BrotliStream(s, CompressionMode.Decompress))),
            Built("HttpContent", "decompression failure while buffering", "NETWORK_TRANSPORT_UNDECODABLE",
                () => new HttpRequestException("Error while copying content to a stream.", new InvalidDataException("The archive entry was compressed using an unsupported compression method."))),

            // Content readers.
            Real("HttpContent", "unknown charset in ReadAsStringAsync", "NETWORK_TRANSPORT_UNDECODABLE", async () =>
            {
                using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("hello"));
                content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=x-unheard-of-9");
                await content.ReadAsStringAsync();
            }),
            Real("HttpContent", "bytes invalid in a strict decoder", "NETWORK_TRANSPORT_UNDECODABLE", async () =>
            {
                using var content = new ByteArrayContent(new byte[] { 0xff, 0xfe, 0xfd });
                var bytes = await content.ReadAsByteArrayAsync();
                new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }),
            Real("HttpContent", "a disposed content read", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                var content = new StringContent("x");
                content.Dispose();
                await content.ReadAsStringAsync();
            }),
            Built("HttpContent", "connection lost while buffering", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new HttpRequestException("Error while copying content to a stream.", new IOException("Unable to read data from the transport connection: Connection reset by peer."))),

            // IHttpClientFactory and the handlers it builds (logging handlers rethrow what they catch).
            Real("DelegatingHandler", "a handler without its inner handler", "INVALID_REQUEST_CONSTRUCTION", async () =>
            {
                using var invoker = new HttpMessageInvoker(new PassThroughHandler());
                await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/"), CancellationToken.None);
            }),

            // Polly's strategies, which the resilience handler (Microsoft.Extensions.Http.Resilience) puts around the client.
            Built("Polly (resilience handler)", "attempt or total timeout strategy elapsed", "NETWORK_TRANSPORT_TIMEOUT",
                () => new global::Polly.Timeout.TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:10'.")),
            Built("Polly (resilience handler)", "circuit open", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new global::Polly.CircuitBreaker.BrokenCircuitException("The circuit is now open and is not allowing calls.")),
            Built("Polly (resilience handler)", "circuit isolated by hand", "NETWORK_TRANSPORT_UNREACHABLE",
                () => new global::Polly.CircuitBreaker.IsolatedCircuitException("The circuit is manually held open and is not allowing calls.")),
        };

        private static Entry Real(string source, string situation, string reason, Func<Task> cause) => new(source, situation, reason, true, async () =>
        {
            try
            {
                await cause();
            }
            catch (Exception e)
            {
                return e;
            }

            throw new InvalidOperationException(situation + ": nothing was thrown");
        });

        private static Entry Built(string source, string situation, string reason, Func<Exception> build) => new(source, situation, reason, false, () =>
        {
            // Thrown and caught, so the exception has a stack trace as the runtime's does.
            try
            {
                throw build();
            }
            catch (Exception e)
            {
                return Task.FromResult(e);
            }
        });

        private static async Task Decompress(Func<Stream, Stream> decoder)
        {
            var garbage = new byte[] { 0x1f, 0x8b, 8, 0, 0xff, 0xff, 0xff, 0xff, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
            await using var stream = decoder(new MemoryStream(garbage));
            await stream.CopyToAsync(Stream.Null);
        }

        /// <summary>One row: where the exception comes from, when, the kind it must become (or <see cref="Propagates"/>), and whether it is caused for real here.</summary>
        internal sealed record Entry(string Source, string Situation, string Reason, bool CausedForReal, Func<Task<Exception>> Cause)
        {
            public override string ToString() => Source + ": " + Situation;
        }

        private sealed class PassThroughHandler : DelegatingHandler
        {
        }
    }
}
