using System;
using ErrorSdk.Diagnostics;

namespace OpenTelemetry.Metrics
{
    /// <summary>Adds ErrorSdk's instrumentation to a <see cref="MeterProviderBuilder"/>.</summary>
    public static class ErrorSdkInstrumentationMeterProviderBuilderExtensions
    {
        /// <summary>
        /// Listens to the <c>ErrorSdk</c> Meter: <c>errorsdk.errors</c> (typed errors by <c>error.type</c>, code, retry
        /// policy and direction raised/received), <c>errorsdk.retry.decisions</c> (retried, gave up: terminal, gave up:
        /// budget) and <c>errorsdk.retry.delay</c> (seconds waited, by source: server or backoff). Every attribute is
        /// bounded: an unclassified error's <c>error.type</c> is <c>_OTHER</c>.
        /// </summary>
        /// <param name="builder">The meter provider builder.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static MeterProviderBuilder AddErrorSdkInstrumentation(this MeterProviderBuilder builder)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            return builder.AddMeter(ErrorTelemetryNames.SourceName);
        }
    }
}
