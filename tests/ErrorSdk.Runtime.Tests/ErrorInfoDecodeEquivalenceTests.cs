using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Wire;
using Google.Protobuf;
using Xunit;

namespace ErrorSdk.Tests
{
    /// <summary>
    /// The in-place ErrorInfo reader is an optimization: for any bytes it must give exactly what the
    /// CodedInputStream reader gave (the same reason, domain and metadata in the same order, or the same exception),
    /// and the metadata view must behave like the read-only dictionary it replaced.
    /// </summary>
    public class ErrorInfoDecodeEquivalenceTests
    {
        private const int Cases = 20_000;

        [Fact]
        public void Decode_matches_the_CodedInputStream_reader_for_valid_mutated_and_random_bytes()
        {
            var random = new Random(7);
            for (int i = 0; i < Cases; i++)
            {
                var bytes = (i % 4) switch
                {
                    0 => Valid(random),
                    1 => Mutate(Valid(random), random),
                    2 => WithUnknownFields(Valid(random), random),
                    _ => RandomBytes(random),
                };

                // Tight limits on every other case, so cuts and the entry limit are exercised too.
                var limits = i % 2 == 0 ? WireLimits.Default : new WireLimits(maxMetadataEntries: 3, maxIdentifierLength: 32, maxMetadataValueLength: 40);
                var expected = Outcome(() => Reference(bytes, limits));
                var actual = Outcome(() => Describe(ErrorInfoCodec.Decode(ByteString.CopyFrom(bytes), limits, "errorsdk.dev")));
                Assert.True(expected == actual, "case " + i + " (" + Convert.ToBase64String(bytes) + "): expected " + expected + ", got " + actual);
            }
        }

        [Fact]
        public void Decode_reads_bytes_that_do_not_start_at_the_beginning_of_their_array()
        {
            var info = new Google.Rpc.ErrorInfo { Reason = "NOT_FOUND", Domain = "errorsdk.dev" };
            info.Metadata["resourceName"] = "a/b";
            var any = Google.Protobuf.WellKnownTypes.Any.Pack(info);
            var status = new Google.Rpc.Status { Code = 5 };
            status.Details.Add(any);
            // Parsing from a larger buffer leaves the detail's bytes at an offset of a shared array or a copy; either way they read the same.
            var parsed = Google.Rpc.Status.Parser.ParseFrom(status.ToByteArray());

            var decoded = ErrorInfoCodec.Decode(parsed.Details[0].Value, WireLimits.Default, "errorsdk.dev");

            Assert.Equal("NOT_FOUND", decoded.Reason);
            Assert.Equal("errorsdk.dev", decoded.Domain);
            Assert.Equal("a/b", decoded.Metadata.ToMap()["resourceName"]);
        }

        [Fact]
        public void Metadata_view_behaves_like_a_read_only_dictionary()
        {
            var builder = default(MetadataMap.Builder);
            var reference = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < 40; i++)
            {
                // Repeated keys keep their first position and take the last value, past the index threshold too.
                var key = "k" + (i * 7 % 23);
                builder.Set(key, "v" + i);
                reference[key] = "v" + i;
                var map = builder.ToMap();
                Assert.Equal(reference.ToList(), map.ToList());
                Assert.Equal(reference.Count, map.Count);
                Assert.Equal(reference.Keys, map.Keys);
                Assert.Equal(reference.Values, map.Values);
                Assert.All(reference, e => Assert.Equal(e.Value, map[e.Key]));
                Assert.False(map.ContainsKey("absent"));
                Assert.False(map.TryGetValue("absent", out _));
                Assert.Throws<KeyNotFoundException>(() => map["absent"]);
                Assert.Throws<ArgumentNullException>(() => map.ContainsKey(null!));
            }

            Assert.Empty(MetadataMap.Empty);
            Assert.False(MetadataMap.Empty.TryGetValue("x", out _));
        }

        [Fact]
        public void Received_domain_equal_to_the_taxonomy_domain_is_not_copied()
        {
            var status = StatusDetails.Build(5, "gone", "NOT_FOUND", "errorsdk.dev", new Dictionary<string, string>(), null, null);
            var domain = new string("errorsdk.dev".ToCharArray());

            var received = ReceivedError.Read(status, domain);

            Assert.Same(domain, received.Domain);
            Assert.True(received.IsTaxonomyDomain);
        }

        [Fact]
        public void RetryDelay_matches_the_RetryInfo_parser_for_valid_mutated_and_random_bytes()
        {
            var random = new Random(11);
            for (int i = 0; i < Cases; i++)
            {
                var bytes = (i % 3) switch
                {
                    0 => RetryInfoBytes(random),
                    1 => Mutate(RetryInfoBytes(random), random),
                    _ => RandomBytes(random),
                };

                var status = new Google.Rpc.Status { Code = 8 };
                status.Details.Add(new Google.Protobuf.WellKnownTypes.Any { TypeUrl = "type.googleapis.com/google.rpc.RetryInfo", Value = ByteString.CopyFrom(bytes) });
                var received = ReceivedError.Read(status, "errorsdk.dev");

                var expected = ReferenceRetryDelay(bytes);
                var actual = received.RetryAfter + " | " + string.Join(" | ", received.Problems);
                Assert.True(expected == actual, "case " + i + " (" + Convert.ToBase64String(bytes) + "): expected " + expected + ", got " + actual);
            }
        }

