using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>Every text an error produces that may leave the process, in readable form.</summary>
    public static class OutwardText
    {
        public static IEnumerable<(string Path, string Text)> Of(TaxonomyException error)
        {
            // A promoted error's Message is the peer's text as it arrived (docs/design.md); what leaves is OutwardMessage.
            yield return (error.Received is null ? "Message" : "OutwardMessage", error.OutwardMessage);
            yield return ("ToString()", error.ToString());
            yield return ("DeveloperMessage (sanitized, local)", error.DeveloperMessage ?? string.Empty);
            yield return ("OutwardMetadata", string.Join(";", error.OutwardMetadata.Select(p => p.Key + "=" + p.Value)));
            foreach (var optIn in new[] { false, true })
            {
                var status = error.ToStatus(includeDeveloperMessage: optIn);
                var label = optIn ? "ToStatus(includeDeveloperMessage: true)" : "ToStatus()";
                yield return (label, OfStatus(status));
                foreach (var (key, value) in GrpcWire.ToTrailers(status).Select(t => (t.Key, t.Value)))
                {
                    yield return (label + " trailer " + key, OfTrailer(key, value));
                }

                var scope = error.ToLogScope(includeDeveloperMessage: optIn);
                yield return ("ToLogScope(" + optIn + ")", scope.ToString());
                foreach (var entry in scope)
                {
                    yield return ("ToLogScope(" + optIn + ")[" + entry.Key + "]", entry.Value is IEnumerable<KeyValuePair<string, string>> map
                        ? string.Join(";", map.Select(p => p.Key + "=" + p.Value))
                        : Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }
        }

        /// <summary>Every string the status carries, as its serialized bytes read as Latin-1 (the secrets are ASCII).</summary>
        public static string OfStatus(Google.Rpc.Status status) => Encoding.Latin1.GetString(Google.Protobuf.MessageExtensions.ToByteArray(status));

        public static string OfTrailer(string key, string value) => key switch
        {
            GrpcWire.MessageHeader => value + " / " + GrpcWire.PercentDecode(value),
            GrpcWire.DetailsHeader => value + " / " + Encoding.Latin1.GetString(FromUnpaddedBase64(value)),
            _ => value,
        };

        // Shared with the hardening tests of generated code, so it uses only the public API.
        private static byte[] FromUnpaddedBase64(string value) =>
            Convert.FromBase64String(value + new string('=', (4 - (value.Length % 4)) % 4));

        public static void AssertNoSecret(SecretShape shape, IEnumerable<(string Path, string Text)> texts)
        {
            foreach (var (path, text) in texts)
            {
                foreach (var secret in shape.Secrets)
                {
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), shape.Name + ": secret '" + secret + "' reached " + path + ": " + Excerpt(text, secret));
                }
            }
        }

        private static string Excerpt(string text, string secret)
        {
            int at = text.IndexOf(secret, StringComparison.Ordinal);
            int start = Math.Max(0, at - 60);
            return text.Substring(start, Math.Min(text.Length - start, secret.Length + 120));
        }
    }
}
