using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// A gRPC unary call with nothing but HttpClient: HTTP/2 with prior knowledge over plain TCP, application/grpc
    /// framing of an empty message, and the grpc-* entries read from the response headers (a trailers-only answer)
    /// and from the trailing headers.
    /// </summary>
    internal sealed class GrpcHttpClient : IDisposable
    {
        private readonly HttpClient _client = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = false })
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };

        /// <summary>Calls <paramref name="method"/> and returns every header and trailer of the answer.</summary>
        public async Task<IReadOnlyList<KeyValuePair<string, string>>> CallAsync(int port, string method)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:" + port + method)
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                // The length-prefixed message: compressed flag 0, length 0, no bytes.
                Content = new ByteArrayContent(new byte[5]),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new Version(2, 0), response.Version);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Empty(body);

            return response.Headers
                .Concat(response.Content.Headers)
                .Concat(response.TrailingHeaders)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToList();
        }

        public void Dispose() => _client.Dispose();
    }
}
