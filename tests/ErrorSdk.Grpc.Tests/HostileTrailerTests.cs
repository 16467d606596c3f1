using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Grpc.Tests.Infrastructure;
using ErrorSdk.Grpc.Tests.Probe;
using ErrorSdk.Http.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit;

namespace ErrorSdk.Grpc.Tests
{
    /// <summary>
    /// A raw Kestrel endpoint (no gRPC server) answers the probe's unary method with hostile status entries, as trailers
    /// after the response headers or as a trailers-only response; a Grpc.Net.Client with the interceptor must still get a
    /// typed exception that keeps what arrived. The request header <c>x-scenario</c> picks the answer, <c>x-mode</c> where it goes.
    /// </summary>
    public sealed class HostileTrailerTests : IAsyncLifetime
    {
        private const string Method = "/errorsdk.grpctests.v1.Probe/Unary";
        private static readonly byte[] InvalidUtf8Status = { 0x08, 0x03, 0x12, 0x04, 0x61, 0xC3, 0x28, 0xFF };
        private static readonly string OneMegabyte = new string('v', 1 << 20);
        private KestrelHost? _host;
        private GrpcChannel? _channel;

        public static TheoryData<string> Modes => new TheoryData<string> { "trailers", "trailers-only" };

        public async Task InitializeAsync()
        {
            _host = await KestrelHost.StartAsync(app => app.MapPost(Method, Answer), protocols: HttpProtocols.Http2);
            // Room for the 1 MB and 10,000-detail answers: SocketsHttpHandler refuses headers over 64 KB by default.
            _channel = GrpcChannel.ForAddress(_host.BaseAddress, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { MaxResponseHeadersLength = 16 * 1024 } });
        }

