using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace ErrorSdk.Http.Tests.Adapter
{
    /// <summary>No complete response, or a request that could never be sent: one test per exception row of docs/http-adapter.md.</summary>
    public sealed class TransportAdapterTests : IClassFixture<UpstreamFixture>
    {
        private readonly UpstreamFixture _upstream;

        public TransportAdapterTests(UpstreamFixture upstream) => _upstream = upstream;

        [Fact]
        public async Task ClosedPort_IsUnreachable_Retryable()
        {
            using var client = _upstream.TypedClient();

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(ClosedPortUri("x?apikey=s3cr3t")));

            Assert.Equal("NETWORK_TRANSPORT_UNREACHABLE", error.Reason);
            Assert.Equal(RetryPolicy.Transient, error.Retry);
            Assert.Equal("HTTP request failed before reaching the upstream service.", error.Message);
            Assert.Contains("ConnectionError", error.DeveloperMessage);
            Assert.DoesNotContain("s3cr3t", error.DeveloperMessage);
            Assert.IsType<HttpRequestException>(error.InnerException);
        }

        [Fact]
        public async Task ConnectionDroppedBeforeTheResponse_IsUnreachable()
        {
            using var client = _upstream.TypedClient();

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(_upstream.At("abort")));

            Assert.Equal("NETWORK_TRANSPORT_UNREACHABLE", error.Reason);
            Assert.True(error.IsRetryable);
        }

        [Fact]
        public async Task GarbageInsteadOfAnHttpResponse_IsUnreachable()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var serve = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                await socket.ReceiveAsync(new byte[4096], SocketFlags.None);
                await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes("NOT HTTP AT ALL\r\n\r\n"), SocketFlags.None);
                socket.Shutdown(SocketShutdown.Both);
            });
            using var client = _upstream.TypedClient();

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port + "/")));
            await serve;

            Assert.Equal("NETWORK_TRANSPORT_UNREACHABLE", error.Reason);
            Assert.Contains("InvalidResponse", error.DeveloperMessage);
        }

        [Fact]
        public async Task ProxyThatRefusesTheTunnel_IsUnreachable()
        {
            using var proxy = new TcpListener(IPAddress.Loopback, 0);
            proxy.Start();
            var serve = Task.Run(async () =>
            {
                using var socket = await proxy.AcceptSocketAsync();
                await ReadRequestHeadAsync(socket);
                await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"), SocketFlags.None);
                await DrainUntilClosedAsync(socket);
            });
            var proxyUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)proxy.LocalEndpoint).Port);

            TaxonomyException error;
            using (var client = _upstream.TypedClient(h => { h.Proxy = new WebProxy(proxyUri); h.UseProxy = true; }))
            {
                // https through a proxy: the client asks the proxy for a CONNECT tunnel, so upstream.test is never resolved here.
                error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(new Uri("https://upstream.test/x?token=s3cr3t")));
            }

            await serve.WaitAsync(TimeSpan.FromSeconds(5));

            Assert.Equal("NETWORK_TRANSPORT_UNREACHABLE", error.Reason);
            Assert.True(error.IsRetryable);
            Assert.Contains("ProxyTunnelError", error.DeveloperMessage);
            Assert.DoesNotContain("s3cr3t", error.DeveloperMessage);
            Assert.Equal(HttpRequestError.ProxyTunnelError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        }

        [Fact]
        public async Task Http2ProtocolViolation_IsUnreachable()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var serve = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                await ReadExactlyAsync(socket, Http2ClientPreface.Length);
                // Answer only once the request's HEADERS frame is in: the request then owns a stream when the connection
                // fails, and sees the protocol error. Answering earlier races the pool, which may find the new connection
                // already shut down and fail the request with "could not be established" (HttpRequestError Unknown).
                await ReadFramesUntilHeadersAsync(socket);
                // A SETTINGS frame (type 4) on stream 0 whose length is not a multiple of 6: FRAME_SIZE_ERROR (RFC 9113 §6.5).
                byte[] settingsOfLength5 = { 0, 0, 5, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
                await socket.SendAsync(settingsOfLength5, SocketFlags.None);
                await DrainUntilClosedAsync(socket);
            });
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port + "/"))
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };

            TaxonomyException error;
            using (var client = _upstream.TypedClient())
            {
                error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.SendAsync(request));
            }

            await serve.WaitAsync(TimeSpan.FromSeconds(5));

            Assert.Equal("NETWORK_TRANSPORT_UNREACHABLE", error.Reason);
            Assert.True(error.IsRetryable);
            Assert.Contains("HttpProtocolError", error.DeveloperMessage);
            Assert.Equal(HttpRequestError.HttpProtocolError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        }

        [Fact]
        public async Task VersionTheServerCannotSpeak_IsInvalidRequest()
        {
            using var client = _upstream.TypedClient();
            var request = new HttpRequestMessage(HttpMethod.Get, _upstream.At("ok"))
            {
                Version = HttpVersion.Version30,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.SendAsync(request));

            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", error.Reason);
            Assert.Contains("VersionNegotiationError", error.DeveloperMessage);
        }

        [Fact]
        public async Task HttpClientTimeout_IsClassifiedAsTimeout()
        {
            using var client = _upstream.PlainClient();
            client.Timeout = TimeSpan.FromMilliseconds(200);
            var request = new HttpRequestMessage(HttpMethod.Get, _upstream.At("slow"));

            var thrown = await Assert.ThrowsAsync<TaskCanceledException>(() => client.SendAsync(request));
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, request);

            Assert.NotNull(error);
            Assert.Equal("NETWORK_TRANSPORT_TIMEOUT", error!.Reason);
            Assert.Equal(RetryPolicy.Transient, error.Retry);
            Assert.Equal("HTTP request timed out before a complete response was received.", error.Message);
            Assert.Equal(_upstream.At("slow").ToString(), error.Metadata["endpoint"]);
        }

        [Fact]
        public async Task HandlerTimeout_ThrowsTheTypedTimeout()
        {
            using var client = _upstream.TypedClient(options: new TaxonomyHttpHandlerOptions { Timeout = TimeSpan.FromMilliseconds(200) });

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(_upstream.At("slow")));

            Assert.Equal("NETWORK_TRANSPORT_TIMEOUT", error.Reason);
        }

        [Fact]
        public async Task CallersOwnCancellation_PropagatesAsOperationCanceled_NotAKind()
        {
            using var client = _upstream.TypedClient();
            using var cancellation = new CancellationTokenSource();
            var pending = client.GetAsync(_upstream.At("slow"), cancellation.Token);
            cancellation.Cancel();

            var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

            Assert.Null(HttpErrors.FromException(_upstream.Taxonomy, thrown, null));
        }

        [Fact]
        public async Task UntrustedCertificate_IsTls_NotRetried_AndTheChainStaysOutOfTheMessage()
        {
            using var certificate = SelfSignedCertificate.Create();
            await using var tlsHost = await KestrelHost.StartAsync(app => app.MapGet("/", () => "hi"), certificate: certificate);
            using var client = _upstream.TypedClient();

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(tlsHost.BaseAddress));

            Assert.Equal("TLS_CONFIGURATION", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal("TLS handshake failed — likely a local certificate or trust configuration issue.", error.Message);
            Assert.Contains("SecureConnectionError", error.DeveloperMessage);
        }

        [Fact]
        public async Task UndecodableBody_IsUndecodable()
        {
            using var client = _upstream.PlainClient(h => h.AutomaticDecompression = DecompressionMethods.GZip);
            var request = new HttpRequestMessage(HttpMethod.Get, _upstream.At("gzip-garbage"));

            var thrown = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsStringAsync();
            });
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, request);

            Assert.Equal("NETWORK_TRANSPORT_UNDECODABLE", error!.Reason);
            // Not retried: the same request gets the same undecodable bytes (issue 11; it was transient before).
            Assert.False(error.IsRetryable);
        }

        [Fact]
        public async Task ResponseOverAConfiguredLimit_IsLimitExceeded_NotTheRedirectLimit()
        {
            using var client = _upstream.TypedClient(h => h.MaxResponseHeadersLength = 1);

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(_upstream.At("big-header")));

            Assert.Equal("NETWORK_TRANSPORT_LIMIT_EXCEEDED", error.Reason);
            Assert.Equal("HTTP response from upstream exceeded a limit configured on this client (header length or buffered body size).", error.Message);
            Assert.Contains("ConfigurationLimitExceeded", error.DeveloperMessage);
            Assert.False(error.IsRetryable);
        }

        [Fact]
        public async Task RelativeUriWithoutBaseAddress_IsInvalidRequest()
        {
            using var client = _upstream.TypedClient();
            var request = new HttpRequestMessage(HttpMethod.Get, "relative/path");

            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request));
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, request);

            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", error!.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal("Tool constructed an invalid HTTP request — likely a tool-authoring bug.", error.Message);
        }

        [Fact]
        public async Task UnsupportedScheme_IsInvalidRequest()
        {
            using var client = _upstream.TypedClient();

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(new Uri("ftp://127.0.0.1/file")));

            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", error.Reason);
        }

        [Fact]
        public void InvalidHeader_IsInvalidRequest()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, _upstream.At("ok"));

            var thrown = Assert.ThrowsAny<FormatException>(() => request.Headers.Add("Bad Header", "value"));
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, request);

            Assert.Equal("INVALID_REQUEST_CONSTRUCTION", error!.Reason);
        }

        [Fact]
        public void MalformedUri_IsInvalidRequest()
        {
            var thrown = Assert.ThrowsAny<UriFormatException>(() => new Uri("http://[not-a-host"));

            Assert.Equal(HttpTransportFailure.InvalidRequest, HttpErrors.Classify(thrown));
        }

        [Fact]
        public void NetStandardFallback_ClassifiesByInnerExceptionTypes()
        {
            // What netstandard2.0 sees (no HttpRequestError): the inner exception decides.
            Assert.Equal(HttpTransportFailure.Unreachable, HttpErrors.Classify(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused))));
            Assert.Equal(HttpTransportFailure.Timeout, HttpErrors.Classify(new HttpRequestException("x", new SocketException((int)SocketError.TimedOut))));
            Assert.Equal(HttpTransportFailure.Tls, HttpErrors.Classify(new HttpRequestException("x", new System.Security.Authentication.AuthenticationException("x"))));
            Assert.Equal(HttpTransportFailure.Undecodable, HttpErrors.Classify(new HttpRequestException("x", new System.IO.InvalidDataException("x"))));
            Assert.Equal(HttpTransportFailure.Unreachable, HttpErrors.Classify(new HttpRequestException("x", new System.IO.IOException("x"))));
            Assert.Null(HttpErrors.Classify(new InvalidOperationException("unrelated")));
        }

        [Theory]
        [InlineData(HttpRequestError.ConfigurationLimitExceeded)]
        [InlineData(HttpRequestError.ResponseEnded)]
        [InlineData(HttpRequestError.InvalidResponse)]
        [InlineData(HttpRequestError.SecureConnectionError)]
        [InlineData(HttpRequestError.VersionNegotiationError)]
        public void HttpIOException_IsClassifiedByItsHttpRequestError_AsHttpRequestExceptionIs(HttpRequestError httpRequestError)
        {
            // .NET 8+ throws HttpIOException (an IOException) while a response body is read; its HttpRequestError decides,
            // as HttpRequestException's does, not the generic IOException rule.
            var fromIo = HttpErrors.FromException(_upstream.Taxonomy, new HttpIOException(httpRequestError, "body read failed"), null);
            var fromRequest = HttpErrors.FromException(_upstream.Taxonomy, new HttpRequestException(httpRequestError, "request failed"), null);

            Assert.Equal(fromRequest!.Reason, fromIo!.Reason);
            Assert.Equal(HttpErrors.Classify(new HttpRequestException(httpRequestError, "x")), HttpErrors.Classify(new HttpIOException(httpRequestError, "x")));
        }

        [Fact]
        public void HttpIOException_ConfigurationLimitExceeded_IsLimitExceeded_NotTheGenericIOExceptionRule()
        {
            var error = HttpErrors.FromException(_upstream.Taxonomy, new HttpIOException(HttpRequestError.ConfigurationLimitExceeded, "limit"), null);

            Assert.Equal("NETWORK_TRANSPORT_LIMIT_EXCEEDED", error!.Reason);
            Assert.False(error.IsRetryable);
        }

        [Fact]
        public async Task BodyCutShortMidStream_IsHttpIOException_ResponseEnded_AndUnreachable()
        {
            // The server promises 100 bytes, sends 10 and closes; the client reads the body after the headers.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var serve = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                await ReadRequestHeadAsync(socket);
                await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nContent-Type: text/plain\r\n\r\n0123456789"), SocketFlags.None);
                socket.Shutdown(SocketShutdown.Both);
            });
            using var client = _upstream.PlainClient();
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port + "/partial"));

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var thrown = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.CopyToAsync(System.IO.Stream.Null);
            });
            await serve;
            var error = HttpErrors.FromException(_upstream.Taxonomy, thrown, request);

            var io = Assert.IsType<HttpIOException>(thrown);
            Assert.Equal(HttpRequestError.ResponseEnded, io.HttpRequestError);
            Assert.Equal("NETWORK_TRANSPORT_UNREACHABLE", error!.Reason);
            Assert.True(error.IsRetryable);
        }

        [Fact]
        public void AlreadyTypedException_IsReturnedAsItIs()
        {
            var typed = HttpErrors.ForTransport(_upstream.Taxonomy, HttpTransportFailure.Unreachable);

            Assert.Same(typed, HttpErrors.FromException(_upstream.Taxonomy, new AggregateException(typed), null));
        }

        [Fact]
        public void TransportWithoutAMatchingKind_UsesTheCodesFallback()
        {
            var error = HttpErrors.ForTransport(TestTaxonomies.FallbackOnly, HttpTransportFailure.Timeout);

            Assert.Equal("UNAVAILABLE", error.Reason);
            Assert.True(error.IsRetryable);
        }

        private const string Http2ClientPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

        // Reads an HTTP/1.1 request head (up to the blank line), so that nothing sent is left unread when the server answers.
        private static async Task ReadRequestHeadAsync(Socket socket)
        {
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                Assert.True(read > 0, "The client closed the connection before sending a request head.");
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }

        // Reads HTTP/2 frames (9-byte header, then the payload) until a HEADERS frame (type 1) has been read.
        private static async Task ReadFramesUntilHeadersAsync(Socket socket)
        {
            while (true)
            {
                var header = await ReadExactlyAsync(socket, 9);
                int length = (header[0] << 16) | (header[1] << 8) | header[2];
                await ReadExactlyAsync(socket, length);
                if (header[3] == 1)
                {
                    return;
                }
            }
        }

        private static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
        {
            var buffer = new byte[count];
            int total = 0;
            while (total < count)
            {
                int read = await socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None);
                Assert.True(read > 0, "The client closed the connection early.");
                total += read;
            }

            return buffer;
        }

        // Reads until the client closes, so the server never resets a connection the client is still reading from.
        private static async Task DrainUntilClosedAsync(Socket socket)
        {
            var buffer = new byte[4096];
            try
            {
                while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
                {
                }
            }
            catch (SocketException)
            {
                // The client reset the connection instead of closing it: closed all the same.
            }
        }

        private static Uri ClosedPortUri(string pathAndQuery)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return new Uri("http://127.0.0.1:" + port + "/" + pathAndQuery);
        }
    }
}
