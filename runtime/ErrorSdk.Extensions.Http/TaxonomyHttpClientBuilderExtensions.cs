using System;
using ErrorSdk;
using ErrorSdk.Http;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Adds <see cref="TaxonomyHttpHandler"/> to clients built by <c>IHttpClientFactory</c>.</summary>
    public static class TaxonomyHttpClientBuilderExtensions
    {
        /// <summary>
        /// Makes the client throw <paramref name="taxonomy"/>'s typed exceptions for error responses and transport
        /// failures, logged at Information (category <c>ErrorSdk.Extensions.Http</c>, outward-safe fields only). Handlers
        /// added after this one sit closer to the network; add a retry handler before it, so the retry sees typed errors.
        /// </summary>
        public static IHttpClientBuilder AddTaxonomyErrors(this IHttpClientBuilder builder, IErrorTaxonomy taxonomy, Action<TaxonomyHttpHandlerOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            var options = Configure(configure);
            builder.AddHttpMessageHandler(services => new ErrorSdk.Extensions.Http.ReceivedErrorLoggingHandler(services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
            return builder.AddHttpMessageHandler(() => new TaxonomyHttpHandler(taxonomy, options));
        }

        /// <summary>
        /// Makes the client throw the typed exceptions of the <see cref="IErrorTaxonomy"/> registered in the
        /// container. See <see cref="AddTaxonomyErrors(IHttpClientBuilder, IErrorTaxonomy, Action{TaxonomyHttpHandlerOptions})"/>.
        /// </summary>
        public static IHttpClientBuilder AddTaxonomyErrors(this IHttpClientBuilder builder, Action<TaxonomyHttpHandlerOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var options = Configure(configure);
            builder.AddHttpMessageHandler(services => new ErrorSdk.Extensions.Http.ReceivedErrorLoggingHandler(services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
            return builder.AddHttpMessageHandler(services => new TaxonomyHttpHandler(services.GetRequiredService<IErrorTaxonomy>(), options));
        }

        private static TaxonomyHttpHandlerOptions Configure(Action<TaxonomyHttpHandlerOptions>? configure)
        {
            var options = new TaxonomyHttpHandlerOptions();
            configure?.Invoke(options);
            return options;
        }
    }
}