        /// <summary>The RetryInfo reading as it was before the in-place path.</summary>
        private static string ReferenceRetryDelay(byte[] bytes)
        {
            try
            {
                var delay = Google.Rpc.RetryInfo.Parser.ParseFrom(bytes).RetryDelay;
                if (delay is null)
                {
                    return " | ";
                }

                if (delay.Seconds < 0 || delay.Nanos < 0 || delay.Nanos > 999_999_999 || delay.Seconds > Google.Protobuf.WellKnownTypes.Duration.MaxSeconds)
                {
                    return " | details[0]: RetryInfo delay out of range (" + delay.Seconds + "s " + delay.Nanos + "ns)";
                }

                return delay.ToTimeSpan() + " | ";
            }
            catch (Exception e) when (e is InvalidProtocolBufferException || e is InvalidOperationException || e is OverflowException)
            {
                return " | details[0]: malformed google.rpc.RetryInfo (" + e.Message + ")";
            }
        }

        private static byte[] RetryInfoBytes(Random random)
        {
            var output = new System.IO.MemoryStream();
            var writer = new CodedOutputStream(output);
            for (int occurrence = 0; occurrence < 1 + (random.Next(5) == 0 ? 1 : 0); occurrence++)
            {
                var duration = new System.IO.MemoryStream();
                var durationWriter = new CodedOutputStream(duration);
                if (random.Next(6) != 0)
                {
                    durationWriter.WriteTag(1, WireFormat.WireType.Varint);
                    durationWriter.WriteInt64(random.Next(10) switch
                    {
                        0 => -random.Next(100),
                        1 => Google.Protobuf.WellKnownTypes.Duration.MaxSeconds + random.Next(3) - 1,
                        2 => random.NextInt64(),
                        _ => random.Next(1000),
                    });
                }

                if (random.Next(6) != 0)
                {
                    durationWriter.WriteTag(2, WireFormat.WireType.Varint);
                    durationWriter.WriteInt32(random.Next(10) switch
                    {
                        0 => -random.Next(100),
                        1 => 999_999_999 + random.Next(3) - 1,
                        2 => random.Next(),
                        _ => random.Next(1_000_000_000),
                    });
                }

                if (random.Next(8) == 0)
                {
                    durationWriter.WriteTag(3 + random.Next(5), WireFormat.WireType.Fixed32);
                    durationWriter.WriteFixed32(7);
                }

                durationWriter.Flush();
                if (random.Next(8) == 0)
                {
                    writer.WriteTag(2, WireFormat.WireType.Varint);
                    writer.WriteInt32(random.Next());
                }

                writer.WriteTag(1, WireFormat.WireType.LengthDelimited);
                writer.WriteBytes(ByteString.CopyFrom(duration.ToArray()));
            }

            writer.Flush();
            return output.ToArray();
        }

        /// <summary>
        /// The reader as it was before the in-place path: CodedInputStream, a dictionary, the limits applied per field;
        /// strings decoded as Google.Protobuf 3.25 decoded them (invalid UTF-8 replaced; 3.36 throws).
        /// </summary>
        private static string Utf8Replacing(CodedInputStream input) => System.Text.Encoding.UTF8.GetString(input.ReadBytes().ToByteArray());

        private static string Reference(byte[] bytes, WireLimits limits)
        {
            string reason = string.Empty;
            string domain = string.Empty;
            bool reasonCut = false;
            bool domainCut = false;
            int keysCut = 0;
            int valuesCut = 0;
            int notRead = 0;
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var input = new CodedInputStream(bytes);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case 10:
                        reason = LimitedText.Cut(Utf8Replacing(input), limits.MaxIdentifierLength, out bool rc);
                        reasonCut |= rc;
                        break;
                    case 18:
                        domain = LimitedText.Cut(Utf8Replacing(input), limits.MaxIdentifierLength, out bool dc);
                        domainCut |= dc;
                        break;
                    case 26:
                        var entry = new CodedInputStream(input.ReadBytes().ToByteArray());
                        string key = string.Empty;
                        string value = string.Empty;
                        uint entryTag;
                        while ((entryTag = entry.ReadTag()) != 0)
                        {
                            switch (entryTag)
                            {
                                case 10:
                                    key = Utf8Replacing(entry);
                                    break;
                                case 18:
                                    value = Utf8Replacing(entry);
                                    break;
                                default:
                                    entry.SkipLastField();
                                    break;
                            }
                        }

                        key = LimitedText.Cut(key, limits.MaxIdentifierLength, out bool keyCut);
                        if (!metadata.ContainsKey(key) && metadata.Count >= limits.MaxMetadataEntries)
                        {
                            notRead++;
                            break;
                        }

                        keysCut += keyCut ? 1 : 0;
                        value = LimitedText.Cut(value, limits.MaxMetadataValueLength, out bool valueCut);
                        valuesCut += valueCut ? 1 : 0;
                        metadata[key] = value;
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            return "ok [" + reason + "] [" + domain + "] " + string.Join(", ", metadata.Select(e => "[" + e.Key + "]=[" + e.Value + "]")) +
                " cuts " + reasonCut + domainCut + keysCut + "/" + valuesCut + "/" + notRead;
        }

