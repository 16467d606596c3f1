using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErrorSdk.AspNetCore
{
    /// <summary>
    /// An <see cref="IResult"/> that answers with a typed error the way <see cref="TaxonomyExceptionHandler"/> does
    /// (problem details, or a gRPC trailers-only response), for endpoints that return an error instead of throwing:
    /// <c>return TaxonomyResults.Error(new NotFoundException(...));</c>
    /// </summary>
    public sealed class TaxonomyErrorResult : IResult
    {
        internal TaxonomyErrorResult(TaxonomyException error)
        {
            Error = error ?? throw new ArgumentNullException(nameof(error));
        }

        /// <summary>The error the result answers with.</summary>
        public TaxonomyException Error { get; }

        /// <inheritdoc />
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (httpContext is null)
            {
                throw new ArgumentNullException(nameof(httpContext));
            }

            var options = httpContext.RequestServices.GetService<IOptions<TaxonomyErrorOptions>>()?.Value ?? new TaxonomyErrorOptions();
            if (GrpcErrorWriter.IsGrpc(httpContext.Request))
            {
                GrpcErrorWriter.Write(httpContext.Response, Error, options.IncludeDeveloperMessage);
                return Task.CompletedTask;
            }

            return ProblemDetailsResponse.WriteAsync(httpContext, Error, options, httpContext.RequestAborted);
        }
    }

    /// <summary>Results that answer with a typed error.</summary>
    public static class TaxonomyResults
    {
        /// <summary>A result that writes <paramref name="error"/> as problem details (or a gRPC error for gRPC requests).</summary>
        public static TaxonomyErrorResult Error(TaxonomyException error) => new TaxonomyErrorResult(error);
    }
}
