using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Xunit;

namespace ErrorSdk.Http.Tests.AspNetCore
{
    /// <summary>gRPC trailers-only responses written by ErrorSdk.AspNetCore, read back over HTTP/2.</summary>
    public sealed class GrpcResponseTests : IClassFixture<ErrorServerFixture>
    {
        private readonly ErrorServerFixture _server;

        public GrpcResponseTests(ErrorServerFixture server) => _server = server;

        [Fact]
        public async Task GrpcRequest_GetsATrailersOnlyResponse_ThatPromotesToTheSameKind()
        {
            using var client = new HttpClient(new SocketsHttpHandler());
            using var response = await client.SendAsync(GrpcCall("throw/provisioning"));
            var headers = response.Headers.SelectMany(h => h.Value.Select(v => new System.Collections.Generic.KeyValuePair<string, string>(h.Key, v)));

            var status = GrpcWire.FromTrailers(headers);
            var error = _server.Taxonomy.Promote(status!);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Equal("application/grpc", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("9", response.Headers.GetValues("grpc-status").Single());
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("USER_NOT_PROVISIONABLE", error.Reason);
            Assert.Equal("The user cannot be provisioned in the target system.", error.Message);
            Assert.Null(error.DeveloperMessage);
        }

        [Fact]
        public async Task GrpcError_ThroughTheTypedHandler_IsThrown()
        {
            using var client = new HttpClient(new ErrorSdk.Http.TaxonomyHttpHandler(_server.Taxonomy, new SocketsHttpHandler()));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.SendAsync(GrpcCall("throw/throttled")));

            Assert.Equal("TOO_MANY_REQUESTS", error.Reason);
            Assert.Equal(TimeSpan.FromSeconds(1.5), error.RetryAfter);
        }

        [Fact]
        public async Task GrpcRequest_OutsideTheTaxonomy_IsInternal_WithNoRawText()
        {
            using var client = new HttpClient(new SocketsHttpHandler());
            using var response = await client.SendAsync(GrpcCall("throw/plain"));
            var all = string.Join("\n", response.Headers.SelectMany(h => h.Value));

            Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
            Assert.Equal("An internal error occurred.", response.Headers.GetValues("grpc-message").Single());
            Assert.DoesNotContain(ErrorServerFixture.Secret, all);
        }

        [Fact]
        public async Task GrpcError_WithoutAReason_CarriesNoErrorInfo_CodeAndMessageKept()
        {
            var status = await StatusOf(GrpcCall("throw/unclassified"));

            Assert.Equal(13, status.Code);
            Assert.Equal("x", status.Message);
            Assert.DoesNotContain(status.Details, d => d.TypeUrl.EndsWith("google.rpc.ErrorInfo", StringComparison.Ordinal));
        }

        [Fact]
        public async Task GrpcRequest_TaxonomyWithoutAnInternalKind_IsInternal_WithNoErrorInfo()
        {
            var status = await StatusOf(GrpcCall("throw/plain", _server.NoInternalKindHttp2));

            Assert.Equal(13, status.Code);
            Assert.Equal("An internal error occurred.", status.Message);
            Assert.Empty(status.Details);
        }

        [Fact]
        public async Task GrpcError_ForwardedForeign_KeepsItsErrorInfo()
        {
            var status = await StatusOf(GrpcCall("throw/foreign"));
            var received = ReceivedError.Read(status, "errorsdk.dev");

            Assert.Equal(9, status.Code);
            Assert.Equal("BAD_THING", received.Reason);
            Assert.Equal("other.example", received.Domain);
            Assert.Equal("eu-1", received.Metadata["zone"]);
        }

        private static async Task<Google.Rpc.Status> StatusOf(HttpRequestMessage call)
        {
            using var client = new HttpClient(new SocketsHttpHandler());
            using var response = await client.SendAsync(call);
            var headers = response.Headers.SelectMany(h => h.Value.Select(v => new System.Collections.Generic.KeyValuePair<string, string>(h.Key, v)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return GrpcWire.FromTrailers(headers)!;
        }

        private HttpRequestMessage GrpcCall(string path, ErrorSdk.Http.Tests.Infrastructure.KestrelHost? host = null) => new(HttpMethod.Post, new Uri((host ?? _server.Http2).BaseAddress, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[] { 0, 0, 0, 0, 0 }) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
        };
    }
}
