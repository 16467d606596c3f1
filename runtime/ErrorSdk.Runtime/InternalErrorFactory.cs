using System;
using ErrorSdk.Safety;

namespace ErrorSdk
{
    /// <summary>
    /// Turns an exception outside the taxonomy into the taxonomy's internal kind, keeping its text (sanitized) only in
    /// the developer message: what a server answers for a bug without leaking it. Shared by the ASP.NET Core handler
    /// and the gRPC server interceptor, so both answer the same.
    /// </summary>
    public sealed class InternalErrorFactory
    {
        private const string GenericMessage = "An internal error occurred.";

        private readonly IErrorTaxonomy _taxonomy;
        private readonly string? _reason;

        /// <summary>
        /// Creates the factory. <paramref name="configuredReason"/> null: the kind whose reason is <c>INTERNAL</c>, else
        /// the taxonomy's fallback kind for the INTERNAL code, else a code-only INTERNAL error.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> is null.</exception>
        public InternalErrorFactory(IErrorTaxonomy taxonomy, string? configuredReason = null)
        {
            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            _taxonomy = taxonomy;
            _reason = configuredReason ?? FindInternalReason(taxonomy);
        }

        /// <summary>The internal-kind error for <paramref name="exception"/>, which becomes its inner exception.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
        public TaxonomyException Create(Exception exception)
        {
            if (exception is null)
            {
                throw new ArgumentNullException(nameof(exception));
            }

            var developerMessage = TextSanitizer.Sanitize(exception.GetType().FullName + ": " + exception.Message);
            if (_reason is not null)
            {
                try
                {
                    if (_taxonomy.Create(_reason, null, new TaxonomyExceptionOptions(developerMessage: developerMessage, innerException: exception)) is { } error)
                    {
                        return error;
                    }
                }
                catch (ArgumentException)
                {
                    // A configured kind with required fields: fall through to the code-only error.
                }
            }

            var status = new Google.Rpc.Status { Code = (int)Google.Rpc.Code.Internal, Message = GenericMessage };
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.DebugInfo { Detail = developerMessage }));
            using (ErrorSdk.Diagnostics.ErrorTelemetry.SuppressReceived())
            {
                // A local error with no kind: built from a status, but not received.
                return new UnclassifiedException(status, _taxonomy.Domain);
            }
        }

        private static string? FindInternalReason(IErrorTaxonomy taxonomy)
        {
            foreach (var kind in taxonomy.Kinds)
            {
                if (!kind.IsAbstract && kind.Reason == "INTERNAL")
                {
                    return kind.Reason;
                }
            }

            // The fallback kind for INTERNAL, as Promote routes a bare INTERNAL status.
            using var lookupOnly = ErrorSdk.Diagnostics.ErrorTelemetry.SuppressReceived();
            var promoted = taxonomy.Promote(new Google.Rpc.Status { Code = (int)Google.Rpc.Code.Internal });
            return promoted is UnclassifiedException ? null : promoted.Kind?.Reason;
        }
    }
}
