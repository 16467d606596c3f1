using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf;
using ErrorSdk.Wire;

namespace ErrorSdk
{
    // Reading: a status from received trailers, never throwing, within WireLimits.
    public static partial class GrpcWire
    {
        /// <summary>
        /// Reads a status from response headers or trailers (trailers-only responses put them in the headers) within
        /// <see cref="WireLimits.Default"/>. Null when there is no <c>grpc-status</c>. Never throws.
        /// </summary>
        public static Google.Rpc.Status? FromTrailers(IEnumerable<KeyValuePair<string, string>> headers) =>
            FromTrailers(headers, WireLimits.Default);

        /// <summary>
        /// Reads a status from response headers or trailers within <paramref name="limits"/>. Null when there is no
        /// <c>grpc-status</c>. Never throws for any header values: what could not be read, and what was cut at a limit
        /// (<see cref="WireLimits.MaxMessageLength"/>, <see cref="WireLimits.MaxDetailsHeaderBytes"/>), is recorded as a
        /// <see cref="TrailerProblemTypeUrl"/> detail placed before the received details.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
        public static Google.Rpc.Status? FromTrailers(IEnumerable<KeyValuePair<string, string>> headers, WireLimits limits)
        {
            if (limits is null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            if (headers is null)
            {
                return null;
            }

            string? statusText = null;
            string? messageText = null;
            List<string>? detailValues = null;
            foreach (var header in headers)
            {
                if (header.Key is null)
                {
                    continue;
                }

                if (statusText is null && string.Equals(header.Key, StatusHeader, StringComparison.OrdinalIgnoreCase))
                {
                    statusText = header.Value ?? string.Empty;
                }
                else if (messageText is null && string.Equals(header.Key, MessageHeader, StringComparison.OrdinalIgnoreCase))
                {
                    messageText = header.Value ?? string.Empty;
                }
                else if (string.Equals(header.Key, DetailsHeader, StringComparison.OrdinalIgnoreCase) && header.Value is not null)
                {
                    (detailValues ??= new List<string>()).Add(header.Value);
                }
            }

            if (statusText is null)
            {
                return null;
            }

            var problems = new TrailerProblems();
            if (!TryParseCode(statusText, out int code))
            {
                code = (int)Google.Rpc.Code.Unknown;
                problems.Add("unparsable_status", statusText);
            }

            var decoded = detailValues is null ? null : DecodeDetails(detailValues, limits, problems);
            var status = new Google.Rpc.Status { Code = code };
            if (messageText is not null)
            {
                status.Message = DecodeMessage(messageText, limits.MaxMessageLength, problems);
            }
            else if (decoded is not null)
            {
                var message = decoded.Message ?? string.Empty;
                status.Message = LimitedText.Cut(message, limits.MaxMessageLength, out bool cut);
                if (cut)
                {
                    problems.Add("message_truncated", message, message.Length + " characters; WireLimits.MaxMessageLength is " + limits.MaxMessageLength);
                }
            }

            if (decoded is not null && decoded.Code != code)
            {
                problems.Add("code_mismatch", decoded.Code.ToString(CultureInfo.InvariantCulture));
            }

            // Problems go first, so a reader that stops at WireLimits.MaxDetails still sees them.
            status.Details.Add(problems.ToDetails());
            if (decoded is not null)
            {
                status.Details.Add(decoded.Details);
            }

            return status;
        }

        /// <summary>Decodes base64 with or without padding (standard or URL-safe alphabet); null when invalid.</summary>
        internal static byte[]? DecodeBase64(string value)
        {
            var text = value.Trim().Replace('-', '+').Replace('_', '/');
            switch (text.Length % 4)
            {
                case 2:
                    text += "==";
                    break;
                case 3:
                    text += "=";
                    break;
                case 1:
                    return null;
            }

            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// The first details value that decodes, within the byte budget; every other non-empty value is recorded as a
        /// problem (undecodable, over the budget, or an extra value after the one that was used).
        /// </summary>
        private static Google.Rpc.Status? DecodeDetails(List<string> values, WireLimits limits, TrailerProblems problems)
        {
            Google.Rpc.Status? decoded = null;
            long budget = limits.MaxDetailsHeaderBytes;
            foreach (var value in values)
            {
                if (value.Length > budget)
                {
                    problems.Add("details_too_large", value, value.Length + " bytes; WireLimits.MaxDetailsHeaderBytes is " + limits.MaxDetailsHeaderBytes);
                    budget = 0;
                    continue;
                }

                budget -= value.Length;
                foreach (var rawPart in value.Split(','))
                {
                    var part = rawPart.Trim();
                    if (part.Length == 0)
                    {
                        continue;
                    }

                    if (decoded is not null)
                    {
                        problems.Add("extra_details", part);
                    }
                    else if ((decoded = TryDecodeStatus(part, out var damage)) is null)
                    {
                        problems.Add("undecodable_details", part);
                    }
                    else if (damage is not null)
                    {
                        problems.Add(damage, part, "read with U+FFFD in place of invalid UTF-8; the raw value is in this excerpt and the peer's logs");
                    }
                }
            }

            return decoded;
        }

        /// <summary>The percent-decoded message, cut at <paramref name="max"/>; malformed input is kept and recorded.</summary>
        private static string DecodeMessage(string encoded, int max, TrailerProblems problems)
        {
            // A decoded character takes at most 9 encoded ones (%XX%XX%XX): this prefix is enough to fill the limit.
            long window = ((long)max + 1) * 9;
            bool windowed = encoded.Length > window;
            var text = windowed ? encoded.Substring(0, WindowEnd(encoded, (int)window)) : encoded;
            var decoded = PercentDecode(text, windowed, out bool malformedEscape, out bool invalidUtf8);
            if (malformedEscape)
            {
                problems.Add("malformed_percent_encoding", encoded);
            }

            if (invalidUtf8)
            {
                problems.Add("invalid_utf8_message", encoded);
            }

            var message = LimitedText.Cut(decoded, max, out bool cut);
            if (cut)
            {
                problems.Add("message_truncated", encoded, encoded.Length + " encoded characters; WireLimits.MaxMessageLength is " + max);
            }

            return message;
        }

        /// <summary>Where a window of <paramref name="text"/> may end without cutting a <c>%XX</c> escape in two.</summary>
        private static int WindowEnd(string text, int end)
        {
            for (int i = end - 1; i >= 0 && i >= end - 2; i--)
            {
                if (text[i] == '%')
                {
                    return i;
                }
            }

            return end;
        }

        private static bool TryParseCode(string text, out int code)
        {
            var trimmed = text.Trim();
            // Any int fits in 11 characters; longer text is not a code and is not parsed.
            code = 0;
            return trimmed.Length <= 11 && int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code);
        }

        /// <summary>
        /// Status bytes decoded from base64; null when undecodable. <paramref name="damage"/> names what the tolerant
        /// read had to repair (<c>invalid_utf8_details</c>, or <c>invalid_utf8_details_unknown_fields_skipped</c>).
        /// </summary>
        private static Google.Rpc.Status? TryDecodeStatus(string value, out string? damage)
        {
            damage = null;
#if NET8_0_OR_GREATER
            // The same text DecodeBase64 decodes (trimmed, URL-safe alphabet mapped, padded), decoded into pooled
            // buffers: no padded copy of the value, no byte array per call. ASCII text goes through the vectorized
            // UTF-8 decoder, which is stricter (it also refuses non-zero unused bits); whatever it refuses is decoded
            // by Convert.TryFromBase64Chars, which is what FromBase64String runs. Well-formed Status bytes are read
            // by StatusReader, anything else by the parser.
            var text = value.AsSpan().Trim();
            int padding = (text.Length % 4) switch { 1 => -1, 2 => 2, 3 => 1, _ => 0 };
            if (padding < 0)
            {
                return null;
            }

            int total = text.Length + padding;
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max((total / 4) * 3, 1));
            var ascii = ArrayPool<byte>.Shared.Rent(Math.Max(total, 1));
            char[]? chars = null;
            try
            {
                if (!TryDecodeAsciiBase64(text, padding, ascii, bytes, out int length))
                {
                    chars = ArrayPool<char>.Shared.Rent(total);
                    for (int i = 0; i < text.Length; i++)
                    {
                        char c = text[i];
                        chars[i] = c == '-' ? '+' : c == '_' ? '/' : c;
                    }

                    chars.AsSpan(text.Length, padding).Fill('=');
                    if (!Convert.TryFromBase64Chars(chars.AsSpan(0, total), bytes, out length))
                    {
                        return null;
                    }
                }

                return ParseStatus(bytes, length, out damage);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(ascii);
                ArrayPool<byte>.Shared.Return(bytes);
                if (chars is not null)
                {
                    ArrayPool<char>.Shared.Return(chars);
                }
            }
#else
            var bytes = DecodeBase64(value);
            return bytes is null ? null : ParseStatus(bytes, bytes.Length, out damage);
#endif
        }

