using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using ErrorSdk.Wire;

namespace ErrorSdk
{
    /// <summary>
    /// The gRPC status trailers: <c>grpc-status</c>, <c>grpc-message</c> (percent-encoded UTF-8) and
    /// <c>grpc-status-details-bin</c> (base64 of the serialized <c>google.rpc.Status</c>).
    /// </summary>
    /// <remarks>
    /// Reading never throws and loses nothing silently. When several details values arrive (repeated headers or
    /// comma-joined), the first one that decodes wins. When <c>grpc-status</c> and the details' code disagree,
    /// the header wins (it is what every client sees). Undecodable values, extra values, mismatches, malformed
    /// percent-encoding and cuts at a <see cref="WireLimits"/> limit are kept as details of type
    /// <see cref="TrailerProblemTypeUrl"/> (a <c>google.protobuf.Struct</c> with <c>problem</c>, <c>raw</c> — an
    /// excerpt of at most 256 characters — and, for cuts, <c>note</c>), at most 16 of them plus one that counts the rest.
    /// </remarks>
    public static class GrpcWire
    {
        /// <summary>The trailer carrying the decimal status code.</summary>
        public const string StatusHeader = "grpc-status";

        /// <summary>The trailer carrying the percent-encoded message.</summary>
        public const string MessageHeader = "grpc-message";

        /// <summary>The trailer carrying base64 of the serialized <c>google.rpc.Status</c>.</summary>
        public const string DetailsHeader = "grpc-status-details-bin";

        /// <summary>Type URL of the detail that records what could not be read from the trailers.</summary>
        public const string TrailerProblemTypeUrl = "type.errorsdk.dev/errorsdk.wire.v1.TrailerProblem";

        internal const string TrailerProblemTypeName = "errorsdk.wire.v1.TrailerProblem";

        // grpc-status values of the known codes, made once.
        private static readonly string[] CodeTexts =
        {
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
        };

        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>The trailers that carry <paramref name="status"/>; details go unpadded, as the gRPC spec recommends.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ToTrailers(Google.Rpc.Status status)
        {
            if (status is null)
            {
                throw new ArgumentNullException(nameof(status));
            }

            var code = (uint)status.Code < (uint)CodeTexts.Length ? CodeTexts[status.Code] : status.Code.ToString(CultureInfo.InvariantCulture);
            var trailers = new List<KeyValuePair<string, string>>(3)
            {
                new KeyValuePair<string, string>(StatusHeader, code),
            };
            if (!string.IsNullOrEmpty(status.Message))
            {
                trailers.Add(new KeyValuePair<string, string>(MessageHeader, PercentEncode(status.Message)));
            }

            if (status.Details.Count > 0)
            {
                trailers.Add(new KeyValuePair<string, string>(DetailsHeader, EncodeUnpaddedBase64(status)));
            }

            return trailers;
        }

        /// <summary>
        /// Base64 of the serialized status without padding, the one string it ends as: the bytes and the characters
        /// go through pooled buffers instead of a byte array, a padded string and a trimmed copy.
        /// </summary>
        private static string EncodeUnpaddedBase64(Google.Rpc.Status status)
        {
            int size = status.CalculateSize();
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
            char[]? chars = null;
            try
            {
                var output = new CodedOutputStream(bytes);
                status.WriteTo(output);
                output.Flush();
                chars = ArrayPool<char>.Shared.Rent(Math.Max(((size + 2) / 3) * 4, 1));
                int length = Convert.ToBase64CharArray(bytes, 0, size, chars, 0);
                while (length > 0 && chars[length - 1] == '=')
                {
                    length--;
                }

                return new string(chars, 0, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                if (chars is not null)
                {
                    ArrayPool<char>.Shared.Return(chars);
                }
            }
        }

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

        /// <summary>Percent-encodes as the gRPC spec says: UTF-8 bytes outside 0x20–0x7E, and <c>%</c>.</summary>
        public static string PercentEncode(string message)
        {
            if (string.IsNullOrEmpty(message))
            {
                return string.Empty;
            }

            bool plain = true;
            foreach (char c in message)
            {
                if (c < 0x20 || c > 0x7E || c == '%')
                {
                    plain = false;
                    break;
                }
            }

            if (plain)
            {
                return message;
            }

            var bytes = Encoding.UTF8.GetBytes(message);
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                if (b < 0x20 || b > 0x7E || b == (byte)'%')
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append((char)b);
                }
            }

            return builder.ToString();
        }

        /// <summary>Decodes <c>%XX</c> sequences as UTF-8; a malformed sequence stays literal and <c>+</c> is not a space.</summary>
        public static string PercentDecode(string text) => PercentDecode(text, false, out _, out _);

        /// <summary>Decodes; for a <paramref name="prefix"/> of a longer text, a UTF-8 sequence cut at its end is dropped, not flagged.</summary>
        private static string PercentDecode(string? text, bool prefix, out bool malformedEscape, out bool invalidUtf8)
        {
            malformedEscape = false;
            invalidUtf8 = false;
            if (string.IsNullOrEmpty(text) || text!.IndexOf('%') < 0)
            {
                return text ?? string.Empty;
            }

            var chars = Encoding.UTF8.GetBytes(text);
            var bytes = new byte[chars.Length];
            int length = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == (byte)'%' && i + 2 < chars.Length && IsHex(chars[i + 1]) && IsHex(chars[i + 2]))
                {
                    bytes[length++] = (byte)((HexValue(chars[i + 1]) << 4) | HexValue(chars[i + 2]));
                    i += 2;
                }
                else
                {
                    malformedEscape |= chars[i] == (byte)'%';
                    bytes[length++] = chars[i];
                }
            }

            if (prefix)
            {
                length = CompleteUtf8Length(bytes, length);
            }

            try
            {
                return StrictUtf8.GetString(bytes, 0, length);
            }
            catch (DecoderFallbackException)
            {
                // Invalid UTF-8 from the peer: replacement characters, and the caller records it.
                invalidUtf8 = true;
                return Encoding.UTF8.GetString(bytes, 0, length);
            }
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

        /// <summary>The length of <paramref name="bytes"/> without a trailing UTF-8 sequence that the cut left incomplete.</summary>
        private static int CompleteUtf8Length(byte[] bytes, int length)
        {
            for (int back = 1; back <= 4 && back <= length; back++)
            {
                byte b = bytes[length - back];
                if ((b & 0xC0) != 0x80)
                {
                    // A lead byte (or ASCII): keep the sequence only if all of its bytes are there.
                    int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                    return needed > back ? length - back : length;
                }
            }

            return length;
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
        private static bool IsHex(byte b) => (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');

        private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }
}
