using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Tests
{
    public class GrpcWireTests
    {
        private static Google.Rpc.Status SampleStatus() =>
            ErrorSdk.Wire.StatusDetails.Build(
                8,
                "Too many requests: 100% used {quota}",
                "TOO_MANY_REQUESTS",
                "errorsdk.dev",
                new Dictionary<string, string> { ["limit"] = "100" },
                TimeSpan.FromSeconds(1.5),
                null);

        [Fact]
        public void Trailers_round_trip_the_status()
        {
            var status = SampleStatus();
            var trailers = GrpcWire.ToTrailers(status);

            Assert.Equal("8", trailers.Single(t => t.Key == "grpc-status").Value);
            Assert.DoesNotContain('=', trailers.Single(t => t.Key == "grpc-status-details-bin").Value);
            var back = GrpcWire.FromTrailers(trailers);
            Assert.Equal(status, back);
        }

        [Fact]
        public void Message_is_percent_encoded_as_the_grpc_spec_says()
        {
            Assert.Equal("100%25 caf%C3%A9%0A", GrpcWire.PercentEncode("100% café\n"));
            Assert.Equal("plain text {x}", GrpcWire.PercentEncode("plain text {x}"));
        }

        [Theory]
        [InlineData("100%25 caf%C3%A9", "100% café")]
        [InlineData("a+b", "a+b")]
        [InlineData("bad %zz and %4", "bad %zz and %4")]
        [InlineData("%E2%9C%93 ok", "✓ ok")]
        public void Message_decoding_is_utf8_and_keeps_malformed_sequences(string encoded, string expected)
        {
            Assert.Equal(expected, GrpcWire.PercentDecode(encoded));
        }

        [Fact]
        public void No_grpc_status_means_no_status()
        {
            Assert.Null(GrpcWire.FromTrailers(new[] { new KeyValuePair<string, string>("content-type", "application/grpc") }));
        }

        [Fact]
        public void Header_names_are_case_insensitive_and_padding_is_optional()
        {
            var bytes = SampleStatus().ToByteArray();
            foreach (var encoded in new[] { Convert.ToBase64String(bytes), Convert.ToBase64String(bytes).TrimEnd('=') })
            {
                var status = GrpcWire.FromTrailers(new[]
                {
                    new KeyValuePair<string, string>("Grpc-Status", "8"),
                    new KeyValuePair<string, string>("GRPC-STATUS-DETAILS-BIN", encoded),
                });
                Assert.NotNull(status);
                Assert.Equal(2, status!.Details.Count);
            }
        }

        [Fact]
        public void First_decodable_of_comma_joined_values_wins_and_the_bad_one_is_kept()
        {
            var good = Convert.ToBase64String(SampleStatus().ToByteArray()).TrimEnd('=');
            var status = GrpcWire.FromTrailers(new[]
            {
                new KeyValuePair<string, string>("grpc-status", "8"),
                new KeyValuePair<string, string>("grpc-status-details-bin", "!!notbase64!!," + good),
            })!;

            Assert.Equal(8, status.Code);
            Assert.Contains(status.Details, d => d.TypeUrl == GrpcWire.TrailerProblemTypeUrl);
            Assert.Contains(status.Details, d => d.TypeUrl.EndsWith("google.rpc.ErrorInfo", StringComparison.Ordinal));
        }

        [Fact]
        public void Bad_details_keep_the_code_and_message()
        {
            var status = GrpcWire.FromTrailers(new[]
            {
                new KeyValuePair<string, string>("grpc-status", "14"),
                new KeyValuePair<string, string>("grpc-message", "down%21"),
                new KeyValuePair<string, string>("grpc-status-details-bin", "AAAA"),
            })!;

            Assert.Equal(14, status.Code);
            Assert.Equal("down!", status.Message);
            var problem = Struct.Parser.ParseFrom(status.Details.Single().Value);
            Assert.Equal("undecodable_details", problem.Fields["problem"].StringValue);
            Assert.Equal("AAAA", problem.Fields["raw"].StringValue);
        }

        [Fact]
        public void Header_code_wins_over_the_details_code_and_the_mismatch_is_kept()
        {
            var details = Convert.ToBase64String(SampleStatus().ToByteArray());
            var status = GrpcWire.FromTrailers(new[]
            {
                new KeyValuePair<string, string>("grpc-status", "14"),
                new KeyValuePair<string, string>("grpc-status-details-bin", details),
            })!;

            Assert.Equal(14, status.Code);
            Assert.Equal("Too many requests: 100% used {quota}", status.Message);
            var received = ReceivedError.Read(status, "errorsdk.dev");
            Assert.Equal("TOO_MANY_REQUESTS", received.Reason);
            Assert.Contains(received.Problems, p => p.Contains("code_mismatch", StringComparison.Ordinal));
        }

        [Fact]
        public void Unparsable_grpc_status_reads_as_unknown_and_is_kept()
        {
            var status = GrpcWire.FromTrailers(new[] { new KeyValuePair<string, string>("grpc-status", "eight") })!;
            Assert.Equal((int)Google.Rpc.Code.Unknown, status.Code);
            Assert.Equal("eight", Struct.Parser.ParseFrom(status.Details.Single().Value).Fields["raw"].StringValue);
        }
    }
}
