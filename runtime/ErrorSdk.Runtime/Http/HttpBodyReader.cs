using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorSdk.Http
{
    /// <summary>Reads at most a bounded prefix of an error response's body: an error body is evidence, not payload.</summary>
    internal static class HttpBodyReader
    {
        /// <summary>What the adapter reads of a body at most (64 KiB): enough for any problem details document.</summary>
        public const int MaxBytes = 64 * 1024;

        /// <summary>
        /// The body's text (UTF-8 unless the content type names another known charset), truncated to
        /// <see cref="MaxBytes"/>; null when there is no body. A body that fails to arrive gives null and a problem.
        /// The caller's cancellation propagates.
        /// </summary>
        public static async Task<BodyText> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            if (content is null)
            {
                return default;
            }

            try
            {
                // Not disposed here: the response owns it, and a buffered content hands out the same stream to every
                // reader (a resilience handler may have classified the response before), so it is rewound instead.
                var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                if (stream.CanSeek)
                {
                    stream.Position = 0;
                }

                var buffer = new byte[MaxBytes];
                int total = 0;
                int read;
                while (total < buffer.Length &&
                       (read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total == 0 ? default : new BodyText(EncodingOf(content).GetString(buffer, 0, total), null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested &&
                                      (e is IOException || e is HttpRequestException || e is ObjectDisposedException ||
                                       e is InvalidDataException || e is DecoderFallbackException || e is OperationCanceledException))
            {
                return new BodyText(null, "the body could not be read (" + e.GetType().Name + ": " + e.Message + ")");
            }
        }

        private static Encoding EncodingOf(HttpContent content)
        {
            var charset = content.Headers.ContentType?.CharSet?.Trim('"', ' ');
            if (!string.IsNullOrEmpty(charset))
            {
                try
                {
                    return Encoding.GetEncoding(charset!);
                }
                catch (ArgumentException)
                {
                }
            }

            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        }

        /// <summary>A body prefix, or why there is none.</summary>
        internal readonly struct BodyText
        {
            public BodyText(string? text, string? problem)
            {
                Text = text;
                Problem = problem;
            }

            /// <summary>The text read, or null.</summary>
            public string? Text { get; }

            /// <summary>Why the body could not be read, or null.</summary>
            public string? Problem { get; }
        }
    }
}
