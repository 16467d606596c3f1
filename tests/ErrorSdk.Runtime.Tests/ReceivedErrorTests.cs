using System;
using System.Collections.Generic;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Tests
{
    public class ReceivedErrorTests
    {
        [Fact]
        public void ErrorInfo_is_written_and_read_by_field_number()
        {
            var status = ErrorSdk.Wire.StatusDetails.Build(
                5, "gone", "NOT_FOUND", "errorsdk.dev",
                new Dictionary<string, string> { ["resourceName"] = "a/b", ["x"] = "" }, null, null);

            // Cross-check with CommonProtos' own ErrorInfo (field 1 is named Type in 2.0.0).
            var info = status.Details[0].Unpack<Google.Rpc.ErrorInfo>();
            Assert.Equal("errorsdk.dev", info.Domain);
            Assert.Equal("a/b", info.Metadata["resourceName"]);

            var received = ReceivedError.Read(status, "errorsdk.dev");
            Assert.Equal("NOT_FOUND", received.Reason);
            Assert.True(received.IsTaxonomyDomain);
            Assert.Equal("a/b", received.Metadata["resourceName"]);
            Assert.Equal(string.Empty, received.Metadata["x"]);
            Assert.Empty(received.Problems);
        }

        [Fact]
        public void The_taxonomy_domain_wins_over_an_earlier_foreign_ErrorInfo()
        {
            var status = new Google.Rpc.Status { Code = 5 };
            status.Details.Add(ErrorSdk.Wire.StatusDetails.Build(5, "", "FOREIGN", "other.example", new Dictionary<string, string>(), null, null).Details);
            status.Details.Add(ErrorSdk.Wire.StatusDetails.Build(5, "", "NOT_FOUND", "errorsdk.dev", new Dictionary<string, string>(), null, null).Details);

            var received = ReceivedError.Read(status, "errorsdk.dev");
            Assert.Equal("NOT_FOUND", received.Reason);
            Assert.True(received.IsTaxonomyDomain);

            var foreignOnly = ReceivedError.Read(status, "third.example");
            Assert.Equal("FOREIGN", foreignOnly.Reason);
            Assert.False(foreignOnly.IsTaxonomyDomain);
        }

        [Fact]
        public void Malformed_details_are_listed_and_the_rest_is_read()
        {
            var status = new Google.Rpc.Status { Code = 8, Message = "slow down" };
            status.Details.Add(new Any { TypeUrl = "type.googleapis.com/google.rpc.ErrorInfo", Value = ByteString.CopyFrom(0x0A, 0xFF) });
            status.Details.Add(new Any { TypeUrl = "type.googleapis.com/acme.Unknown", Value = ByteString.CopyFrom(1, 2, 3) });
            status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = 2 } }));

            var received = ReceivedError.Read(status, "errorsdk.dev");
            Assert.Null(received.Reason);
            Assert.Equal(TimeSpan.FromSeconds(2), received.RetryAfter);
            Assert.Single(received.Problems);
            Assert.Same(status, received.Status);
        }

        [Fact]
        public void Negative_or_out_of_range_retry_delays_are_not_used()
        {
            var status = new Google.Rpc.Status { Code = 8 };
            status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = -5 } }));
            var received = ReceivedError.Read(status, "d");
            Assert.Null(received.RetryAfter);
            Assert.NotEmpty(received.Problems);
        }

        [Fact]
        public void A_null_status_reads_as_unknown()
        {
            var received = ReceivedError.Read(null, "d");
            Assert.Equal(Google.Rpc.Code.Unknown, received.Code);
            var unclassified = new UnclassifiedException(received);
            Assert.Equal(RetryPolicy.Never, unclassified.Retry);
            Assert.Equal(500, unclassified.HttpStatus);
        }

        [Theory]
        [InlineData(14, false, RetryPolicy.Transient)]
        [InlineData(8, true, RetryPolicy.Throttled)]
        [InlineData(8, false, RetryPolicy.Never)]
        [InlineData(2, false, RetryPolicy.Never)]
        [InlineData(9, false, RetryPolicy.Never)]
        [InlineData(99, false, RetryPolicy.Never)]
        public void Unclassified_errors_classify_by_code(int code, bool hasDelay, RetryPolicy expected)
        {
            var status = new Google.Rpc.Status { Code = code, Message = "m" };
            if (hasDelay)
            {
                status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = 1 } }));
            }

            var error = new UnclassifiedException(status, "d");
            Assert.Equal(expected, error.Retry);
            Assert.Equal("m", error.Message);
            Assert.Same(status, error.ReceivedStatus);
        }

        [Fact]
        public void ToStatus_of_an_error_without_a_reason_carries_no_ErrorInfo()
        {
            // AIP-193: an ErrorInfo has a reason and a domain; an error with neither sends none.
            var error = new UnclassifiedException(new Google.Rpc.Status { Code = 13, Message = "x" }, "errorsdk.dev");

            var status = error.ToStatus();

            Assert.Equal(string.Empty, error.Reason);
            Assert.Equal(13, status.Code);
            Assert.Equal("x", status.Message);
            Assert.Empty(status.Details);
        }

        [Fact]
        public void ToStatus_without_a_reason_keeps_RetryInfo_and_opt_in_DebugInfo()
        {
            var received = new Google.Rpc.Status { Code = 14, Message = "down" };
            received.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = 3 } }));
            received.Details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = "db pool exhausted" }));
            var error = new UnclassifiedException(received, "errorsdk.dev");

            var status = error.ToStatus(includeDeveloperMessage: true);

            Assert.Equal(2, status.Details.Count);
            Assert.Equal(new Duration { Seconds = 3 }, status.Details[0].Unpack<Google.Rpc.RetryInfo>().RetryDelay);
            Assert.Equal("db pool exhausted", status.Details[1].Unpack<Google.Rpc.DebugInfo>().Detail);
        }

        [Fact]
        public void ToStatus_of_a_forwarded_foreign_error_keeps_its_ErrorInfo()
        {
            var info = new Google.Rpc.ErrorInfo { Reason = "BAD_THING", Domain = "other.example" };
            info.Metadata["zone"] = "eu-1";
            var received = new Google.Rpc.Status { Code = 9, Message = "m" };
            received.Details.Add(Any.Pack(info));
            var error = new UnclassifiedException(received, "errorsdk.dev");

            var sent = error.ToStatus().Details[0].Unpack<Google.Rpc.ErrorInfo>();

            Assert.Equal("BAD_THING", sent.Reason);
            Assert.Equal("other.example", sent.Domain);
            Assert.Equal("eu-1", sent.Metadata["zone"]);
        }
    }
}
