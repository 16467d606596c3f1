using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorSdk.Bench.Retry.Clients
{
    /// <summary>Counts every request handed to the network handler, whether or not a connection was made.</summary>
    internal sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public CountingHandler()
            : base(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
        }

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
