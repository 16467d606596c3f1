using System;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ErrorSdk.Diagnostics;

namespace ErrorSdk.Grpc
{
    /// <summary>
    /// A grpc-dotnet server interceptor that answers every handler failure with the taxonomy's wire form, in all four
    /// call shapes. Grpc.AspNetCore catches handler exceptions before any ASP.NET Core middleware sees them (they would
    /// arrive as <c>UNKNOWN</c>, "Exception was thrown by handler."), so the status is chosen here:
    /// <list type="bullet">
    /// <item>a <see cref="TaxonomyException"/> anywhere in the exception chain (<see cref="ErrorChain.Find{T}"/>) becomes an
    /// <see cref="RpcException"/> with the kind's code, safe message and every detail in <c>grpc-status-details-bin</c>;</item>
    /// <item>any other exception becomes the taxonomy's internal kind (<see cref="InternalErrorFactory"/>): no raw text
    /// outward, the developer message only when <see cref="TaxonomyGrpcServerOptions.IncludeDeveloperMessage"/> is on;</item>
    /// <item>an <see cref="RpcException"/> thrown by the service, and anything thrown once the call is cancelled (client
    /// cancellation, expired deadline), pass through, so grpc-dotnet answers them with the codes it always gives.</item>
    /// </list>
    /// The continuation is awaited, so an error thrown after the first <c>await</c>, or after streamed response messages,
    /// arrives typed too (in the trailers that follow the messages).
    /// </summary>
    /// <remarks>
    /// Register it with Grpc.AspNetCore's own collection:
    /// <c>services.AddGrpc(o =&gt; o.Interceptors.Add&lt;TaxonomyServerInterceptor&gt;(AcmeTaxonomy.Instance));</c>
    /// (a second argument passes <see cref="TaxonomyGrpcServerOptions"/>).
    /// </remarks>
    public sealed class TaxonomyServerInterceptor : Interceptor
    {
        private readonly IErrorTaxonomy _taxonomy;
        private readonly TaxonomyGrpcServerOptions _options;
        private InternalErrorFactory? _internal;

        /// <summary>Creates the interceptor for <paramref name="taxonomy"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> is null.</exception>
        public TaxonomyServerInterceptor(IErrorTaxonomy taxonomy, TaxonomyGrpcServerOptions? options = null)
        {
            _taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
            _options = options ?? new TaxonomyGrpcServerOptions();
        }

        /// <inheritdoc />
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            try
            {
                return await continuation(request, context).ConfigureAwait(false);
            }
            catch (Exception e) when (ShouldAnswer(e, context))
            {
                throw ToRpcException(e, context);
            }
        }

        /// <inheritdoc />
        public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        {
            try
            {
                return await continuation(requestStream, context).ConfigureAwait(false);
            }
            catch (Exception e) when (ShouldAnswer(e, context))
            {
                throw ToRpcException(e, context);
            }
        }

        /// <inheritdoc />
        public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            try
            {
                await continuation(request, responseStream, context).ConfigureAwait(false);
            }
            catch (Exception e) when (ShouldAnswer(e, context))
            {
                throw ToRpcException(e, context);
            }
        }

        /// <inheritdoc />
        public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            try
            {
                await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            }
            catch (Exception e) when (ShouldAnswer(e, context))
            {
                throw ToRpcException(e, context);
            }
        }

        // The service chose its status, or the call is over (cancelled by the client or past its deadline): grpc-dotnet answers.
        private static bool ShouldAnswer(Exception exception, ServerCallContext context) =>
            exception is not RpcException && !context.CancellationToken.IsCancellationRequested;

        private RpcException ToRpcException(Exception exception, ServerCallContext context)
        {
            var error = ErrorChain.Find<TaxonomyException>(exception)
                ?? _options.MapException?.Invoke(exception, context)
                ?? (_internal ??= new InternalErrorFactory(_taxonomy, _options.InternalReason)).Create(exception);
            // Recorded before ToStatus so the span also gets rpc.grpc.status_code (ToStatus alone records without it).
            return ErrorTelemetry.RecordRaised(error, ErrorTransport.Grpc).ToRpcException(_options.IncludeDeveloperMessage);
        }
    }
}
