using System;
using System.IO;
using System.Linq;
using ErrorSdk.Wire;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Tests
{
    /// <summary>
    /// StatusReader is a faster Status.Parser for the bytes of grpc-status-details-bin: whenever it accepts bytes,
    /// the parser accepts them too and builds an equal Status (code, message, every detail, no unknown fields);
    /// whatever it declines goes to the parser.
    /// </summary>
    public class StatusReaderEquivalenceTests
    {
        [Fact]
        public void Accepted_bytes_parse_to_what_the_parser_builds()
        {
            var random = new Random(13);
            int accepted = 0;
            for (int i = 0; i < 20_000; i++)
            {
                var bytes = (i % 5) switch
                {
                    0 or 1 => Valid(random),
                    2 => Valid(random).Concat(Valid(random)).ToArray(),
                    3 => Mutate(Valid(random), random),
                    _ => WithUnknownField(Valid(random), random),
                };
                var padded = new byte[bytes.Length + 7];
                Array.Copy(bytes, 0, padded, 3, bytes.Length);

                if (!StatusReader.TryRead(padded, 3, bytes.Length, skipUnknownFields: false, out var fast, out bool invalidUtf8))
                {
                    continue;
                }

                accepted++;
                if (invalidUtf8)
                {
                    // Google.Protobuf 3.36 refuses these bytes; the reader keeps them with U+FFFD in the strings.
                    Assert.Throws<InvalidProtocolBufferException>(() => Google.Rpc.Status.Parser.ParseFrom(bytes));
                    Assert.Contains('\uFFFD', fast.Message + string.Concat(fast.Details.Select(d => d.TypeUrl)));
                    continue;
                }

                var parsed = Google.Rpc.Status.Parser.ParseFrom(bytes);
                Assert.True(parsed.Equals(fast), "case " + i + " (" + Convert.ToBase64String(bytes) + "): parser " + parsed + ", reader " + fast);
                Assert.Equal(parsed.CalculateSize(), fast.CalculateSize());
                Assert.Equal(parsed.ToByteArray(), fast.ToByteArray());
            }

            // Valid input without unknown fields is read by the fast path.
            Assert.True(accepted > 8_000, "accepted " + accepted);
        }

        private static byte[] Valid(Random random)
        {
            var status = new Google.Rpc.Status
            {
                Code = random.Next(6) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(17),
                Message = random.Next(5) == 0 ? string.Empty : "Provider (gïthub) said 100% {no} " + random.Next(),
            };
            for (int d = random.Next(4); d > 0; d--)
            {
                var value = new byte[random.Next(random.Next(8) == 0 ? 2_000 : 60)];
                random.NextBytes(value);
                status.Details.Add(new Any
                {
                    TypeUrl = random.Next(6) == 0 ? string.Empty : "type.googleapis.com/google.rpc.T" + random.Next(9),
                    Value = ByteString.CopyFrom(value),
                });
            }

            return status.ToByteArray();
        }

        private static byte[] WithUnknownField(byte[] bytes, Random random)
        {
            var extra = new MemoryStream();
            var writer = new CodedOutputStream(extra);
            if (random.Next(2) == 0)
            {
                writer.WriteTag(4 + random.Next(20), WireFormat.WireType.Varint);
                writer.WriteInt64(random.Next());
            }
            else
            {
                // An Any with a third field.
                var any = new MemoryStream();
                var anyWriter = new CodedOutputStream(any);
                anyWriter.WriteTag(1, WireFormat.WireType.LengthDelimited);
                anyWriter.WriteString("type.example.com/x");
                anyWriter.WriteTag(3, WireFormat.WireType.Varint);
                anyWriter.WriteInt32(1);
                anyWriter.Flush();
                writer.WriteTag(3, WireFormat.WireType.LengthDelimited);
                writer.WriteBytes(ByteString.CopyFrom(any.ToArray()));
            }

            writer.Flush();
            return bytes.Concat(extra.ToArray()).ToArray();
        }

        private static byte[] Mutate(byte[] bytes, Random random)
        {
            if (bytes.Length == 0)
            {
                return new byte[] { (byte)random.Next(256) };
            }

            var mutated = (byte[])bytes.Clone();
            switch (random.Next(3))
            {
                case 0:
                    return mutated.Take(random.Next(mutated.Length)).ToArray();
                case 1:
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                    return mutated;
                default:
                    // Invalid UTF-8 in a message field.
                    return mutated.Concat(new byte[] { 0x12, 0x02, 0xC3, 0x28 }).ToArray();
            }
        }
    }
}
