using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using ErrorSdk.Grpc.Tests.Probe;
using Grpc.Core;

namespace ErrorSdk.Grpc.Tests.Infrastructure
{
    /// <summary>
    /// The test service. <see cref="ProbeRequest.FailWith"/>: empty succeeds; a reason raises that kind
    /// (<see cref="Kinds.Create"/>); <c>PLAIN</c> throws an exception outside the taxonomy whose text holds a URL token
    /// and a password; <c>WRAPPED:R</c> hides kind R inside an AggregateException and an InvalidOperationException;
    /// <c>RPC</c> throws an RpcException of its own; <c>SLOW</c> waits until the call is cancelled; <c>FLAKY:R:n</c> raises
    /// R on the first n calls of <see cref="ProbeRequest.Key"/>, then succeeds. Every failure comes after an await.
    /// </summary>
    public sealed class ProbeService : Probe.Probe.ProbeBase
    {
        public const string PlainSecretText = "GET https://api.example.test/v1/items?access_token=tok_SECRET_123 failed: password=hunter2";

        /// <summary>Calls per key, across the server's lifetime.</summary>
        public static readonly ConcurrentDictionary<string, int> Calls = new ConcurrentDictionary<string, int>();

        public override async Task<ProbeReply> Unary(ProbeRequest request, ServerCallContext context)
        {
            await FailAsync(request, context);
            return new ProbeReply();
        }

        public override async Task<ProbeReply> ClientStream(IAsyncStreamReader<ProbeRequest> requestStream, ServerCallContext context)
        {
            ProbeRequest? first = null;
            int count = 0;
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                first ??= requestStream.Current;
                count++;
            }

            await FailAsync(first ?? new ProbeRequest(), context);
            return new ProbeReply { Index = count };
        }

        public override async Task ServerStream(ProbeRequest request, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context)
        {
            for (int i = 0; i < request.RepliesBeforeFailure; i++)
            {
                await responseStream.WriteAsync(new ProbeReply { Index = i });
            }

            await FailAsync(request, context);
        }

        public override async Task Duplex(IAsyncStreamReader<ProbeRequest> requestStream, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context)
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                var request = requestStream.Current;
                for (int i = 0; i < request.RepliesBeforeFailure; i++)
                {
                    await responseStream.WriteAsync(new ProbeReply { Index = i });
                }

                await FailAsync(request, context);
            }
        }

        private static async Task FailAsync(ProbeRequest request, ServerCallContext context)
        {
            await Task.Yield();
            var failWith = request.FailWith;
            if (failWith.Length == 0)
            {
                return;
            }

            if (failWith == "PLAIN")
            {
                throw new InvalidOperationException(PlainSecretText);
            }

            if (failWith == "RPC")
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, "the service chose this"), new Metadata { { "x-own", "kept" } });
            }

            if (failWith == "SLOW")
            {
                await Task.Delay(TimeSpan.FromMinutes(1), context.CancellationToken);
                return;
            }

            if (failWith.StartsWith("WRAPPED:", StringComparison.Ordinal))
            {
                throw new AggregateException(new InvalidOperationException("wrapper", Kinds.Create(failWith.Substring(8))));
            }

            if (failWith.StartsWith("FLAKY:", StringComparison.Ordinal))
            {
                var parts = failWith.Split(':');
                int call = Calls.AddOrUpdate(request.Key, 1, (_, n) => n + 1);
                if (call <= int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture))
                {
                    throw Kinds.Create(parts[1]);
                }

                return;
            }

            throw Kinds.Create(failWith);
        }
    }
}
