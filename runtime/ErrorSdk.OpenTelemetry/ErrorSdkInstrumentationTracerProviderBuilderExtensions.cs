using System;
using ErrorSdk.Diagnostics;

namespace OpenTelemetry.Trace
{
    /// <summary>Adds ErrorSdk's instrumentation to a <see cref="TracerProviderBuilder"/>.</summary>
    public static class ErrorSdkInstrumentationTracerProviderBuilderExtensions
    {
        /// <summary>
        /// Listens to the <c>ErrorSdk</c> ActivitySource: where a typed error is raised outward (<c>ToStatus</c>, the
        /// ASP.NET Core exception handler) or received (<c>Promote</c>, the HTTP handler, the Polly retry's
        /// classification), the current span gets <c>error.type</c> (the reason), status Error and an <c>exception</c>
        /// event with the outward-safe message only. ErrorSdk starts no spans of its own: it enriches the spans your
        /// other instrumentation (ASP.NET Core, HttpClient, gRPC) or your code starts.
        /// </summary>
        /// <param name="builder">The tracer provider builder.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static TracerProviderBuilder AddErrorSdkInstrumentation(this TracerProviderBuilder builder)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            return builder.AddSource(ErrorTelemetryNames.SourceName);
        }
    }
}
