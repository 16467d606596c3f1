using System;
using ErrorSdk.Safety;

namespace ErrorSdk.AspNetCore
{
    /// <summary>Turns an exception outside the taxonomy into the taxonomy's internal kind, keeping its text only in the developer message.</summary>
    internal sealed class InternalErrorFactory
    {
        private const string GenericMessage = "An internal error occurred.";

        private readonly IErrorTaxonomy _taxonomy;
        private readonly string? _reason;

        public InternalErrorFactory(IErrorTaxonomy taxonomy, string? configuredReason)
        {
            _taxonomy = taxonomy;
            _reason = configuredReason ?? FindInternalReason(taxonomy);
        }

        public TaxonomyException Create(Exception exception)
        {
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
