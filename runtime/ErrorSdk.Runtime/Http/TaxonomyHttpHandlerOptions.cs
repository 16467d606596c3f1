using System;

namespace ErrorSdk.Http
{
    /// <summary>Options of <see cref="TaxonomyHttpHandler"/>.</summary>
    public sealed class TaxonomyHttpHandlerOptions
    {
        /// <summary>
        /// How long one request may wait for its response headers before it fails with the taxonomy's
        /// <c>timeout</c> kind; null (the default) for no limit of the handler's own.
        /// </summary>
        /// <remarks>
        /// <see cref="System.Net.Http.HttpClient.Timeout"/> is enforced outside the handler chain, so a handler cannot
        /// tell it from the caller's cancellation: it surfaces as a <see cref="System.Threading.Tasks.TaskCanceledException"/>
        /// (inner <see cref="TimeoutException"/>), which <see cref="HttpErrors.FromException"/> and the Polly
        /// retry classify as a timeout. Set this option (shorter than <c>HttpClient.Timeout</c>) to get the typed
        /// error straight from <c>SendAsync</c>.
        /// </remarks>
        public TimeSpan? Timeout { get; set; }
    }
}
