using System;
using System.Runtime.InteropServices;
using System.Text;
using Google.Protobuf;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// A forward reader of well-formed protobuf bytes that allocates nothing but the strings it returns. Every
    /// method answers false on anything it does not read exactly as <see cref="CodedInputStream"/> would (a
    /// truncated or over-long varint, a negative or overrunning length, field number 0, a group): callers then read
    /// the same bytes again with <see cref="CodedInputStream"/>, which gives the result, or the exception, it always
    /// gave. The one deliberate difference is invalid UTF-8 in a string: Google.Protobuf 3.36 throws on it (3.25
    /// replaced it), which would lose the whole message; this reader decodes it with U+FFFD and tells the caller,
    /// who records a problem. That keeps the hostile-input guarantee (a typed error, nothing lost, the damage marked).
    /// </summary>
    internal struct ProtoReader
    {
        // Throws on invalid UTF-8, so the fast path stays a plain decode and only damaged strings take the replacing one.
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly byte[] _buffer;
        private readonly int _end;
        private int _position;

        private ProtoReader(byte[] buffer, int position, int end)
        {
            _buffer = buffer;
            _position = position;
            _end = end;
        }

        /// <summary>Whether every byte was read.</summary>
        public readonly bool IsAtEnd => _position >= _end;

        /// <summary>A reader over the bytes of <paramref name="bytes"/> without copying them; false when they are not array-backed.</summary>
        public static bool TryCreate(ByteString bytes, out ProtoReader reader)
        {
            if (MemoryMarshal.TryGetArray(bytes.Memory, out var segment) && segment.Array is not null)
            {
                reader = new ProtoReader(segment.Array, segment.Offset, segment.Offset + segment.Count);
                return true;
            }

            reader = default;
            return false;
        }

        /// <summary>A reader over <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public static ProtoReader Create(byte[] buffer, int offset, int length) => new ProtoReader(buffer, offset, offset + length);

        /// <summary>A length-delimited bytes field, copied out of the buffer (which may be pooled).</summary>
        public bool TryReadBytes(out ByteString value)
        {
            value = ByteString.Empty;
            if (!TryReadLength(out int length))
            {
                return false;
            }

            if (length > 0)
            {
                value = ByteString.CopyFrom(_buffer, _position, length);
            }

            _position += length;
            return true;
        }

        /// <summary>The next tag; false at the end of the bytes or on a malformed tag.</summary>
        public bool TryReadTag(out uint tag)
        {
            // Field number 0 is invalid; CodedInputStream throws on it.
            return TryReadVarint32(out tag) && (tag >> 3) != 0;
        }

        /// <summary>A length-delimited field's bytes as a reader of their own; the position moves past them.</summary>
        public bool TryReadMessage(out ProtoReader message)
        {
            if (!TryReadLength(out int length))
            {
                message = default;
                return false;
            }

            message = new ProtoReader(_buffer, _position, _position + length);
            _position += length;
            return true;
        }

        /// <summary>
        /// A length-delimited UTF-8 string; invalid UTF-8 is replaced with U+FFFD and sets <paramref name="invalidUtf8"/>
        /// (it is never cleared here, so one flag can collect a whole message).
        /// </summary>
        public bool TryReadString(out string value, ref bool invalidUtf8) => TryReadString(null, out value, ref invalidUtf8);

        /// <summary>
        /// A length-delimited UTF-8 string; when its bytes spell <paramref name="known"/> (ASCII), that very instance
        /// is returned instead of a new copy. Invalid UTF-8 is replaced with U+FFFD and sets <paramref name="invalidUtf8"/>.
        /// </summary>
        public bool TryReadString(string? known, out string value, ref bool invalidUtf8)
        {
            value = string.Empty;
            if (!TryReadLength(out int length))
            {
                return false;
            }

            if (known is not null && known.Length == length && SpellsAscii(known, length))
            {
                value = known;
            }
            else if (length > 0)
            {
                try
                {
                    value = StrictUtf8.GetString(_buffer, _position, length);
                }
                catch (DecoderFallbackException)
                {
                    value = Encoding.UTF8.GetString(_buffer, _position, length);
                    invalidUtf8 = true;
                }
            }

            _position += length;
            return true;
        }

        /// <summary>A varint of up to 64 bits.</summary>
        public bool TryReadVarint64(out ulong value)
        {
            value = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                if (_position >= _end)
                {
                    return false;
                }

                byte b = _buffer[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    // The tenth byte may only carry the last bit; anything else is not read the same way everywhere.
                    return shift < 63 || b <= 1;
                }
            }

            return false;
        }

        /// <summary>Skips the field of <paramref name="tag"/>: varint, fixed64, length-delimited or fixed32; false for groups.</summary>
        public bool TrySkip(uint tag)
        {
            switch (tag & 7)
            {
                case 0:
                    return TryReadVarint64(out _);
                case 1:
                    return TryAdvance(8);
                case 2:
                    return TryReadLength(out int length) && TryAdvance(length);
                case 5:
                    return TryAdvance(4);
                default:
                    return false;
            }
        }

        private readonly bool SpellsAscii(string text, int length)
        {
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                if (c >= 0x80 || _buffer[_position + i] != c)
                {
                    return false;
                }
            }

            return true;
        }

        private bool TryAdvance(int count)
        {
            if (count > _end - _position)
            {
                return false;
            }

            _position += count;
            return true;
        }

        private bool TryReadLength(out int length)
        {
            // A canonical length: at most five bytes, not negative, inside the remaining bytes.
            length = 0;
            if (!TryReadVarint32(out uint raw) || raw > int.MaxValue || (int)raw > _end - _position)
            {
                return false;
            }

            length = (int)raw;
            return true;
        }

        private bool TryReadVarint32(out uint value)
        {
            value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                if (_position >= _end)
                {
                    return false;
                }

                byte b = _buffer[_position++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    // A fifth byte may only carry the top four bits.
                    return shift < 28 || b <= 0x0F;
                }
            }

            return false;
        }
    }
}
