using System;
using ErrorSdk;
using ErrorSdk.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers ErrorSdk's exception handler.</summary>
    public static class TaxonomyErrorsServiceCollectionExtensions
    {
        /// <summary>
        /// Registers <paramref name="taxonomy"/> (as <see cref="IErrorTaxonomy"/>, unless one is registered),
        /// <see cref="TaxonomyExceptionHandler"/> and problem details support. Then call
        /// <c>app.UseExceptionHandler()</c> early in the pipeline.
        /// </summary>
        public static IServiceCollection AddTaxonomyErrors(this IServiceCollection services, IErrorTaxonomy taxonomy, Action<TaxonomyErrorOptions>? configure = null)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            services.TryAddSingleton(taxonomy);
            var options = services.AddOptions<TaxonomyErrorOptions>();
            if (configure is not null)
            {
                options.Configure(configure);
            }

            // UseExceptionHandler() with no path needs IProblemDetailsService registered on .NET 8.
            services.AddProblemDetails();
            services.AddExceptionHandler<TaxonomyExceptionHandler>();
            return services;
        }
    }
}