        /// <summary>
        /// Status bytes: well-formed ones through <c>StatusReader</c> (fast, what the parser builds), unknown fields
        /// through the parser; when the parser refuses them (Google.Protobuf 3.36 throws on invalid UTF-8), the
        /// tolerant read keeps every detail with U+FFFD in place of the bad bytes. Null when nothing reads them.
        /// </summary>
        private static Google.Rpc.Status? ParseStatus(byte[] bytes, int length, out string? damage)
        {
            damage = null;
            if (ErrorSdk.Wire.StatusReader.TryRead(bytes, 0, length, skipUnknownFields: false, out var status, out bool invalidUtf8))
            {
                damage = invalidUtf8 ? "invalid_utf8_details" : null;
                return status;
            }

            try
            {
                return Google.Rpc.Status.Parser.ParseFrom(bytes, 0, length);
            }
            catch (InvalidProtocolBufferException)
            {
                if (ErrorSdk.Wire.StatusReader.TryRead(bytes, 0, length, skipUnknownFields: true, out status, out invalidUtf8) && invalidUtf8)
                {
                    damage = "invalid_utf8_details_unknown_fields_skipped";
                    return status;
                }

                return null;
            }
        }

#if NET8_0_OR_GREATER
        private static bool TryDecodeAsciiBase64(ReadOnlySpan<char> text, int padding, byte[] ascii, byte[] bytes, out int length)
        {
            length = 0;
            var utf8 = ascii.AsSpan(0, text.Length + padding);
            if (System.Text.Ascii.FromUtf16(text, utf8, out _) != OperationStatus.Done)
            {
                return false;
            }

            var encoded = utf8.Slice(0, text.Length);
            encoded.Replace((byte)'-', (byte)'+');
            encoded.Replace((byte)'_', (byte)'/');
            utf8.Slice(text.Length).Fill((byte)'=');
            return System.Buffers.Text.Base64.DecodeFromUtf8(utf8, bytes, out int consumed, out length) == OperationStatus.Done && consumed == utf8.Length;
        }

#endif
    }
}
