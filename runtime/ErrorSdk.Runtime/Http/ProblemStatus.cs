using System;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Safety;

namespace ErrorSdk.Http
{
    /// <summary>Rebuilds the <c>google.rpc.Status</c> a problem details document of the taxonomy's domain stands for.</summary>
    internal static class ProblemStatus
    {
        /// <summary>
        /// The status: the body's <c>code</c> when it names one, else the known kind's code, else the code its HTTP
        /// status most likely came from; the body's <c>detail</c> as the message; ErrorInfo from reason, domain and
        /// metadata; RetryInfo from <c>retryAfter</c> (else the response headers' delay); DebugInfo from
        /// <c>developerMessage</c>, sanitized.
        /// </summary>
        public static Google.Rpc.Status Build(IErrorTaxonomy taxonomy, ProblemBody problem, int httpStatus, TimeSpan? headerDelay)
        {
            int code = problem.Code is { } name && GrpcCodeTable.ValueOf(name) is var value && value >= 0
                ? value
                : KindMatcher.ByReason(taxonomy, problem.Reason) is { } kind
                    ? (int)kind.Code
                    : (int)HttpStatusPhrases.CodeOfProblemStatus(httpStatus);
            return Wire.StatusDetails.Build(
                code,
                problem.Detail ?? problem.Title ?? string.Empty,
                problem.Reason ?? string.Empty,
                problem.Domain ?? string.Empty,
                problem.Metadata,
                problem.RetryAfter ?? headerDelay,
                problem.DeveloperMessage is null ? null : TextSanitizer.Sanitize(problem.DeveloperMessage));
        }
    }
}
