using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ErrorSdk.Grpc.Tests.Infrastructure;
using ErrorSdk.Grpc.Tests.Probe;
using Grpc.Core;
using Xunit;

namespace ErrorSdk.Grpc.Tests
{
    /// <summary>
    /// Every concrete kind, thrown in a Grpc.AspNetCore service behind <see cref="TaxonomyServerInterceptor"/>, reaches a
    /// Grpc.Net.Client behind <see cref="TaxonomyClientInterceptor"/> as its own class in all four call shapes: type,
    /// reason, code, retry policy, RetryAfter, fields (metadata) and message; streamed replies before the error arrive first.
    /// </summary>
    public sealed class RoundTripTests : IClassFixture<ProbeServerFixture>
    {
        private const int RepliesBeforeFailure = 2;
        private readonly ProbeServerFixture _server;

        public RoundTripTests(ProbeServerFixture server) => _server = server;

        public static TheoryData<string> Reasons => Kinds.ConcreteReasons();

        [Theory]
        [MemberData(nameof(Reasons))]
        public async Task Every_kind_round_trips_in_every_call_shape(string reason)
        {
            var sent = Kinds.Create(reason);
            var request = new ProbeRequest { FailWith = reason, RepliesBeforeFailure = RepliesBeforeFailure };

            Kinds.AssertRoundTrip(sent, await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await _server.Client.UnaryAsync(request)), "unary");
            Kinds.AssertRoundTrip(sent, Assert.ThrowsAny<TaxonomyException>(() => _server.Client.Unary(request)), "blocking unary");

            using (var call = _server.Client.ClientStream())
            {
                await call.RequestStream.WriteAsync(request);
                await call.RequestStream.WriteAsync(new ProbeRequest());
                await call.RequestStream.CompleteAsync();
                Kinds.AssertRoundTrip(sent, await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await call.ResponseAsync), "client streaming");
            }

            using (var call = _server.Client.ServerStream(request))
            {
                Kinds.AssertRoundTrip(sent, await ReadUntilFailureAsync(call.ResponseStream), "server streaming");
            }

            using (var call = _server.Client.Duplex())
            {
                await call.RequestStream.WriteAsync(request);
                Kinds.AssertRoundTrip(sent, await ReadUntilFailureAsync(call.ResponseStream), "duplex");
            }
        }

        /// <summary>Reads a response stream to its failure: the replies streamed before it must all arrive first.</summary>
        private static async Task<TaxonomyException> ReadUntilFailureAsync(IAsyncStreamReader<ProbeReply> stream)
        {
            var replies = new List<int>();
            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(async () =>
            {
                while (await stream.MoveNext(default))
                {
                    replies.Add(stream.Current.Index);
                }
            });
            Assert.Equal(new[] { 0, 1 }, replies);
            return error;
        }

        [Fact]
        public async Task What_the_server_sends_is_the_full_status_in_the_details_trailer()
        {
            var sent = Kinds.Create("TOOL_RATE_LIMIT");

            var error = await Assert.ThrowsAsync<RpcException>(async () => await _server.RawClient.UnaryAsync(new ProbeRequest { FailWith = "TOOL_RATE_LIMIT" }));

            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Equal(sent.Message, error.Status.Detail);
            Assert.Equal(sent.ToStatus(), error.GetRpcStatus());
        }

        [Fact]
        public async Task A_kind_inside_wrapping_exceptions_is_found()
        {
            var error = await Assert.ThrowsAsync<ErrorSdk.Taxonomy.NotFoundException>(async () => await _server.Client.UnaryAsync(new ProbeRequest { FailWith = "WRAPPED:NOT_FOUND" }));

            Kinds.AssertRoundTrip(Kinds.Create("NOT_FOUND"), error, "unary, wrapped");
        }

        [Fact]
        public async Task A_typed_catch_works_on_the_generated_class_and_its_parents()
        {
            var error = await Assert.ThrowsAsync<ErrorSdk.Taxonomy.ToolRateLimitException>(async () => await _server.Client.UnaryAsync(new ProbeRequest { FailWith = "TOOL_RATE_LIMIT" }));

            Assert.IsAssignableFrom<ErrorSdk.Taxonomy.ITooManyRequests>(error);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
        }

        [Fact]
        public async Task An_RpcException_thrown_by_the_service_passes_through_unchanged()
        {
            var raw = await Assert.ThrowsAsync<RpcException>(async () => await _server.RawClient.UnaryAsync(new ProbeRequest { FailWith = "RPC" }));
            Assert.Equal(StatusCode.AlreadyExists, raw.StatusCode);
            Assert.Equal("the service chose this", raw.Status.Detail);
            Assert.Equal("kept", raw.Trailers.GetValue("x-own"));

            // Through the client interceptor it is still typed: the code's fallback kind, the RpcException inside.
            var typed = await Assert.ThrowsAnyAsync<TaxonomyException>(async () => await _server.Client.UnaryAsync(new ProbeRequest { FailWith = "RPC" }));
            Assert.Equal(Google.Rpc.Code.AlreadyExists, typed.Code);
            Assert.Equal("the service chose this", typed.Message);
            Assert.Same(typed.InnerException, typed.InnerException as RpcException);
        }

        [Fact]
        public async Task A_successful_call_in_every_shape_is_untouched()
        {
            Assert.NotNull(await _server.Client.UnaryAsync(new ProbeRequest()));

            using var duplex = _server.Client.Duplex();
            await duplex.RequestStream.WriteAsync(new ProbeRequest { RepliesBeforeFailure = 3 });
            await duplex.RequestStream.CompleteAsync();
            int count = 0;
            while (await duplex.ResponseStream.MoveNext(default))
            {
                count++;
            }

            Assert.Equal(3, count);
            Assert.Equal(StatusCode.OK, duplex.GetStatus().StatusCode);
        }
    }
}
