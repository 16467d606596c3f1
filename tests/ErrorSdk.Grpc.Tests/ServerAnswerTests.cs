using System;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Grpc.Tests.Infrastructure;
using ErrorSdk.Grpc.Tests.Probe;
using ErrorSdk.Http.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorSdk.Grpc.Tests
{
    /// <summary>What the server answers for exceptions outside the taxonomy, and for cancelled and expired calls.</summary>
    public sealed class ServerAnswerTests : IClassFixture<ProbeServerFixture>
    {
        private static readonly string[] Secrets = { "tok_SECRET_123", "hunter2", "access_token", "api.example.test", "InvalidOperationException" };
        private readonly ProbeServerFixture _server;

        public ServerAnswerTests(ProbeServerFixture server) => _server = server;

        [Fact]
        public async Task An_exception_outside_the_taxonomy_becomes_the_internal_kind_and_leaks_nothing()
        {
            var raw = await Assert.ThrowsAsync<RpcException>(async () => await _server.RawClient.UnaryAsync(new ProbeRequest { FailWith = "PLAIN" }));
            var typed = await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await _server.Client.UnaryAsync(new ProbeRequest { FailWith = "PLAIN" }));

            Assert.Equal(StatusCode.Internal, raw.StatusCode);
            Assert.Equal("INTERNAL", typed.Reason);
            Assert.Null(typed.DeveloperMessage);
            var outward = raw.Status.Detail + "|" + raw.GetRpcStatus() + "|" + string.Join("|", raw.Trailers) + "|" + typed;
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, outward, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task The_developer_message_travels_only_when_opted_in_and_sanitized()
        {
            await using var host = await KestrelHost.StartAsync(
                app => app.MapGrpcService<ProbeService>(),
                services => services.AddGrpc(o => o.Interceptors.Add<TaxonomyServerInterceptor>(Kinds.Taxonomy, new TaxonomyGrpcServerOptions { IncludeDeveloperMessage = true })),
                HttpProtocols.Http2);
            using var channel = GrpcChannel.ForAddress(host.BaseAddress);
            var client = new Probe.Probe.ProbeClient(channel.Intercept(new TaxonomyClientInterceptor(Kinds.Taxonomy)));

            var typed = await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await client.UnaryAsync(new ProbeRequest { FailWith = "PLAIN" }));

            Assert.Equal("INTERNAL", typed.Reason);
            Assert.Contains("InvalidOperationException", typed.DeveloperMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("tok_SECRET_123", typed.ReceivedStatus!.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", typed.ReceivedStatus!.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Client_cancellation_keeps_grpc_dotnets_code_and_arrives_typed()
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await _server.Client.UnaryAsync(new ProbeRequest { FailWith = "SLOW" }, cancellationToken: cancellation.Token));

            Assert.Equal(Google.Rpc.Code.Cancelled, error.Code);
            Assert.Equal(StatusCode.Cancelled, Assert.IsType<RpcException>(error.InnerException).StatusCode);
        }

        [Fact]
        public async Task An_expired_deadline_keeps_grpc_dotnets_code_in_every_shape()
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(300);

            var unary = await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await _server.Client.UnaryAsync(new ProbeRequest { FailWith = "SLOW" }, deadline: deadline));
            // Long enough for the first reply to arrive on a loaded machine; the handler then waits for the deadline.
            using var stream = _server.Client.ServerStream(new ProbeRequest { FailWith = "SLOW", RepliesBeforeFailure = 1 }, deadline: DateTime.UtcNow.AddSeconds(2));
            Assert.True(await stream.ResponseStream.MoveNext(default));
            var streamed = await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await stream.ResponseStream.MoveNext(default));

            foreach (var error in new[] { unary, streamed })
            {
                Assert.Equal(Google.Rpc.Code.DeadlineExceeded, error.Code);
                Assert.Equal(StatusCode.DeadlineExceeded, Assert.IsType<RpcException>(error.InnerException).StatusCode);
            }

            // The raw call: grpc-dotnet's own DEADLINE_EXCEEDED, not the internal kind.
            var raw = await Assert.ThrowsAsync<RpcException>(async () => await _server.RawClient.UnaryAsync(new ProbeRequest { FailWith = "SLOW" }, deadline: DateTime.UtcNow.AddMilliseconds(300)));
            Assert.Equal(StatusCode.DeadlineExceeded, raw.StatusCode);
        }

        [Fact]
        public async Task Request_stream_writes_after_the_server_failed_arrive_typed()
        {
            using var call = _server.Client.Duplex();
            await call.RequestStream.WriteAsync(new ProbeRequest { FailWith = "NOT_FOUND" });
            await Assert.ThrowsAsync<ErrorSdk.Taxonomy.NotFoundException>(async () => await call.ResponseStream.MoveNext(default));

            // The call is over: writing and completing report the call's status, typed.
            var write = await Assert.ThrowsAnyAsync<Exception>(async () => await call.RequestStream.WriteAsync(new ProbeRequest()));
            Assert.IsType<ErrorSdk.Taxonomy.NotFoundException>(write);
        }
    }
}
