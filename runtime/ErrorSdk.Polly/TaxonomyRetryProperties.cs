using Polly;

namespace ErrorSdk.Polly
{
    /// <summary>Per-call settings of the taxonomy retry, set on <see cref="ResilienceContext.Properties"/>.</summary>
    public static class TaxonomyRetryProperties
    {
        /// <summary>
        /// Whether this call may run twice; overrides <see cref="TaxonomyRetryOptions.IsIdempotent"/>. Set it to
        /// false for a POST that must not be repeated after a transient failure.
        /// </summary>
        public static readonly ResiliencePropertyKey<bool> IsIdempotent = new ResiliencePropertyKey<bool>("ErrorSdk.Retry.IsIdempotent");
    }
}
