using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ErrorSdk.Wire;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>The hostile shapes of issue 7, one by one, at full size: each is read within the limits and marked.</summary>
    public class HostileWireTests
    {
        private const string Domain = WireGen.Domain;
        private static readonly string OneMegabyte = new string('v', 1 << 20);

        private static KeyValuePair<string, string> H(string key, string value) => new KeyValuePair<string, string>(key, value);

        private static List<string> TrailerProblems(Google.Rpc.Status status) =>
            status.Details.Where(d => d.TypeUrl == GrpcWire.TrailerProblemTypeUrl)
                .Select(d => Struct.Parser.ParseFrom(d.Value).Fields["problem"].StringValue).ToList();

        private static ReceivedError ReadChecked(Google.Rpc.Status status)
        {
            var received = ReceivedError.Read(status, Domain);
            WireInvariants.CheckReceived(status, received, WireLimits.Default);
            return received;
        }

        private static Any ErrorInfo(string reason, string domain, params (string Key, string Value)[] metadata) =>
            new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = ErrorInfoCodec.Encode(reason, domain, metadata.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)).ToList()) };

        [Fact]
        public void Every_truncation_of_a_valid_details_trailer_is_read()
        {
            var status = WireGen.Build(8, "slow down", new[]
            {
                ErrorInfo("TOO_MANY_REQUESTS", Domain, ("limit", "100")),
                Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = 3 } }),
            });
            var bytes = status.ToByteArray();
            int decoded = 0;
            for (int cut = 0; cut < bytes.Length; cut++)
            {
                var value = Convert.ToBase64String(bytes, 0, cut).TrimEnd('=');
                var back = GrpcWire.FromTrailers(new[] { H("grpc-status", "8"), H("grpc-status-details-bin", value) })!;
                Assert.Equal(8, back.Code);
                WireInvariants.CheckReceived(back, ReceivedError.Read(back, Domain), WireLimits.Default);
                var problems = TrailerProblems(back);
                if (problems.Count == 0)
                {
                    decoded++;
                }
                else
                {
                    Assert.Equal(new[] { "undecodable_details" }, problems);
                }
            }

            // A few prefixes end on a field boundary and are valid, shorter statuses; the others are all marked.
            Assert.InRange(decoded, 1, bytes.Length - 1);
        }

        [Fact]
        public void Garbage_bytes_and_garbage_base64_are_marked_undecodable()
        {
            var random = new Random(7);
            var garbage = new byte[512];
            random.NextBytes(garbage);
            garbage[0] = 0xFF; // never a valid first tag of a Status (field 31, wire type 7)
            foreach (var value in new[] { Convert.ToBase64String(garbage), "!!!!", "A", "=====", "Zm9v=YmFy", "\u00e9\u00e9\u00e9\u00e9", "    " + "%%%%" })
            {
                var status = GrpcWire.FromTrailers(new[] { H("grpc-status", "13"), H("grpc-message", "boom"), H("grpc-status-details-bin", value) })!;
                Assert.Equal(13, status.Code);
                Assert.Equal("boom", status.Message);
                Assert.Equal(new[] { "undecodable_details" }, TrailerProblems(status));
                var received = ReadChecked(status);
                Assert.Contains(received.Problems, p => p.Contains("undecodable_details", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void A_status_with_10000_details_is_read_up_to_the_limit_and_keeps_them_all()
        {
            var details = Enumerable.Range(0, 10_000).Select(i => new Any { TypeUrl = "type.googleapis.com/acme.Noise", Value = ByteString.CopyFrom((byte)i) }).ToList();
            details.Add(ErrorInfo("NOT_FOUND", Domain));
            var status = WireGen.Build(5, "gone", details);

            var received = ReadChecked(status);
            Assert.Null(received.Reason); // the ErrorInfo is detail 10,000: past the limit, so the code routes it
            Assert.Equal(10_001, received.Status.Details.Count);
            Assert.Contains("details: read 64 of 10001; the rest stay in the raw status (WireLimits.MaxDetails)", received.Problems);

            var wide = ReceivedError.Read(status, Domain, new WireLimits(maxDetails: 20_000));
            Assert.Equal("NOT_FOUND", wide.Reason);
        }

        [Fact]
        public void A_details_trailer_with_10000_details_is_decoded_within_its_byte_budget()
        {
            var many = WireGen.Build(5, "gone", Enumerable.Range(0, 10_000).Select(_ => new Any()));
            var value = Convert.ToBase64String(many.ToByteArray());
            Assert.True(value.Length < WireLimits.Default.MaxDetailsHeaderBytes);
            var status = GrpcWire.FromTrailers(new[] { H("grpc-status", "5"), H("grpc-status-details-bin", value) })!;
            Assert.Equal(10_000, status.Details.Count);
            Assert.Contains(ReadChecked(status).Problems, p => p.StartsWith("details: read 64 of 10000", StringComparison.Ordinal));
        }

        [Fact]
        public void One_megabyte_metadata_values_and_keys_are_cut_and_marked()
        {
            var status = WireGen.Build(5, "gone", new[] { ErrorInfo("NOT_FOUND", Domain, ("resourceName", OneMegabyte), (OneMegabyte, "x")) });
            var received = ReadChecked(status);
            var value = received.Metadata["resourceName"];
            Assert.Equal(WireLimits.Default.MaxMetadataValueLength, value.Length);
            Assert.EndsWith(WireLimits.TruncationMarker, value, StringComparison.Ordinal);
            Assert.Contains(received.Problems, p => p == "details[0]: ErrorInfo 1 metadata value(s) cut (WireLimits.MaxMetadataValueLength)");
            Assert.Contains(received.Problems, p => p == "details[0]: ErrorInfo 1 metadata key(s) cut (WireLimits.MaxIdentifierLength)");
            Assert.Contains(received.Metadata.Keys, k => k.Length == WireLimits.Default.MaxIdentifierLength && k.EndsWith(WireLimits.TruncationMarker, StringComparison.Ordinal));
            Assert.Equal(OneMegabyte.Length, Google.Rpc.ErrorInfo.Parser.ParseFrom(received.Status.Details[0].Value).Metadata["resourceName"].Length);
        }

        [Fact]
        public void Ten_thousand_metadata_entries_keep_the_first_1024_keys_and_count_the_rest()
        {
            var entries = Enumerable.Range(0, 10_000).Select(i => ("k" + i, "v" + i)).ToArray();
            var received = ReadChecked(WireGen.Build(5, "gone", new[] { ErrorInfo("NOT_FOUND", Domain, entries) }));
            Assert.Equal(1024, received.Metadata.Count);
            Assert.Equal("v1023", received.Metadata["k1023"]);
            Assert.False(received.Metadata.ContainsKey("k1024"));
            Assert.Contains("details[0]: ErrorInfo 8976 metadata entr(ies) past the limit not read; they stay in the raw status (WireLimits.MaxMetadataEntries)", received.Problems);
        }

        [Fact]
        public void A_one_megabyte_reason_domain_message_and_debug_detail_are_cut()
        {
            var status = WireGen.Build(2, OneMegabyte, new[]
            {
                ErrorInfo(OneMegabyte, OneMegabyte),
                Any.Pack(new Google.Rpc.DebugInfo { Detail = OneMegabyte }),
            });
            var received = ReadChecked(status);
            Assert.Equal(WireLimits.Default.MaxMessageLength, received.Message.Length);
            Assert.Equal(WireLimits.Default.MaxIdentifierLength, received.Reason!.Length);
            Assert.Equal(WireLimits.Default.MaxDebugDetailLength, received.DebugDetail!.Length);
            Assert.Contains("message: cut to 8192 of 1048576 characters", received.Problems);
            Assert.Contains("details[1]: DebugInfo detail: cut to 16384 of 1048576 characters", received.Problems);

            var error = new UnclassifiedException(received);
            Assert.True(error.ToString().Length < 10_000);
            Assert.True(error.ToStatus().CalculateSize() < 10_000);
        }

        [Fact]
        public void One_megabyte_trailer_values_are_cut_and_marked()
        {
            var status = GrpcWire.FromTrailers(new[]
            {
                H("grpc-status", OneMegabyte),
                H("grpc-message", string.Concat(Enumerable.Repeat("%C3%A9", 1 << 18))),
                H("grpc-status-details-bin", OneMegabyte),
            })!;

            Assert.Equal((int)Google.Rpc.Code.Unknown, status.Code);
            Assert.Equal(WireLimits.Default.MaxMessageLength, status.Message.Length);
            Assert.StartsWith("ééé", status.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "unparsable_status", "details_too_large", "message_truncated" }, TrailerProblems(status));
            Assert.All(status.Details, d => Assert.True(d.Value.Length < 1024));
            ReadChecked(status);
        }

        [Fact]
        public void Many_details_values_stay_within_the_byte_budget_and_problems_are_capped()
        {
            var headers = new List<KeyValuePair<string, string>> { H("grpc-status", "14") };
            headers.AddRange(Enumerable.Range(0, 5_000).Select(i => H("grpc-status-details-bin", "!" + i)));
            headers.Add(H("grpc-status-details-bin", string.Join(",", Enumerable.Repeat("@", 30_000))));
            var status = GrpcWire.FromTrailers(headers)!;
            var problems = TrailerProblems(status);
            Assert.Equal(17, problems.Count);
            Assert.Equal("more_problems", problems[16]);
            // 5,000 undecodable values and one value past the byte budget: 16 recorded, 4,985 counted.
            Assert.Equal("4985", Struct.Parser.ParseFrom(status.Details[16].Value).Fields["raw"].StringValue);
            ReadChecked(status);
        }

        [Fact]
        public void Invalid_utf8_is_replaced_and_marked()
        {
            // In the Status bytes: Google.Protobuf 3.36's parser throws on invalid UTF-8; the runtime's reader replaces it,
            // keeps the details and marks it. With unknown fields beside it, only those are dropped (and that is marked).
            var bytes = new byte[] { 0x08, 0x03, 0x12, 0x04, 0x61, 0xC3, 0x28, 0xFF, 0x1A, 0x05, 0x0A, 0x01, 0xC3, 0x12, 0x00 };
            Assert.Throws<InvalidProtocolBufferException>(() => Google.Rpc.Status.Parser.ParseFrom(bytes));
            var status = GrpcWire.FromTrailers(new[] { H("grpc-status", "3"), H("grpc-status-details-bin", Convert.ToBase64String(bytes)) })!;
            Assert.Equal("a\uFFFD(\uFFFD", ReadChecked(status).Message);
            Assert.Equal(new[] { "invalid_utf8_details" }, TrailerProblems(status));
            Assert.Equal("\uFFFD", status.Details.Single(d => d.TypeUrl != GrpcWire.TrailerProblemTypeUrl).TypeUrl);
            Assert.Contains(ReadChecked(status).Problems, p => p.Contains("invalid_utf8_details", StringComparison.Ordinal));
            var withUnknown = bytes.Concat(new byte[] { 0x20, 0x07 }).ToArray();
            var skipped = GrpcWire.FromTrailers(new[] { H("grpc-status", "3"), H("grpc-status-details-bin", Convert.ToBase64String(withUnknown)) })!;
            Assert.Equal("a\uFFFD(\uFFFD", ReadChecked(skipped).Message);
            Assert.Equal(new[] { "invalid_utf8_details_unknown_fields_skipped" }, TrailerProblems(skipped));

            // In grpc-message: the same replacement, and a trailer problem says so.
            var fromTrailers = GrpcWire.FromTrailers(new[] { H("grpc-status", "3"), H("grpc-message", "a%C3%28%FF") })!;
            Assert.Equal("a\uFFFD(\uFFFD", fromTrailers.Message);
            Assert.Equal(new[] { "invalid_utf8_message" }, TrailerProblems(fromTrailers));

            // In ErrorInfo strings.
            var info = new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = ByteString.CopyFrom(0x0A, 0x02, 0xC3, 0x28, 0x12, 0x01, 0xFF) };
            var received = ReadChecked(WireGen.Build(3, "m", new[] { info }));
            Assert.Equal("\uFFFD(", received.Reason);
            Assert.Equal("\uFFFD", received.Domain);
            Assert.Contains(received.Problems, p => p.StartsWith("details[0]: ErrorInfo invalid UTF-8 replaced", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("%", "%")]
        [InlineData("%%", "%%")]
        [InlineData("100%", "100%")]
        [InlineData("%G1x", "%G1x")]
        [InlineData("a%2", "a%2")]
        [InlineData("%E2%9C", "\uFFFD")]
        public void Invalid_percent_encoding_stays_literal_and_is_marked(string encoded, string expected)
        {
            var status = GrpcWire.FromTrailers(new[] { H("grpc-status", "3"), H("grpc-message", encoded) })!;
            Assert.Equal(expected, status.Message);
            Assert.NotEmpty(TrailerProblems(status));
            ReadChecked(status);
        }

        [Fact]
        public void An_Any_nested_in_an_Any_is_kept_and_not_unwrapped()
        {
            var inner = ErrorInfo("NOT_FOUND", Domain);
            var nested = Any.Pack(Any.Pack(Any.Pack(inner)));
            var status = WireGen.Build(5, "gone", new[] { nested, new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = nested.ToByteString() } });
            var received = ReadChecked(status);
            // The second detail claims to be an ErrorInfo but holds an Any: its fields read as a foreign ErrorInfo.
            Assert.False(received.IsTaxonomyDomain);
            Assert.Same(nested, received.Status.Details[0]);
        }

        [Fact]
        public void Wrong_type_urls_are_not_trusted()
        {
            var retry = Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = 5 } });
            var status = WireGen.Build(8, "m", new[]
            {
                new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = retry.Value },
                new Any { TypeUrl = "type.googleapis.com/google.rpc.RetryInfo", Value = ErrorInfo("NOT_FOUND", Domain).Value },
                new Any { TypeUrl = "type.googleapis.com/google.rpc.DebugInfo", Value = ByteString.CopyFrom(0x0F) },
                new Any { TypeUrl = GrpcWire.TrailerProblemTypeUrl, Value = ByteString.CopyFrom(0xFF, 0xFF) },
                new Any { TypeUrl = new string('/', 100_000), Value = ByteString.Empty },
            });
            var received = ReadChecked(status);
            Assert.NotEqual("NOT_FOUND", received.Reason);
            Assert.Contains(received.Problems, p => p.StartsWith("details[2]: malformed google.rpc.DebugInfo", StringComparison.Ordinal));
            Assert.Contains("details[3]: trailer problem", received.Problems);
        }

        [Fact]
        public void Deeply_nested_groups_are_malformed_not_a_stack_overflow()
        {
            // 100,000 nested start-group tags of field 9 inside an ErrorInfo and inside a Status.
            var groups = Enumerable.Repeat((byte)0x4B, 100_000).ToArray();
            var status = WireGen.Build(5, "m", new[] { new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = ByteString.CopyFrom(groups) } });
            var received = ReadChecked(status);
            Assert.Contains(received.Problems, p => p.StartsWith("details[0]: malformed google.rpc.ErrorInfo", StringComparison.Ordinal));

            var trailer = GrpcWire.FromTrailers(new[] { H("grpc-status", "5"), H("grpc-status-details-bin", Convert.ToBase64String(groups.Take(40_000).ToArray())) })!;
            Assert.Equal(new[] { "undecodable_details" }, TrailerProblems(trailer));
        }

        [Theory]
        [InlineData(int.MinValue)]
        [InlineData(-1)]
        [InlineData(17)]
        [InlineData(int.MaxValue)]
        public void Out_of_range_codes_are_kept_marked_and_travel(int code)
        {
            var status = WireGen.Build(code, "m", Array.Empty<Any>());
            var received = ReadChecked(status);
            Assert.Contains(received.Problems, p => p.StartsWith("code " + code + " is outside", StringComparison.Ordinal));
            var error = new UnclassifiedException(received);
            Assert.Equal(500, error.HttpStatus);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Contains("[, " + code + "]", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(code, GrpcWire.FromTrailers(GrpcWire.ToTrailers(error.ToStatus()))!.Code);
        }

        [Fact]
        public void Code_OK_in_an_error_is_marked()
        {
            Assert.Contains("code 0 (OK) in an error status", ReadChecked(WireGen.Build(0, string.Empty, Array.Empty<Any>())).Problems);
        }

        [Theory]
        [InlineData(" 8 ", 8)]
        [InlineData("+8", 8)]
        [InlineData("99999999999", 2)]
        [InlineData("0x08", 2)]
        [InlineData("8,9", 2)]
        [InlineData("", 2)]
        public void Grpc_status_text_is_parsed_strictly(string text, int expected)
        {
            Assert.Equal(expected, GrpcWire.FromTrailers(new[] { H("grpc-status", text) })!.Code);
        }

        [Fact]
        public void Extra_details_values_after_the_decoded_one_are_marked()
        {
            var good = Convert.ToBase64String(WireGen.Build(5, "m", new[] { ErrorInfo("NOT_FOUND", Domain) }).ToByteArray());
            var other = Convert.ToBase64String(WireGen.Build(5, "m", new[] { ErrorInfo("OTHER", Domain) }).ToByteArray());
            var status = GrpcWire.FromTrailers(new[] { H("grpc-status", "5"), H("grpc-status-details-bin", good), H("grpc-status-details-bin", other) })!;
            Assert.Equal(new[] { "extra_details" }, TrailerProblems(status));
            Assert.Equal("NOT_FOUND", ReadChecked(status).Reason);
        }

        [Fact]
        public void Cutting_never_splits_a_surrogate_pair()
        {
            var limits = new WireLimits(maxMessageLength: 40);
            for (int offset = 0; offset < 4; offset++)
            {
                var message = new string('a', offset) + string.Concat(Enumerable.Repeat("😀", 40));
                var received = ReceivedError.Read(WireGen.Build(3, message, Array.Empty<Any>()), Domain, limits);
                Assert.True(received.Message.Length <= 40);
                var kept = received.Message.Substring(0, received.Message.Length - WireLimits.TruncationMarker.Length);
                Assert.False(char.IsHighSurrogate(kept[kept.Length - 1]));
                Assert.Equal(kept, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(kept)));
            }
        }

        [Fact]
        public void Limits_reject_values_that_cannot_work()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new WireLimits(maxDetails: -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new WireLimits(maxMessageLength: WireLimits.MinTextLength - 1));
            Assert.Throws<ArgumentNullException>(() => ReceivedError.Read(null, Domain, null!));
            Assert.Throws<ArgumentNullException>(() => GrpcWire.FromTrailers(Array.Empty<KeyValuePair<string, string>>(), null!));
            var zero = new WireLimits(maxDetails: 0, maxMetadataEntries: 0, maxDetailsHeaderBytes: 0);
            Assert.Equal(0, zero.MaxDetails);
            Assert.Contains("details 0", zero.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Null_and_empty_input_reads_safely()
        {
            Assert.Null(GrpcWire.FromTrailers(null!));
            Assert.Null(GrpcWire.FromTrailers(Array.Empty<KeyValuePair<string, string>>()));
            Assert.Null(GrpcWire.FromTrailers(new[] { H(null!, "8"), H("grpc-statu", "8") }));
            var empty = GrpcWire.FromTrailers(new[] { H("grpc-status", null!), H("grpc-message", null!), H("grpc-status-details-bin", null!) })!;
            Assert.Equal((int)Google.Rpc.Code.Unknown, empty.Code);
            Assert.Equal(string.Empty, empty.Message);
            Assert.Equal(Google.Rpc.Code.Unknown, ReceivedError.Read(null, Domain).Code);
        }
    }
}