        public async Task DisposeAsync()
        {
            _channel?.Dispose();
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public async Task Invalid_utf8_in_the_details_gives_a_typed_exception_with_the_damage_marked(string mode)
        {
            var error = await CallAsync("invalid-utf8", mode);

            Assert.Equal(Google.Rpc.Code.InvalidArgument, error.Code);
            Assert.Equal("a\uFFFD(\uFFFD", error.Message);
            Assert.Contains(error.Received!.Problems, p => p.Contains("invalid_utf8_details", StringComparison.Ordinal));
            // What a grpc-dotnet user without ErrorSdk gets: GetRpcStatus() throws.
            Assert.ThrowsAny<Exception>(() => ((RpcException)error.InnerException!).GetRpcStatus());
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public async Task A_mismatching_code_keeps_the_call_code_and_records_the_mismatch(string mode)
        {
            var error = await CallAsync("code-mismatch", mode);

            Assert.IsType<ErrorSdk.Taxonomy.NotFoundException>(error);
            Assert.Equal(Google.Rpc.Code.NotFound, error.Code);
            Assert.Contains(error.Received!.Problems, p => p.Contains("code_mismatch", StringComparison.Ordinal));
            Assert.Equal("a/b", error.Metadata["resourceName"]);
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public async Task Ten_thousand_details_are_kept_raw_and_read_within_the_limits(string mode)
        {
            var error = await CallAsync("many-details", mode, new WireLimits(maxDetailsHeaderBytes: 4 << 20));

            Assert.IsType<ErrorSdk.Taxonomy.TooManyRequestsException>(error);
            Assert.Equal(10_001, error.ReceivedStatus!.Details.Count(d => d.TypeUrl != GrpcWire.TrailerProblemTypeUrl));
            Assert.Contains(error.Received!.Problems, p => p.StartsWith("details: read 64 of", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public async Task A_one_megabyte_message_is_cut_and_marked_and_kept_in_the_RpcException(string mode)
        {
            var error = await CallAsync("one-megabyte", mode);

            Assert.Equal(Google.Rpc.Code.Internal, error.Code);
            Assert.True(error.Message.Length <= WireLimits.Default.MaxMessageLength + WireLimits.TruncationMarker.Length);
            Assert.Contains(error.Received!.Problems, p => p.Contains("message_truncated", StringComparison.Ordinal));
            Assert.Equal(OneMegabyte, ((RpcException)error.InnerException!).Status.Detail);
        }

        [Fact]
        public async Task Bad_base64_in_the_trailers_gives_a_typed_exception_by_its_code()
        {
            var error = await CallAsync("bad-base64", "trailers");

            // Grpc.Net.Client 2.85 drops a -bin trailer that is not base64 before any interceptor sees it (the documented
            // limit): code and message survive, and the code's fallback kind is what the caller catches.
            Assert.IsType<ErrorSdk.Taxonomy.ServiceUnavailableException>(error);
            Assert.Equal("boom", error.Message);
            Assert.DoesNotContain(((RpcException)error.InnerException!).Trailers, t => t.Key == GrpcWire.DetailsHeader);
        }

        [Fact]
        public async Task Bad_base64_in_a_trailers_only_response_is_refused_by_GrpcNetClient_and_still_arrives_typed()
        {
            // Grpc.Net.Client 2.85 fails the call itself before any interceptor sees the headers (INTERNAL, "Error starting
            // gRPC call"): the raw value is gone, but the caller still catches a typed exception with the RpcException inside.
            var error = await CallAsync("bad-base64", "trailers-only");

            Assert.Equal(Google.Rpc.Code.Internal, error.Code);
            Assert.IsType<RpcException>(error.InnerException);
        }

        private async Task<TaxonomyException> CallAsync(string scenario, string mode, WireLimits? limits = null)
        {
            var client = new Probe.Probe.ProbeClient(_channel!.Intercept(new TaxonomyClientInterceptor(Kinds.Taxonomy, limits)));
            var headers = new Metadata { { "x-scenario", scenario }, { "x-mode", mode } };
            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await client.UnaryAsync(new ProbeRequest(), headers));
            Assert.IsType<RpcException>(error.InnerException);
            return error;
        }

        private static async Task Answer(HttpContext context)
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            var entries = Entries(context.Request.Headers["x-scenario"].ToString());
            context.Response.ContentType = "application/grpc";
            if (context.Request.Headers["x-mode"] == "trailers-only")
            {
                foreach (var (key, value) in entries)
                {
                    context.Response.Headers[key] = value;
                }

                return;
            }

            await context.Response.StartAsync();
            foreach (var (key, value) in entries)
            {
                context.Response.AppendTrailer(key, value);
            }
        }

        private static IEnumerable<(string Key, string Value)> Entries(string scenario) => scenario switch
        {
            "invalid-utf8" => new[] { ("grpc-status", "3"), ("grpc-status-details-bin", Convert.ToBase64String(InvalidUtf8Status)) },
            "code-mismatch" => new[] { ("grpc-status", "5"), ("grpc-status-details-bin", Details(3, "gone", ErrorInfo("NOT_FOUND", ("resourceName", "a/b")))) },
            "many-details" => new[] { ("grpc-status", "8"), ("grpc-status-details-bin", Details(8, "many", new[] { ErrorInfo("TOO_MANY_REQUESTS") }.Concat(Enumerable.Range(0, 10_000).Select(i => new Any { TypeUrl = "type.example.test/x.Unknown" + i, Value = ByteString.CopyFromUtf8("v" + i) })).ToArray())) },
            "one-megabyte" => new[] { ("grpc-status", "13"), ("grpc-message", OneMegabyte) },
            "bad-base64" => new[] { ("grpc-status", "14"), ("grpc-message", "boom"), ("grpc-status-details-bin", "!!!!") },
            _ => throw new ArgumentException("unknown scenario " + scenario),
        };

        private static Any ErrorInfo(string reason, params (string Key, string Value)[] metadata)
        {
            var info = new Google.Rpc.ErrorInfo { Reason = reason, Domain = Kinds.Taxonomy.Domain };
            foreach (var (key, value) in metadata)
            {
                info.Metadata[key] = value;
            }

            return Any.Pack(info);
        }

        private static string Details(int code, string message, params Any[] details)
        {
            var status = new Google.Rpc.Status { Code = code, Message = message };
            status.Details.Add(details);
            return Convert.ToBase64String(status.ToByteArray());
        }
    }
}