        private static string Describe(DecodedErrorInfo info) =>
            "ok [" + info.Reason + "] [" + info.Domain + "] " + string.Join(", ", info.Metadata.ToMap().Select(e => "[" + e.Key + "]=[" + e.Value + "]")) +
            " cuts " + info.ReasonCut + info.DomainCut + info.KeysCut + "/" + info.ValuesCut + "/" + info.EntriesNotRead;

        private static string Outcome(Func<string> decode)
        {
            try
            {
                return decode();
            }
            catch (Exception e)
            {
                return e.GetType().FullName + ": " + e.Message;
            }
        }

        private static byte[] Valid(Random random)
        {
            var info = new Google.Rpc.ErrorInfo { Reason = Text(random), Domain = random.Next(2) == 0 ? "errorsdk.dev" : Text(random) };
            int entries = random.Next(random.Next(4) == 0 ? 30 : 6);
            for (int i = 0; i < entries; i++)
            {
                info.Metadata[Text(random)] = Text(random);
            }

            var bytes = info.ToByteArray();
            if (random.Next(3) == 0)
            {
                // A repeated key on the wire: the last value wins, the first position stays.
                var extra = new Google.Rpc.ErrorInfo();
                foreach (var key in info.Metadata.Keys.Take(2))
                {
                    extra.Metadata[key] = Text(random);
                }

                bytes = bytes.Concat(extra.ToByteArray()).ToArray();
            }

            return bytes;
        }

        private static byte[] WithUnknownFields(byte[] bytes, Random random)
        {
            var output = new System.IO.MemoryStream();
            var writer = new CodedOutputStream(output);
            for (int i = 0; i < 1 + random.Next(4); i++)
            {
                int field = 4 + random.Next(40);
                switch (random.Next(5))
                {
                    case 0:
                        writer.WriteTag(field, WireFormat.WireType.Varint);
                        writer.WriteUInt64((ulong)random.NextInt64() << random.Next(8));
                        break;
                    case 1:
                        writer.WriteTag(field, WireFormat.WireType.Fixed64);
                        writer.WriteFixed64((ulong)random.NextInt64());
                        break;
                    case 2:
                        writer.WriteTag(field, WireFormat.WireType.LengthDelimited);
                        writer.WriteBytes(ByteString.CopyFrom(RandomBytes(random)));
                        break;
                    case 3:
                        writer.WriteTag(field, WireFormat.WireType.Fixed32);
                        writer.WriteFixed32((uint)random.Next());
                        break;
                    default:
                        writer.WriteTag(field, WireFormat.WireType.StartGroup);
                        writer.WriteTag(1, WireFormat.WireType.Varint);
                        writer.WriteInt32(random.Next());
                        writer.WriteTag(field, WireFormat.WireType.EndGroup);
                        break;
                }
            }

            writer.Flush();
            var unknown = output.ToArray();
            int at = random.Next(2) == 0 ? 0 : bytes.Length;
            return bytes.Take(at).Concat(unknown).Concat(bytes.Skip(at)).ToArray();
        }

        private static byte[] Mutate(byte[] bytes, Random random)
        {
            var mutated = bytes.ToList();
            switch (random.Next(4))
            {
                case 0 when mutated.Count > 0:
                    // Truncated.
                    mutated = mutated.Take(random.Next(mutated.Count)).ToList();
                    break;
                case 1 when mutated.Count > 0:
                    mutated[random.Next(mutated.Count)] = (byte)random.Next(256);
                    break;
                case 2:
                    mutated.Insert(random.Next(mutated.Count + 1), (byte)random.Next(256));
                    break;
                default:
                    // Invalid UTF-8 inside a string.
                    mutated.AddRange(new byte[] { 10, 2, 0xC3, 0x28 });
                    break;
            }

            return mutated.ToArray();
        }

        private static byte[] RandomBytes(Random random)
        {
            var bytes = new byte[random.Next(24)];
            random.NextBytes(bytes);
            return bytes;
        }

        private static string Text(Random random)
        {
            const string alphabet = "abcXYZ_09 %{}é√😀";
            var chars = new List<char>();
            int length = random.Next(random.Next(10) == 0 ? 200 : 12);
            for (int i = 0; i < length; i++)
            {
                chars.Add(alphabet[random.Next(alphabet.Length)]);
            }

            return new string(chars.ToArray());
        }
    }
}
