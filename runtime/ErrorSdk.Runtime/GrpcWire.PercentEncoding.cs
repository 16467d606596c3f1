using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace ErrorSdk
{
    // The percent-encoding of grpc-message (gRPC over HTTP/2: UTF-8 bytes outside 0x20-0x7E, and %).
    public static partial class GrpcWire
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>
        /// Percent-encodes as the gRPC spec says: UTF-8 bytes outside 0x20–0x7E, and <c>%</c>. <see cref="ToTrailers"/> applies
        /// it; hidden, it stays for code that writes <c>grpc-message</c> by hand.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
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

        /// <summary>
        /// Decodes <c>%XX</c> sequences as UTF-8; a malformed sequence stays literal and <c>+</c> is not a space.
        /// <see cref="FromTrailers(System.Collections.Generic.IEnumerable{System.Collections.Generic.KeyValuePair{string, string}})"/> applies it.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
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

        private static bool IsHex(byte b) => (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');

        private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }
}
