using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Wire;
using CsCheck;
using ErrorSdk.Properties.Tests.Generation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>
    /// Random and hostile wire input, 100,000 cases in all: every reader returns a result within the limits, with no
    /// exception, and marks what it cut.
    /// </summary>
    public class WirePropertyTests
    {
        /// <summary>
        /// <paramref name="cases"/> cases on one thread (xunit already runs the test classes side by side); a failure is
        /// shrunk over the remaining cases and reported with its seed (<c>CsCheck_Seed=…</c> replays it).
        /// </summary>
        private static void Run<T>(Gen<T> gen, int cases, Action<T> property) =>
            gen.Sample(property, iter: cases, threads: 1);

        [Fact]
        public void Random_status_bytes_read_without_exception_25000()
        {
            Run(WireGen.StatusBytes, 25_000, bytes =>
            {
                Google.Rpc.Status? status = null;
                try
                {
                    status = Google.Rpc.Status.Parser.ParseFrom(bytes);
                }
                catch (InvalidProtocolBufferException)
                {
                    // Bytes that are no Status never reach Promote; the trailer path covers them (undecodable_details).
                }

                WireInvariants.CheckReceived(status, ReceivedError.Read(status, WireGen.Domain), WireLimits.Default);
            });
        }

        [Fact]
        public void Random_statuses_with_hostile_details_read_and_send_on_25000()
        {
            Run(WireGen.Status, 25_000, status =>
            {
                var received = ReceivedError.Read(status, WireGen.Domain);
                WireInvariants.CheckReceived(status, received, WireLimits.Default);
            });
        }

        [Fact]
        public void Random_trailers_read_without_exception_30000()
        {
            Run(WireGen.Trailers, 30_000, headers =>
            {
                var status = GrpcWire.FromTrailers(headers);
                WireInvariants.CheckTrailers(headers, status, WireLimits.Default);
            });
        }

        private const string Plain = "abc01 é😀";

        private static Gen<WireLimits> SmallLimits =>
            from details in Gen.Int[0, 4]
            from entries in Gen.Int[0, 4]
            from identifier in Gen.Int[32, 40]
            from value in Gen.Int[32, 40]
            from message in Gen.Int[32, 40]
            from debug in Gen.Int[32, 40]
            from header in Gen.Int[0, 600]
            select new WireLimits(details, entries, identifier, value, message, debug, header);

        // Text the sanitizer leaves alone (no keyword, no URL, no separator), with pairs and lone surrogates.
        private static Gen<string> PlainText(int max) =>
            from length in Gen.Int[0, max]
            from chars in Gen.OneOf("a", "b", "c", "0", "1", " ", "é", "😀", "\uD83D").Array[length]
            select string.Concat(chars);

        public sealed record LimitCase(WireLimits Limits, Google.Rpc.Status Status, int InfoAt, List<KeyValuePair<string, string>> Entries, string Debug);

        private static Gen<LimitCase> LimitCases =>
            from limits in SmallLimits
            from message in PlainText(60)
            from reason in Gen.OneOf("NOT_FOUND", "A_VERY_LONG_REASON_THAT_GOES_PAST_THE_IDENTIFIER_LIMIT_OF_FORTY")
            from keys in Gens.SizedList(Gen.OneOf("k0", "k1", "k2", "k3", "k4", "k5"))
            from values in PlainText(60).Array[keys.Count]
            from fillers in Gen.Int[0, 6]
            from infoAt in Gen.Int[0, fillers]
            from debug in PlainText(60)
            select MakeLimitCase(limits, message, reason, keys.Zip(values, (k, v) => new KeyValuePair<string, string>(k, v)).ToList(), fillers, infoAt, debug);

        private static LimitCase MakeLimitCase(WireLimits limits, string message, string reason, List<KeyValuePair<string, string>> entries, int fillers, int infoAt, string debug)
        {
            var details = Enumerable.Range(0, fillers).Select(i => new Any { TypeUrl = "type.googleapis.com/acme.Filler", Value = ByteString.CopyFrom((byte)i) }).ToList();
            details.Insert(infoAt, new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = ErrorInfoCodec.Encode(reason, WireGen.Domain, entries) });
            details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = debug }));
            return new LimitCase(limits, WireGen.Build(9, message, details), infoAt, entries, debug);
        }

        [Fact]
        public void Every_cut_is_marked_and_nothing_is_dropped_silently_20000()
        {
            Run(LimitCases, 20_000, c =>
            {
                var limits = c.Limits;
                var raw = c.Status;
                // What the reader sees is what the bytes say: compare against the UTF-8 round trip of the inputs.
                var status = Google.Rpc.Status.Parser.ParseFrom(raw.ToByteArray());
                var received = ReceivedError.Read(status, WireGen.Domain, limits);
                WireInvariants.CheckReceived(status, received, limits);

                ExpectCut(status.Message, received.Message, limits.MaxMessageLength, received.Problems, "message: cut");
                bool infoRead = c.InfoAt < limits.MaxDetails;
                if (status.Details.Count > limits.MaxDetails)
                {
                    Assert.Contains(received.Problems, p => p.StartsWith("details: read " + limits.MaxDetails + " of " + status.Details.Count, StringComparison.Ordinal));
                }

                if (!infoRead)
                {
                    Assert.Null(received.Reason);
                    Assert.Empty(received.Metadata);
                }
                else
                {
                    ExpectCut(ReasonOf(status.Details[c.InfoAt]), received.Reason!, limits.MaxIdentifierLength, received.Problems, "details[" + c.InfoAt + "]: ErrorInfo reason cut");

                    var distinct = c.Entries.Select(e => e.Key).Distinct().ToList();
                    var kept = distinct.Take(limits.MaxMetadataEntries).ToList();
                    Assert.Equal(kept.OrderBy(k => k, StringComparer.Ordinal), received.Metadata.Keys.OrderBy(k => k, StringComparer.Ordinal));
                    Assert.Equal(distinct.Count > kept.Count, received.Problems.Any(p => p.Contains("past the limit not read", StringComparison.Ordinal)));
                    foreach (var key in kept)
                    {
                        var last = WireInvariants.ThroughUtf8(c.Entries.Last(e => e.Key == key).Value);
                        ExpectCut(last, received.Metadata[key], limits.MaxMetadataValueLength, null, null);
                    }

                    // Every value that was cut is counted, also one a later entry of the same key replaced.
                    bool anyValueCut = c.Entries.Any(e => kept.Contains(e.Key) && WireInvariants.ThroughUtf8(e.Value).Length > limits.MaxMetadataValueLength);

                    Assert.Equal(anyValueCut, received.Problems.Any(p => p.Contains("metadata value(s) cut", StringComparison.Ordinal)));
                }

                bool debugRead = status.Details.Count <= limits.MaxDetails;
                if (debugRead)
                {
                    ExpectCut(WireInvariants.ThroughUtf8(c.Debug), received.DebugDetail ?? string.Empty, limits.MaxDebugDetailLength, received.Problems, "details[" + (status.Details.Count - 1) + "]: DebugInfo detail: cut");
                }

                // The same status through trailers: the message and the details header are cut and marked there too.
                var back = GrpcWire.FromTrailers(GrpcWire.ToTrailers(status), limits)!;
                var problems = back.Details.Where(d => d.TypeUrl == GrpcWire.TrailerProblemTypeUrl)
                    .Select(d => Struct.Parser.ParseFrom(d.Value).Fields["problem"].StringValue).ToList();
                ExpectCut(status.Message, back.Message, limits.MaxMessageLength, null, null);
                Assert.Equal(status.Message.Length > limits.MaxMessageLength, problems.Contains("message_truncated"));
                var header = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
                bool tooLarge = header.Length > limits.MaxDetailsHeaderBytes;
                Assert.Equal(tooLarge, problems.Contains("details_too_large"));
                Assert.True(
                    (tooLarge ? 0 : status.Details.Count) == back.Details.Count - problems.Count,
                    "details lost: " + string.Join(", ", problems) + " / " + status.Details.Count + " sent, " + back.Details.Count + " back");
            });
        }

        private static string ReasonOf(Any detail)
        {
            var decoded = ErrorInfoCodec.Decode(detail.Value, new WireLimits(maxIdentifierLength: 1 << 20));
            return decoded.Reason;
        }

        /// <summary>Either the text is whole, or it is its own start and the marker, within the limit, and a problem says so.</summary>
        private static void ExpectCut(string raw, string read, int max, IReadOnlyList<string>? problems, string? problemStart)
        {
            if (raw.Length <= max)
            {
                Assert.Equal(raw, read);
                return;
            }

            Assert.True(read.Length <= max, "cut text over the limit");
            Assert.EndsWith(WireLimits.TruncationMarker, read, StringComparison.Ordinal);
            Assert.StartsWith(read.Substring(0, read.Length - WireLimits.TruncationMarker.Length), raw, StringComparison.Ordinal);
            if (problems is not null)
            {
                Assert.Contains(problems, p => p.StartsWith(problemStart!, StringComparison.Ordinal));
            }
        }
    }
}
