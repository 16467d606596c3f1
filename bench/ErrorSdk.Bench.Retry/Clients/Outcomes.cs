using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace ErrorSdk.Bench.Retry.Clients
{
    /// <summary>A short description of how a call ended.</summary>
    internal static class Outcomes
    {
        public static string Describe(Exception exception) => exception switch
        {
            TaxonomyException typed => typed.Reason + " (" + typed.Retry.ToString().ToLowerInvariant() + ")",
            HttpRequestException { StatusCode: { } status } => "HTTP " + (int)status,
            HttpRequestException http => "HttpRequestException (" + http.HttpRequestError + ")",
            TaskCanceledException { InnerException: TimeoutException } => "timeout",
            _ => exception.GetType().Name,
        };
    }
}
