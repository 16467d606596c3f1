using Microsoft.Extensions.Logging;

namespace ErrorSdk.AspNetCore
{
    /// <summary>
    /// The handler's log messages (source-generated). Each is written inside the error's
    /// <see cref="TaxonomyException.ToLogScope"/>; the values are bounded and outward-safe: no exception object, so no raw
    /// text or stack reaches a log exporter.
    /// </summary>
    internal static partial class TaxonomyErrorLog
    {
        [LoggerMessage(EventId = 1, EventName = "TypedErrorAnswered", Level = LogLevel.Information,
            Message = "Answered {ErrorReason} ({ErrorCode}) as {Protocol} status {Status}.")]
        public static partial void TypedErrorAnswered(ILogger logger, string errorReason, string errorCode, string protocol, int status);

        [LoggerMessage(EventId = 2, EventName = "UnexpectedExceptionAnswered", Level = LogLevel.Error,
            Message = "An unexpected {ExceptionType} was answered as {ErrorReason} ({ErrorCode}); its text is kept only in the developer message.")]
        public static partial void UnexpectedExceptionAnswered(ILogger logger, string exceptionType, string errorReason, string errorCode);
    }
}
