using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;

namespace ErrorSdk.Grpc
{
    /// <summary>A response stream whose every read throws the typed exception instead of an <see cref="RpcException"/>.</summary>
    internal sealed class PromotingStreamReader<T> : IAsyncStreamReader<T>
    {
        private readonly IAsyncStreamReader<T> _inner;
        private readonly TaxonomyClientInterceptor _interceptor;

        public PromotingStreamReader(IAsyncStreamReader<T> inner, TaxonomyClientInterceptor interceptor)
        {
            _inner = inner;
            _interceptor = interceptor;
        }

        public T Current => _inner.Current;

        public Task<bool> MoveNext(CancellationToken cancellationToken) => _interceptor.Promoting(_inner.MoveNext(cancellationToken));
    }

    /// <summary>A request stream whose writes and completion throw the typed exception instead of an <see cref="RpcException"/>.</summary>
    internal sealed class PromotingStreamWriter<T> : IClientStreamWriter<T>
    {
        private readonly IClientStreamWriter<T> _inner;
        private readonly TaxonomyClientInterceptor _interceptor;

        public PromotingStreamWriter(IClientStreamWriter<T> inner, TaxonomyClientInterceptor interceptor)
        {
            _inner = inner;
            _interceptor = interceptor;
        }

        public WriteOptions? WriteOptions
        {
            get => _inner.WriteOptions;
            set => _inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => _interceptor.Promoting(_inner.WriteAsync(message));

#if NET8_0_OR_GREATER
        public Task WriteAsync(T message, CancellationToken cancellationToken) => _interceptor.Promoting(_inner.WriteAsync(message, cancellationToken));
#endif

        public Task CompleteAsync() => _interceptor.Promoting(_inner.CompleteAsync());
    }
}
