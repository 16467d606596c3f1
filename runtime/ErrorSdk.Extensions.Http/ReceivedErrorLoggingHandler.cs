using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Extensions.Http
{
    /// <summary>
    /// Sits just outside <see cref="ErrorSdk.Http.TaxonomyHttpHandler"/> and logs each typed error the client received
    /// (category <c>ErrorSdk.Extensions.Http</c>), inside the error's <see cref="TaxonomyException.ToLogScope"/>. It logs
    /// from an exception filter, so the error propagates untouched.
    /// </summary>
    internal sealed partial class ReceivedErrorLoggingHandler : DelegatingHandler
    {
        private readonly ILogger _logger;

        public ReceivedErrorLoggingHandler(ILoggerFactory loggerFactory)
        {
            _logger = loggerFactory.CreateLogger("ErrorSdk.Extensions.Http");
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (TaxonomyException error) when (Log(error))
            {
                throw; // never reached: Log returns false, the filter only observes
            }
        }

        [LoggerMessage(EventId = 1, EventName = "ErrorReceived", Level = LogLevel.Information,
            Message = "HTTP call failed with {ErrorReason} ({ErrorCode}, retry {RetryPolicy}).")]
        private static partial void ErrorReceived(ILogger logger, string errorReason, string errorCode, RetryPolicy retryPolicy);

        private bool Log(TaxonomyException error)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                using (_logger.BeginScope(error.ToLogScope()))
                {
                    ErrorReceived(_logger, ErrorTelemetry.ErrorTypeOf(error), ErrorTelemetry.CodeNameOf(error), error.Retry);
                }
            }

            return false;
        }
    }
}
