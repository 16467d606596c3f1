using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting
{
    /// <summary>Backoff settings of the emitted gRPC retry policy.</summary>
    internal sealed record RetryPolicySettings(int MaxAttempts, string InitialBackoff, string MaxBackoff, double BackoffMultiplier)
    {
        /// <summary>Four attempts, 0.1 s doubling up to 5 s: gRPC's documented example policy, slightly longer.</summary>
        public static readonly RetryPolicySettings Default = new RetryPolicySettings(4, "0.1s", "5s", 2);
    }

    /// <summary>
    /// Emits a gRPC service config whose <c>retryPolicy.retryableStatusCodes</c> comes from the taxonomy. The rule: a
    /// code is retryable when at least one non-abstract kind travels with it and every non-abstract kind that travels
    /// with it (and the kind that is <c>fallback_for</c> it) is <c>transient</c>. A gRPC channel retries on the code
    /// alone and ignores RetryInfo, so <c>throttled</c> kinds (which must wait the server's delay), <c>reauthenticate</c>
    /// kinds (which must refresh credentials first) and <c>never</c> kinds keep their code out of the list; a code
    /// no kind uses is left out because nothing says it is safe. On top of that, only codes AIP-194 lets a client retry
    /// at the call level on the code alone qualify: <c>UNAVAILABLE</c>. The others a taxonomy may pair with
    /// <c>transient</c> are not call-level retries for a code-only client: <c>CANCELLED</c>, <c>DEADLINE_EXCEEDED</c>
    /// and <c>DATA_LOSS</c> are never retried at the same call, <c>RESOURCE_EXHAUSTED</c>, <c>INTERNAL</c> and
    /// <c>UNKNOWN</c> not without a hint (which a channel does not read), <c>ABORTED</c> only at the transaction level.
    /// Clients that read the reason still retry those kinds by their policy.
    /// </summary>
    internal static class ServiceConfigEmitter
    {
        /// <summary>The codes AIP-194 allows a client to retry at the call level from the code alone.</summary>
        private static readonly string[] CallLevelRetryableCodes = { "UNAVAILABLE" };

        /// <summary>The codes the rule makes retryable, in code-value order.</summary>
        public static IReadOnlyList<string> RetryableCodes(TaxonomySpec spec)
        {
            var concrete = spec.Kinds.Where(k => !k.IsAbstract).ToList();
            return concrete
                .GroupBy(k => k.CodeValue)
                .Where(group =>
                    CallLevelRetryableCodes.Contains(group.First().CodeName) &&
                    group.All(k => k.Retry == RetryKind.Transient) &&
                    concrete.Where(k => k.FallbackFor.Contains(group.First().CodeName)).All(k => k.Retry == RetryKind.Transient))
                .OrderBy(group => group.Key)
                .Select(group => group.First().CodeName)
                .ToList();
        }

        public static string Emit(TaxonomySpec spec, IReadOnlyList<string> services, RetryPolicySettings settings)
        {
            var codes = RetryableCodes(spec);
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, JsonOutput.WriterOptions))
            {
                json.WriteStartObject();
                json.WriteStartArray("methodConfig");
                json.WriteStartObject();
                json.WriteStartArray("name");
                if (services.Count == 0)
                {
                    // An empty name object matches every service and method of the channel.
                    json.WriteStartObject();
                    json.WriteEndObject();
                }

                foreach (var service in services.Distinct().OrderBy(s => s, System.StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("service", service);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                if (codes.Count == 0)
                {
                    // gRPC rejects a retryPolicy without codes: no retry at all is the honest config.
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.Flush();
                    return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
                }

                json.WriteStartObject("retryPolicy");
                json.WriteNumber("maxAttempts", settings.MaxAttempts);
                json.WriteString("initialBackoff", settings.InitialBackoff);
                json.WriteString("maxBackoff", settings.MaxBackoff);
                json.WriteNumber("backoffMultiplier", settings.BackoffMultiplier);
                json.WriteStartArray("retryableStatusCodes");
                foreach (var code in codes)
                {
                    json.WriteStringValue(code);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }
}
