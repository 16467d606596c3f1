using System;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ErrorSdk.Diagnostics;

namespace ErrorSdk.Grpc
{
    /// <summary>
    /// A grpc-dotnet client interceptor that throws the typed exception for every <see cref="RpcException"/> of a call,
    /// with the <see cref="RpcException"/> as <see cref="Exception.InnerException"/>: the unary response, the response
    /// headers, each streaming read, each streaming write and the request stream's completion. On hostile trailers it
    /// still throws only a <see cref="TaxonomyException"/> (see <see cref="GrpcTaxonomyExtensions.Promote(IErrorTaxonomy, RpcException, WireLimits?)"/>).
    /// Other exceptions (e.g. <see cref="OperationCanceledException"/> when the channel is set to throw it) pass through.
    /// </summary>
    /// <remarks>
    /// <c>var invoker = channel.Intercept(new TaxonomyClientInterceptor(AcmeTaxonomy.Instance));</c>, or with
    /// Grpc.Net.ClientFactory: <c>services.AddGrpcClient&lt;T&gt;(...).AddInterceptor(() =&gt; new TaxonomyClientInterceptor(AcmeTaxonomy.Instance));</c>
    /// </remarks>
    public sealed class TaxonomyClientInterceptor : Interceptor
    {
        private readonly IErrorTaxonomy _taxonomy;
        private readonly WireLimits _limits;

        /// <summary>Creates the interceptor; received details are read within <paramref name="limits"/> (default <see cref="WireLimits.Default"/>).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> is null.</exception>
        public TaxonomyClientInterceptor(IErrorTaxonomy taxonomy, WireLimits? limits = null)
        {
            _taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
            _limits = limits ?? WireLimits.Default;
        }

        /// <inheritdoc />
        public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            try
            {
                return continuation(request, context);
            }
            catch (RpcException e)
            {
                throw Promote(e);
            }
        }

        /// <inheritdoc />
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(request, context);
            return new AsyncUnaryCall<TResponse>(Promoting(call.ResponseAsync), Headers(call.ResponseHeadersAsync), call.GetStatus, call.GetTrailers, call.Dispose);
        }

        /// <inheritdoc />
        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(request, context);
            return new AsyncServerStreamingCall<TResponse>(new PromotingStreamReader<TResponse>(call.ResponseStream, this), Headers(call.ResponseHeadersAsync), call.GetStatus, call.GetTrailers, call.Dispose);
        }

        /// <inheritdoc />
        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(context);
            return new AsyncClientStreamingCall<TRequest, TResponse>(new PromotingStreamWriter<TRequest>(call.RequestStream, this), Promoting(call.ResponseAsync), Headers(call.ResponseHeadersAsync), call.GetStatus, call.GetTrailers, call.Dispose);
        }

        /// <inheritdoc />
        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(context);
            return new AsyncDuplexStreamingCall<TRequest, TResponse>(new PromotingStreamWriter<TRequest>(call.RequestStream, this), new PromotingStreamReader<TResponse>(call.ResponseStream, this), Headers(call.ResponseHeadersAsync), call.GetStatus, call.GetTrailers, call.Dispose);
        }

        /// <summary>The typed exception for <paramref name="exception"/>, read within this interceptor's limits.</summary>
        internal TaxonomyException Promote(RpcException exception)
        {
            TaxonomyException error;
            using (ErrorTelemetry.SuppressReceived())
            {
                error = _taxonomy.Promote(exception, _limits); // recorded once below, tagged with its transport
            }

            return ErrorTelemetry.RecordReceived(error, ErrorTransport.Grpc);
        }

        internal async Task<T> Promoting<T>(Task<T> task)
        {
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                throw Promote(e);
            }
        }

        internal async Task Promoting(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                throw Promote(e);
            }
        }

        // Callers often never read the headers: observe a failure so it is not reported as an unobserved task exception.
        private Task<Metadata> Headers(Task<Metadata> headers)
        {
            var promoting = Promoting(headers);
            if (!promoting.IsCompleted)
            {
                _ = promoting.ContinueWith(static t => _ = t.Exception, default, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            else
            {
                _ = promoting.Exception;
            }

            return promoting;
        }
    }
}
