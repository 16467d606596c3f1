using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using ErrorSdk.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ErrorSdk.AspNetCore
{
    /// <summary>
    /// Answers every unhandled exception with the taxonomy's wire form: a <see cref="TaxonomyException"/> (found
    /// through any wrapping) as RFC 9457 problem details, or as a gRPC trailers-only response for
    /// <c>application/grpc</c> requests; anything else as the taxonomy's internal kind, its text kept only in the
    /// developer message (sent only when <see cref="TaxonomyErrorOptions.IncludeDeveloperMessage"/> is on).
    /// Registered by <c>services.AddTaxonomyErrors(taxonomy)</c>; runs under <c>app.UseExceptionHandler()</c>.
    /// </summary>
    public sealed class TaxonomyExceptionHandler : IExceptionHandler
    {
        private readonly TaxonomyErrorOptions _options;
        private readonly InternalErrorFactory _internal;
        private readonly ILogger _logger;

        /// <summary>Creates the handler for <paramref name="taxonomy"/>; it does not log.</summary>
        public TaxonomyExceptionHandler(IErrorTaxonomy taxonomy, IOptions<TaxonomyErrorOptions> options)
            : this(taxonomy, options, NullLogger<TaxonomyExceptionHandler>.Instance)
        {
        }

        /// <summary>
        /// Creates the handler for <paramref name="taxonomy"/>, logging each answered error to <paramref name="logger"/>
        /// inside the error's <see cref="TaxonomyException.ToLogScope"/> (outward-safe fields only).
        /// </summary>
        public TaxonomyExceptionHandler(IErrorTaxonomy taxonomy, IOptions<TaxonomyErrorOptions> options, ILogger<TaxonomyExceptionHandler> logger)
        {
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            _options = options?.Value ?? new TaxonomyErrorOptions();
            _internal = new InternalErrorFactory(taxonomy, _options.InternalReason);
        }

        /// <inheritdoc />
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (httpContext is null)
            {
                throw new ArgumentNullException(nameof(httpContext));
            }

            if (exception is null)
            {
                throw new ArgumentNullException(nameof(exception));
            }

            var error = ToTaxonomyError(httpContext, exception);
            bool grpc = GrpcErrorWriter.IsGrpc(httpContext.Request);
            ErrorTelemetry.RecordRaised(error, grpc ? ErrorTransport.Grpc : ErrorTransport.Http);
            Log(error, exception, grpc);
            if (grpc)
            {
                GrpcErrorWriter.Write(httpContext.Response, error, _options.IncludeDeveloperMessage);
                return true;
            }

            await ProblemDetailsResponse.WriteAsync(httpContext, error, _options, cancellationToken).ConfigureAwait(false);
            return true;
        }

        private void Log(TaxonomyException error, Exception exception, bool grpc)
        {
            bool unexpected = ErrorChain.Find<TaxonomyException>(exception) is null;
            if (!_logger.IsEnabled(unexpected ? LogLevel.Error : LogLevel.Information))
            {
                return;
            }

            string code = ErrorTelemetry.CodeNameOf(error);
            using (_logger.BeginScope(error.ToLogScope()))
            {
                if (unexpected)
                {
                    TaxonomyErrorLog.UnexpectedExceptionAnswered(_logger, exception.GetType().FullName ?? "Exception", ErrorTelemetry.ErrorTypeOf(error), code);
                }
                else
                {
                    TaxonomyErrorLog.TypedErrorAnswered(_logger, ErrorTelemetry.ErrorTypeOf(error), code, grpc ? "gRPC" : "HTTP", grpc ? (int)error.Code : error.HttpStatus);
                }
            }
        }

        /// <summary>The typed error an exception stands for: its own, the host's mapping, or the internal kind.</summary>
        public TaxonomyException ToTaxonomyError(HttpContext httpContext, Exception exception) =>
            ErrorChain.Find<TaxonomyException>(exception)
            ?? _options.MapException?.Invoke(exception, httpContext)
            ?? _internal.Create(exception);
    }
}
