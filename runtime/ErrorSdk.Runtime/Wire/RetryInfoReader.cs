using System;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// Reads <c>google.rpc.RetryInfo</c> in place, allocating nothing, when its delay is well-formed and in range:
    /// field 1 (<c>retry_delay</c>, a Duration of <c>seconds</c> = 1 and <c>nanos</c> = 2), repeated occurrences
    /// merged field by field as the parser merges them, unknown fields skipped. Anything else answers false, and the
    /// caller parses the bytes with <c>RetryInfo.Parser</c>, which reports the problem as it always did.
    /// </summary>
    internal static class RetryInfoReader
    {
        private const uint RetryDelayTag = (1 << 3) | 2;
        private const uint SecondsTag = (1 << 3) | 0;
        private const uint NanosTag = (2 << 3) | 0;

        /// <summary>The delay, or null when the RetryInfo has none; false when the parser must decide.</summary>
        public static bool TryRead(ByteString bytes, out TimeSpan? delay)
        {
            delay = null;
            if (!ProtoReader.TryCreate(bytes, out var input))
            {
                return false;
            }

            bool present = false;
            ulong seconds = 0;
            ulong nanos = 0;
            while (!input.IsAtEnd)
            {
                if (!input.TryReadTag(out uint tag))
                {
                    return false;
                }

                if (tag != RetryDelayTag)
                {
                    if (!input.TrySkip(tag))
                    {
                        return false;
                    }

                    continue;
                }

                present = true;
                if (!input.TryReadMessage(out var duration) || !TryReadDuration(duration, ref seconds, ref nanos))
                {
                    return false;
                }
            }

            if (!present)
            {
                return true;
            }

            // Negative, out-of-range or unnormalized values are the parser's to report.
            if (seconds > (ulong)Duration.MaxSeconds || nanos > 999_999_999)
            {
                return false;
            }

            delay = TimeSpan.FromTicks(((long)seconds * TimeSpan.TicksPerSecond) + ((long)nanos / 100));
            return true;
        }

        private static bool TryReadDuration(ProtoReader input, ref ulong seconds, ref ulong nanos)
        {
            while (!input.IsAtEnd)
            {
                if (!input.TryReadTag(out uint tag))
                {
                    return false;
                }

                bool read = tag switch
                {
                    SecondsTag => input.TryReadVarint64(out seconds),
                    NanosTag => input.TryReadVarint64(out nanos),
                    _ => input.TrySkip(tag),
                };
                if (!read)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
