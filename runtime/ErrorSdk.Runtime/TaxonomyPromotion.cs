using System;

namespace ErrorSdk
{
    /// <summary>Promotion of a received status with the exception it arrived in (e.g. a transport's <c>RpcException</c>).</summary>
    public static class TaxonomyPromotion
    {
        [ThreadStatic]
        private static Exception? t_cause;

        /// <summary>The cause of the promotion running on this thread, for the exception it constructs.</summary>
        internal static Exception? CurrentCause => t_cause;

        /// <summary>
        /// <see cref="IErrorTaxonomy.Promote(Google.Rpc.Status, WireLimits)"/>, with <paramref name="cause"/> as the
        /// <see cref="Exception.InnerException"/> of the typed exception (generated taxonomies and
        /// <see cref="UnclassifiedException"/> take it; a hand-written <see cref="IErrorTaxonomy"/> may not). Never throws
        /// for any status.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> or <paramref name="status"/> is null.</exception>
        public static TaxonomyException Promote(this IErrorTaxonomy taxonomy, Google.Rpc.Status status, Exception? cause, WireLimits? limits = null)
        {
            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            if (status is null)
            {
                throw new ArgumentNullException(nameof(status));
            }

            // Promote is synchronous and builds its exception on this thread: the cause rides along without a new
            // parameter on every generated constructor, and is cleared whatever happens.
            var previous = t_cause;
            t_cause = cause;
            try
            {
                return taxonomy.Promote(status, limits ?? WireLimits.Default);
            }
            finally
            {
                t_cause = previous;
            }
        }
    }
}
