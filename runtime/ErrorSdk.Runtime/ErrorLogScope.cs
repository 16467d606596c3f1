using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Safety;

namespace ErrorSdk
{
    /// <summary>
    /// What a log may carry about an error, as the state of a logging scope (<c>logger.BeginScope(error.ToLogScope())</c>):
    /// reason, domain, code, HTTP status, retry, retry delay, <see cref="TaxonomyException.OutwardMessage"/> and
    /// <see cref="TaxonomyException.OutwardMetadata"/>; the developer
    /// message only when asked for, scrubbed again. Never the inner exception's text or the raw received status.
    /// </summary>
    public sealed class ErrorLogScope : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _entries;

        private ErrorLogScope(List<KeyValuePair<string, object?>> entries)
        {
            _entries = entries;
        }

        /// <inheritdoc />
        public int Count => _entries.Count;

        /// <inheritdoc />
        public KeyValuePair<string, object?> this[int index] => _entries[index];

        /// <summary>The scope of <paramref name="error"/>; <paramref name="includeDeveloperMessage"/> adds the sanitized developer message.</summary>
        public static ErrorLogScope For(TaxonomyException error, bool includeDeveloperMessage = false)
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            var entries = new List<KeyValuePair<string, object?>>(9)
            {
                Entry("ErrorReason", error.Reason),
                Entry("ErrorDomain", error.Domain),
                Entry("ErrorCode", GrpcCodeTable.NameOf((int)error.Code)),
                Entry("ErrorHttpStatus", error.HttpStatus),
                Entry("ErrorRetry", error.Retry.ToString()),
                Entry("ErrorMessage", error.OutwardMessage),
                Entry("ErrorMetadata", new ReadOnlyDictionary<string, string>(ToDictionary(error.OutwardMetadata))),
            };
            if (error.RetryAfter is { } delay)
            {
                entries.Add(Entry("ErrorRetryAfter", delay));
            }

            if (includeDeveloperMessage && error.DeveloperMessage is { Length: > 0 } developerMessage)
            {
                entries.Add(Entry("ErrorDeveloperMessage", TextSanitizer.Sanitize(developerMessage)));
            }

            return new ErrorLogScope(entries);
        }

        /// <inheritdoc />
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

        /// <inheritdoc />
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The entries as <c>key=value</c> pairs, for text loggers.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            foreach (var entry in _entries)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(entry.Key).Append('=');
                if (entry.Value is IReadOnlyDictionary<string, string> metadata)
                {
                    text.Append('{');
                    bool first = true;
                    foreach (var pair in metadata)
                    {
                        text.Append(first ? string.Empty : ", ").Append(pair.Key).Append(": ").Append(pair.Value);
                        first = false;
                    }

                    text.Append('}');
                }
                else
                {
                    text.Append(Convert.ToString(entry.Value, CultureInfo.InvariantCulture));
                }
            }

            return text.ToString();
        }

        private static KeyValuePair<string, object?> Entry(string key, object? value) => new KeyValuePair<string, object?>(key, value);

        private static IDictionary<string, string> ToDictionary(IReadOnlyDictionary<string, string> metadata)
        {
            var copy = new Dictionary<string, string>(metadata.Count, StringComparer.Ordinal);
            foreach (var pair in metadata)
            {
                copy[pair.Key] = pair.Value;
            }

            return copy;
        }
    }
}
