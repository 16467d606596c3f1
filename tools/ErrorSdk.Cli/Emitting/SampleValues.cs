using System;
using System.Collections.Generic;
using System.Text;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting
{
    /// <summary>
    /// Deterministic sample values for conformance vectors, in their metadata string form (the form that travels).
    /// Strings hold a literal <c>%</c>, braces and a non-ASCII character on purpose: every implementation must
    /// percent-encode <c>grpc-message</c> and insert values literally.
    /// </summary>
    internal static class SampleValues
    {
        /// <summary>The retry delay a vector of a throttled kind carries (RetryInfo, problem <c>retryAfter</c>).</summary>
        public static readonly TimeSpan ThrottledRetryAfter = TimeSpan.FromSeconds(1.5);

        /// <summary>The sample metadata of a kind: every non-sensitive field (optional ones too), inherited ones first.</summary>
        public static Dictionary<string, string> Metadata(KindSpec kind)
        {
            // Insertion order is field order, so the ErrorInfo bytes are the same on every run.
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in kind.AllFields)
            {
                if (!field.Sensitive)
                {
                    metadata[field.Name] = ValueOf(field);
                }
            }

            return metadata;
        }

        /// <summary>The sample value of one field.</summary>
        public static string ValueOf(FieldSpec field) => field.Type switch
        {
            FieldKind.Int => FieldCodec.FormatInt32(100 + (int)(StableHash(field.Name) % 900)),
            FieldKind.Bool => FieldCodec.FormatBool(true),
            FieldKind.Duration => FieldCodec.FormatDuration(TimeSpan.FromSeconds(2.5)),
            FieldKind.Uri => FieldCodec.FormatUri(new Uri("https://api.example.com/v1/" + field.Name)),
            _ => field.Name + ": 100% ✓ {literal}",
        };

        /// <summary>The message template filled with <paramref name="metadata"/>; values are inserted literally.</summary>
        public static string Render(MessageTemplateSpec template, IReadOnlyDictionary<string, string> metadata)
        {
            var text = new StringBuilder();
            foreach (var part in template.Parts)
            {
                text.Append(part.IsField ? (metadata.TryGetValue(part.Value, out var value) ? value : string.Empty) : part.Value);
            }

            return text.ToString();
        }

        /// <summary>FNV-1a over UTF-16 code units: stable across runs and platforms, unlike string.GetHashCode.</summary>
        private static uint StableHash(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }

    }
}
